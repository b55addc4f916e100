/// A bordered pane with an optional title in its top edge: `┌─ Logs ───┐`.
public enum Box {
    /// Draws the border of `rect` and returns the rectangle inside it. The title sits after
    /// `┌─ ` and is clipped with `…` when the top edge is too short; with fewer than one column
    /// for it, no title is drawn. A rect smaller than 2x2 draws nothing and returns an empty rect.
    /// Border role: `paneBorderFocused` when `focused`, else `paneBorder`; title role `paneTitle`.
    @discardableResult
    public static func draw(into grid: inout CellGrid, rect: Rect, title: String?, focused: Bool,
                            style: BoxStyle) -> Rect {
        draw(into: &grid, rect: rect, title: title, borderRole: focused ? .paneBorderFocused : .paneBorder,
             titleRole: .paneTitle, style: style)
    }

    /// The same, in the roles given (a dialog draws its box in dialog roles).
    @discardableResult
    public static func draw(into grid: inout CellGrid, rect: Rect, title: String?, borderRole: Role,
                            titleRole: Role, style: BoxStyle) -> Rect {
        guard rect.size.columns >= 2, rect.size.rows >= 2 else {
            return Rect(origin: rect.origin, size: Size(columns: 0, rows: 0))
        }
        let left = rect.minColumn, right = rect.maxColumn - 1
        let top = rect.minRow, bottom = rect.maxRow - 1
        let inner = rect.size.columns - 2
        let edge = String(repeating: style.horizontal, count: inner)
        grid.put(style.topLeft + edge + style.topRight, row: top, column: left, role: borderRole)
        grid.put(style.bottomLeft + edge + style.bottomRight, row: bottom, column: left, role: borderRole)
        for row in top + 1 ..< bottom {
            grid.put(style.vertical, row: row, column: left, role: borderRole)
            grid.put(style.vertical, row: row, column: right, role: borderRole)
        }
        // Corner, one edge cell and a space before the title, a space and the corner after it.
        let titleColumns = rect.size.columns - 5
        if let title, !title.isEmpty, titleColumns >= 1 {
            let shown = StyledLineLayout.clipped(title, to: titleColumns)
            grid.put(" ", row: top, column: left + 2, role: borderRole)
            let width = grid.put(shown, row: top, column: left + 3, role: titleRole)
            grid.put(" ", row: top, column: left + 3 + width, role: borderRole)
        }
        return rect.inset(by: 1)
    }

    /// A horizontal line across the box at `row`, joined to its side borders (`├───┤`), to
    /// separate a header or footer from the body.
    public static func drawSeparator(into grid: inout CellGrid, rect: Rect, row: Int, role: Role,
                                     style: BoxStyle) {
        guard rect.size.columns >= 2, row > rect.minRow, row < rect.maxRow - 1 else { return }
        let edge = String(repeating: style.horizontal, count: rect.size.columns - 2)
        grid.put(style.teeLeft + edge + style.teeRight, row: row, column: rect.minColumn, role: role)
    }
}
