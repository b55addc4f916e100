/// Layout helpers that cut a rectangle in two. Named like tmux: a `horizontal` split puts the
/// parts side by side (left, right); a `vertical` split stacks them (top, bottom). Sizes are
/// clamped to the rectangle, so no part is ever negative and the two always cover it exactly.
public enum Split {
    /// Left and right; the left part gets `ratio` of the columns (rounded; NaN counts as 0.5,
    /// the ratio is clamped to 0...1).
    public static func horizontal(_ rect: Rect, ratio: Double) -> (Rect, Rect) {
        horizontal(rect, first: share(of: rect.size.columns, ratio: ratio))
    }

    /// Left and right; the left part is `first` columns wide.
    public static func horizontal(_ rect: Rect, first: Int) -> (Rect, Rect) {
        let left = clamp(first, to: rect.size.columns)
        return (Rect(column: rect.minColumn, row: rect.minRow, columns: left, rows: rect.size.rows),
                Rect(column: rect.minColumn + left, row: rect.minRow,
                     columns: rect.size.columns - left, rows: rect.size.rows))
    }

    /// Left and right; the right part is `second` columns wide (a side panel).
    public static func horizontal(_ rect: Rect, second: Int) -> (Rect, Rect) {
        horizontal(rect, first: rect.size.columns - clamp(second, to: rect.size.columns))
    }

    /// Top and bottom; the top part gets `ratio` of the rows (as for `horizontal`).
    public static func vertical(_ rect: Rect, ratio: Double) -> (Rect, Rect) {
        vertical(rect, first: share(of: rect.size.rows, ratio: ratio))
    }

    /// Top and bottom; the top part is `first` rows high.
    public static func vertical(_ rect: Rect, first: Int) -> (Rect, Rect) {
        let top = clamp(first, to: rect.size.rows)
        return (Rect(column: rect.minColumn, row: rect.minRow, columns: rect.size.columns, rows: top),
                Rect(column: rect.minColumn, row: rect.minRow + top,
                     columns: rect.size.columns, rows: rect.size.rows - top))
    }

    /// Top and bottom; the bottom part is `second` rows high (a status bar, an input line).
    public static func vertical(_ rect: Rect, second: Int) -> (Rect, Rect) {
        vertical(rect, first: rect.size.rows - clamp(second, to: rect.size.rows))
    }

    private static func share(of total: Int, ratio: Double) -> Int {
        let ratio = ratio.isNaN ? 0.5 : min(1, max(0, ratio))
        return Int((Double(total) * ratio).rounded())
    }

    private static func clamp(_ value: Int, to total: Int) -> Int { min(max(0, value), total) }
}
