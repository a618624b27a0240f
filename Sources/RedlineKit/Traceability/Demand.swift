/// One checkable demand of a source letter, with its stable id (e.g. `CS21-j`).
public struct Demand: Sendable, Hashable {
    /// The stable id: letter id, hyphen, item (`AN19-3`, `CS21-S`).
    public var id: String
    /// The letter id (`AN19`, `CS21`, `SX21`, `SR20`, `NSO21`).
    public var letter: String
    /// A quote that appears verbatim in the letter.
    public var quote: String
    /// What a rule can check on a licence record.
    public var check: String
    /// False when no licence record can ever evidence the demand.
    public var isCheckable: Bool = true
    /// Why the demand is not checkable, when it is not.
    public var reason: String?
    /// Where the demand is declared.
    public var position: SourcePosition
}
