/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator. The benchmark's log files and
/// every randomised test must come out the same for the same seed on every machine and Swift
/// version, which `SystemRandomNumberGenerator` cannot do.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` by multiply-shift (Lemire); the bias (< 2^-40 for these bounds) does
    /// not matter for test data and the method needs no rejection loop. `bound` must be > 0.
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    public mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `perMille` times in a thousand.
    public mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    public mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }
}
