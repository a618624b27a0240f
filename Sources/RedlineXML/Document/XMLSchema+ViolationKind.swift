import CLibXML2

extension XMLSchema.Violation {
    /// What kind of violation libxml2 reports, named after its error code (`xmlParserErrors`),
    /// so that layers above RedlineXML can say it in their own terms without importing libxml2.
    public enum Kind: Sendable, Hashable {
        /// An element not expected where it stands, or child elements missing
        /// (`XML_SCHEMAV_ELEMENT_CONTENT`).
        case elementContent
        /// A value not of its type, e.g. not an `xs:date` (`XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1`).
        case datatype
        /// A value not in an enumeration (`XML_SCHEMAV_CVC_ENUMERATION_VALID`).
        case enumeration
        /// A value shorter than its minimum length, e.g. empty (`XML_SCHEMAV_CVC_MINLENGTH_VALID`).
        case tooShort
        /// A value that does not match a pattern (`XML_SCHEMAV_CVC_PATTERN_VALID`).
        case pattern
        /// Text in an element whose content is elements only (`XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3`).
        case textInElementOnlyContent
        /// Elements in an element whose content is text only (`XML_SCHEMAV_CVC_TYPE_3_1_2`).
        case elementInSimpleContent
        /// An attribute the element does not have (`XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1`, `_3_2_2`).
        case attributeNotAllowed
        /// A required attribute that is missing (`XML_SCHEMAV_CVC_COMPLEX_TYPE_4`).
        case attributeMissing
        /// A value other than its fixed value (`XML_SCHEMAV_CVC_AU`).
        case fixedValue
        /// Any other violation.
        case other
    }

    /// The kind of ``code``.
    public var kind: Kind {
        switch Int32(code) {
        case Int32(XML_SCHEMAV_ELEMENT_CONTENT.rawValue): .elementContent
        case Int32(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1.rawValue): .datatype
        case Int32(XML_SCHEMAV_CVC_ENUMERATION_VALID.rawValue): .enumeration
        case Int32(XML_SCHEMAV_CVC_MINLENGTH_VALID.rawValue): .tooShort
        case Int32(XML_SCHEMAV_CVC_PATTERN_VALID.rawValue): .pattern
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3.rawValue): .textInElementOnlyContent
        case Int32(XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue): .elementInSimpleContent
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1.rawValue), Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2.rawValue):
            .attributeNotAllowed
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_4.rawValue): .attributeMissing
        case Int32(XML_SCHEMAV_CVC_AU.rawValue): .fixedValue
        default: .other
        }
    }
}
