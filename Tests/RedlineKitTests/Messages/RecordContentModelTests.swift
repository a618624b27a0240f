import Testing

@testable import RedlineKit
@testable import RedlineXML

/// The content model read from the embedded record schema, and the corrections a fix line
/// proposes for a rejected value.
struct RecordContentModelTests {
    struct Order: Sendable, CustomTestStringConvertible {
        let element: String
        let children: [String]
        let required: [String]
        let requiredAttributes: [String]
        var testDescription: String { element }
    }

    @Test(arguments: [
        Order(
            element: "lifecycle",
            children: [
                "issuingState", "authority", "reference", "submitted", "decided", "validFrom", "validUntil", "ended",
                "renewalOf", "determination", "review",
            ], required: ["issuingState", "authority"], requiredAttributes: ["kind", "status"]),
        Order(
            element: "licenceRecord",
            children: [
                "lifecycle", "exporter", "parties", "items", "limits", "endUse", "destination", "dueDiligence",
                "transparency", "events",
            ], required: ["lifecycle", "exporter"], requiredAttributes: ["id", "formatVersion", "stage"]),
        // Through complexContent/extension of the named type namedEntity.
        Order(
            element: "party", children: ["name", "alias", "country"], required: ["name"],
            requiredAttributes: ["role"]),
        Order(element: "ended", children: [], required: [], requiredAttributes: ["reason", "date"]),
    ])
    func theModelFollowsTheSchema(_ order: Order) throws {
        let content = try #require(RecordContentModel.record.content(of: order.element))
        #expect(content.children.map(\.name) == order.children)
        #expect(content.children.filter(\.required).map(\.name) == order.required)
        #expect(content.requiredAttributes == order.requiredAttributes)
    }

    @Test func repetitionIsKnown() {
        #expect(RecordContentModel.record.child("destination", of: "licenceRecord")?.repeatable == true)
        #expect(RecordContentModel.record.child("authority", of: "lifecycle")?.repeatable == false)
        #expect(RecordContentModel.record.content(of: "noSuchElement") == nil)
    }

    @Test(
        arguments: [
            ("14/03/2022", "2022-03-14"), ("14.03.2022", "2022-03-14"), ("14-3-2022", "2022-03-14"),
            ("03/14/2022", "2022-03-14"), ("2022/03/14", "2022-03-14"), ("20220314", "2022-03-14"),
            ("14/03/22", "2022-03-14"), ("31/02/2022", nil), ("yesterday", nil), ("14 March 2022", nil),
        ] as [(String, String?)])
    func aDateWrittenAnotherWayIsRecognised(_ text: String, _ expected: String?) {
        #expect(ValueCorrection.date(text)?.description == expected)
    }

    @Test(
        arguments: [
            ("UK", ["GB", "UA", "US"], "GB"), ("gb", ["GB"], "GB"),
            ("aplication", ["application", "licence"], "application"),
            ("XX", ["GB", "XK"], nil), ("licnce", ["application", "licence"], "licence"), ("zzzzzz", ["licence"], nil),
        ] as [(String, [String], String?)])
    func theNearestAllowedValueIsSuggested(_ value: String, _ allowed: [String], _ expected: String?) {
        #expect(ValueCorrection.nearest(value, in: allowed) == expected)
    }
}
