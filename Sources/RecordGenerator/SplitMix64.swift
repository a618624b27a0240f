/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator whose output is the
/// same on every platform and Swift version, so a corpus is byte-identical run after run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed integer in `range` (never uses the standard library's algorithms,
    /// whose output may change between Swift versions).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `probability` (0…1).
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[int(0...(choices.count - 1))]
    }

    /// `count` distinct elements of `choices`, in their original order.
    public mutating func sample<T>(_ choices: [T], count: Int) -> [T] {
        var indices = Array(choices.indices)
        var chosen: [Int] = []
        for _ in 0..<min(count, choices.count) {
            chosen.append(indices.remove(at: int(0...(indices.count - 1))))
        }
        return chosen.sorted().map { choices[$0] }
    }
}
