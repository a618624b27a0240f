/// The functions whose meaning `redline explain` puts in evidence words, by descriptor (their
/// names as rules write them with the `rl` prefix).
extension RedlineFunctionDescriptor {
    /// `rl:in-list`.
    package static var inList: Self { InListFunction.descriptor }
    /// `rl:days-since`.
    package static var daysSince: Self { DaysSinceFunction.descriptor }
    /// `rl:independent`.
    package static var independent: Self { IndependentFunction.descriptor }
    /// `rl:self-declared`.
    package static var selfDeclared: Self { SelfDeclaredFunction.descriptor }
    /// `rl:has-tokens`.
    package static var hasTokens: Self { HasTokensFunction.descriptor }
}
