/// A bordered box in the middle of the screen over whatever is behind it: confirmations, errors,
/// the exact commands a deploy will run.
public enum ModalDialog {
    /// Narrowest a dialog gets (when the bounds allow), so a short message still reads as a dialog.
    public static let minimumColumns = 20

    /// Draws the dialog centred in `bounds`, sized to its content (one space of padding inside
    /// the border, at least `minimumColumns` wide) and never larger than `bounds`. The body is
    /// `lines`, then a blank row and `footer` at the bottom when given. Lines wider than the
    /// dialog are clipped with `…`; rows that do not fit are left out (the footer stays).
    /// Border in the `dialog` role, title in `dialogTitle`; spans in the plain `text` role take
    /// the `dialog` role so the body has the dialog's background. Returns the rectangle inside
    /// the padding, where `lines[i]` is on row `minRow + i` (a caller can draw a text input
    /// there); empty when `bounds` is too small for a box.
    @discardableResult
    public static func draw(into grid: inout CellGrid, bounds: Rect, title: String, lines: [StyledLine],
                            footer: StyledLine?, style: BoxStyle = .unicode) -> Rect {
        let widest = (lines + [footer ?? []]).map { DisplayWidth.of($0.plainText) }.max() ?? 0
        // Border and padding take four columns; the title needs `┌─ ` and ` ─┐` around it.
        let wanted = max(minimumColumns, widest + 4, DisplayWidth.of(title) + 6)
        let bodyRows = lines.count + (footer == nil ? 0 : 2)
        let size = Size(columns: min(wanted, bounds.size.columns), rows: min(bodyRows + 2, bounds.size.rows))
        let rect = Rect(column: bounds.minColumn + (bounds.size.columns - size.columns) / 2,
                        row: bounds.minRow + (bounds.size.rows - size.rows) / 2,
                        columns: size.columns, rows: size.rows)
        grid.fill(rect, with: Cell(" ", .dialog))
        let inside = Box.draw(into: &grid, rect: rect, title: title, borderRole: .dialog,
                              titleRole: .dialogTitle, style: style)
        let body = Rect(column: inside.minColumn + 1, row: inside.minRow,
                        columns: inside.size.columns - 2, rows: inside.size.rows)
        guard !body.isEmpty else { return body }
        var lastBodyRow = body.maxRow
        if let footer, body.size.rows > 0 {
            lastBodyRow -= 2
            put(footer, row: body.maxRow - 1, in: body, into: &grid)
        }
        for (index, line) in lines.enumerated() where body.minRow + index < lastBodyRow {
            put(line, row: body.minRow + index, in: body, into: &grid)
        }
        return body
    }

    private static func put(_ line: StyledLine, row: Int, in body: Rect, into grid: inout CellGrid) {
        let line = StyledLineLayout.clipped(StyledLineLayout.replacingRole(line, .text, with: .dialog),
                                            to: body.size.columns)
        grid.put(line, row: row, column: body.minColumn, clip: body)
    }
}
