import Foundation

/// Number formatting for the table and the summaries.
enum Format {
    /// `1,000,000`
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A rate with a unit prefix: `1.08 M`, `93.2 k`, `512`.
    static func rate(_ value: Double) -> String {
        switch value {
        case 1e6...: fixed(value / 1e6, 2) + " M"
        case 1e3...: fixed(value / 1e3, 1) + " k"
        default: fixed(value, 0)
        }
    }

    /// Decimal megabytes, as `ls -l`-style figures are quoted in the README (`260.5 MB`).
    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) + " MB" }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0 %" : fixed(Double(part) * 100 / Double(whole), 2) + " %"
    }
}
