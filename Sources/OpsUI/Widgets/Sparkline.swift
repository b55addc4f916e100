/// A rate strip in one row of text: one character a value, newest at the right.
public enum Sparkline {
    /// Eight levels, lowest first.
    static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#"]

    /// Exactly `width` characters (none when `width <= 0`) for the last `width` values, scaled so
    /// the largest value shown is the top level. Columns with no value (fewer values than the
    /// width) are spaces on the left. Zero is the lowest level: `▁` in unicode, so a quiet
    /// interval still shows a baseline distinct from no data, and a space in ascii, whose lowest
    /// level is blank. Any value above zero shows at least the second level, so a trickle is
    /// never mistaken for silence. NaN, infinite and negative values count as zero.
    public static func render(_ values: [Double], width: Int, ascii: Bool) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width).map { Optional($0) }
        return String(repeating: " ", count: width - shown.count) + render(gapped: shown, ascii: ascii)
    }

    /// One character a value, scaled as `render` does; a nil value (no data for that moment) is
    /// a space. `ceiling`: the top of the scale when no value is larger (a probe's timeout, so
    /// that steady fast answers stay low instead of filling the strip).
    public static func render(gapped values: [Double?], ceiling: Double = 0, ascii: Bool) -> String {
        let levels = ascii ? asciiLevels : unicodeLevels
        let shown = values.map { value in value.map { $0.isFinite && $0 > 0 ? $0 : 0 } }
        let largest = max(shown.compactMap { $0 }.max() ?? 0, ceiling.isFinite ? ceiling : 0)
        var result = ""
        for value in shown {
            guard let value else { result.append(" "); continue }
            guard value > 0, largest > 0 else { result.append(levels[0]); continue }
            let top = Double(levels.count - 1)
            let level = min(levels.count - 1, max(1, Int((value / largest * top).rounded())))
            result.append(levels[level])
        }
        return result
    }

    /// Renders and writes the strip at `row`, `column` in the `sparkline` role.
    public static func draw(into grid: inout CellGrid, row: Int, column: Int, values: [Double],
                            width: Int, ascii: Bool) {
        grid.put(render(values, width: width, ascii: ascii), row: row, column: column, role: .sparkline)
    }
}
