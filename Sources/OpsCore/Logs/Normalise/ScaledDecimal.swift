/// The text of a JSON number (`-12.5e3`) read as a digit sequence and the position of its decimal
/// point, without going through Double: epoch nanoseconds need 19 exact digits and a Double keeps 15–17.
///
/// The digits stay in the caller's buffer (integer digits, then fraction digits, skipping the `.`);
/// the exponent only moves the point. Nothing here allocates.
struct ScaledDecimal {
    let isNegative: Bool
    private let base: UnsafeBufferPointer<UInt8>
    private let integerStart: Int
    private let integerCount: Int
    private let fractionStart: Int
    private let fractionCount: Int
    /// How many of the digits come before the decimal point once the exponent is applied;
    /// negative or larger than the digit count when the exponent moves the point past them.
    let pointPosition: Int

    /// Exponents beyond this cannot give a value anyone reads as a time or a level; refusing them
    /// keeps every loop below short whatever the input says.
    private static let exponentLimit = 400

    /// Reads strict JSON number syntax plus leading zeros: `-?\d+(\.\d+)?([eE][+-]?\d+)?`.
    /// Anything else, trailing bytes included, gives nil.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        var negative = false
        if i < n, text[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let intStart = i
        while i < n, Self.isDigit(text[i]) { i += 1 }
        let intCount = i - intStart
        guard intCount > 0 else { return nil }
        var fracStart = i
        var fracCount = 0
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            while i < n, Self.isDigit(text[i]) { i += 1 }
            fracCount = i - fracStart
            guard fracCount > 0 else { return nil }
        }
        var exponent = 0
        if i < n, text[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            while i < n, Self.isDigit(text[i]) {
                exponent = exponent * 10 + Int(text[i] &- 48)
                guard exponent <= Self.exponentLimit else { return nil }
                i += 1
            }
            guard i > expStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard i == n else { return nil }
        self.isNegative = negative
        self.base = text
        self.integerStart = intStart
        self.integerCount = intCount
        self.fractionStart = fracStart
        self.fractionCount = fracCount
        self.pointPosition = intCount + exponent
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    /// The digit at a position of the whole digit sequence; zero outside it, as the exponent pads.
    @inline(__always)
    private func digit(at index: Int) -> UInt64 {
        if index < 0 { return 0 }
        if index < integerCount { return UInt64(base[integerStart + index] &- 48) }
        let f = index - integerCount
        if f < fractionCount { return UInt64(base[fractionStart + f] &- 48) }
        return 0
    }

    /// The magnitude of the part before the decimal point, or nil when it does not fit 64 bits.
    var integerMagnitude: UInt64? {
        var value: UInt64 = 0
        var index = 0
        while index < pointPosition {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit(at: index))
            if o1 || o2 { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// The first `count` digits after the decimal point as an integer, zero-padded
    /// (`.5` with count 3 is 500). Later digits are dropped: truncation toward zero.
    func fractionDigits(_ count: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<max(0, min(count, 19)) {
            value = value &* 10 &+ digit(at: pointPosition + offset)
        }
        return value
    }

    /// True when some digit after the decimal point is not zero (decides flooring of negatives).
    var hasNonZeroFraction: Bool {
        let total = integerCount + fractionCount
        var index = max(0, pointPosition)
        while index < total {
            if digit(at: index) != 0 { return true }
            index += 1
        }
        return false
    }

    /// The value rounded down to an integer (`-4.5` → `-5`), saturating at the Int64 limits.
    var flooredInteger: Int64 {
        guard let magnitude = integerMagnitude else { return isNegative ? .min : .max }
        if !isNegative { return magnitude > UInt64(Int64.max) ? .max : Int64(magnitude) }
        if magnitude >= UInt64(Int64.max) { return .min }
        return -Int64(magnitude) - (hasNonZeroFraction ? 1 : 0)
    }
}
