import Foundation

extension MetricValue {
    /// The widest `text`: a table cell of 7 columns fits every value.
    public static let maximumTextWidth = 7

    /// The value for a table cell: at most 3 significant digits, a k/M/G/T/P/E suffix from a thousand
    /// up, an exponent below 0.001, and `NaN`, `+Inf`, `-Inf` as Prometheus writes them; never wider
    /// than `maximumTextWidth` (`0.0909`, `12.3`, `1.2k`, `-45.6M`, `1.23e-5`).
    public var text: String {
        switch self {
        case .notANumber: "NaN"
        case .positiveInfinity: "+Inf"
        case .negativeInfinity: "-Inf"
        case .number(let value): Self.compact(value)
        }
    }

    private static let suffixes = ["", "k", "M", "G", "T", "P", "E"]

    /// Fewer significant digits until it fits; one digit always fits (`-1e-300`, `-9E` are 7 wide).
    static func compact(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        for digits in stride(from: 3, through: 1, by: -1) {
            let text = compact(value, significantDigits: digits)
            if text.utf8.count <= maximumTextWidth { return text }
        }
        return compact(value, significantDigits: 1)
    }

    private static func compact(_ value: Double, significantDigits digits: Int) -> String {
        let magnitude = abs(value)
        if magnitude < 0.001 {
            return exponent(value, significantDigits: digits)
        }
        // Rounded first, so that 999.7 becomes 1k rather than "1000", and 0.99996 becomes 1.
        var scaled = rounded(magnitude, significantDigits: digits)
        var suffix = 0
        while scaled >= 1000, suffix + 1 < suffixes.count {
            scaled = rounded(scaled / 1000, significantDigits: digits)
            suffix += 1
        }
        guard scaled < 1000 else { return exponent(value, significantDigits: digits) }
        // Between 0.001 and 999 here, so the logarithm is between -3 and 2.
        let decimals = max(0, digits - 1 - Int(min(max(log10(scaled).rounded(.down), -3), 2)))
        let number = trimmed(String(format: "%.\(decimals)f", scaled))
        return (value < 0 ? "-" : "") + number + suffixes[suffix]
    }

    /// `1.23e-5`: the mantissa trimmed of zeros, the exponent without padding.
    private static func exponent(_ value: Double, significantDigits digits: Int) -> String {
        let text = String(format: "%.\(digits - 1)e", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = trimmed(String(text[..<e]))
        var power = text[text.index(after: e)...]
        let sign = power.hasPrefix("-") ? "-" : ""
        power = power.drop { $0 == "+" || $0 == "-" }
        let digitsOfPower = power.drop { $0 == "0" }
        return mantissa + "e" + sign + (digitsOfPower.isEmpty ? "0" : String(digitsOfPower))
    }

    /// `value` (positive, finite) to `digits` significant digits; itself when rounding would leave the
    /// finite range (1.797e308 rounds up past the largest Double).
    private static func rounded(_ value: Double, significantDigits digits: Int) -> Double {
        let logarithm = log10(value)
        guard logarithm.isFinite else { return value }
        let scale = pow(10, Double(digits - 1) - logarithm.rounded(.down))
        let result = (value * scale).rounded() / scale
        return result.isFinite && result > 0 ? result : value
    }

    /// `0.5000` -> `0.5`, `12.00` -> `12`.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = Substring(text)
        while text.hasSuffix("0") { text = text.dropLast() }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }
}
