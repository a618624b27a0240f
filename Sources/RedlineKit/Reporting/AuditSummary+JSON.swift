extension AuditSummary {
    /// The summary as an ordered JSON object (keys sorted), shared by the SARIF reporter.
    var jsonValue: JSONValue {
        func counts(_ values: [String: Int]) -> JSONValue {
            .object(values.keys.sorted().map { ($0, JSONValue.int(values[$0] ?? 0)) })
        }
        return .object([
            ("errors", .int(errors)),
            ("errorsByCode", counts(errorsByCode)),
            (
                "findings",
                .object(
                    sortedRuleCounts.map { rule, count in
                        (rule, JSONValue.object([("active", .int(count.active)), ("waived", .int(count.waived))]))
                    })
            ),
            ("invalid", .int(invalid)),
            ("notClean", .int(notClean)),
            ("records", .int(records)),
            ("severe", .int(severe)),
            ("verdicts", counts(verdicts)),
            ("verdictsAfterWaivers", counts(verdictsAfterWaivers)),
            (
                "waivers",
                .array(
                    waivers.map { waiver in
                        .object([
                            ("approver", .string(waiver.approver)), ("expires", .string(waiver.expires)),
                            ("id", .string(waiver.id)), ("matches", .int(waiver.matches)),
                            ("rule", .string(waiver.rule)),
                            ("status", .string(waiver.status.rawValue)),
                        ])
                    })
            ),
            ("withFindings", .int(withFindings)),
        ])
    }
}
