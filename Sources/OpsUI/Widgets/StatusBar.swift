/// The one-row bar at the bottom of the screen: state on the left (mode, filter, counts), facts
/// on the right (position, clock, dropped lines).
public enum StatusBar {
    /// Fills the row from `column` for `width` columns in the `statusBar` role, draws `right`
    /// right-aligned and `left` from the start. Spans in the plain `text` role take the bar's
    /// role; other roles (a warning, an error) keep theirs. When both do not fit, `left` is
    /// clipped first (with `…`, keeping one space before `right`); `right` is clipped only when
    /// it is wider than the bar on its own.
    public static func draw(into grid: inout CellGrid, row: Int, column: Int = 0, width: Int,
                            left: StyledLine, right: StyledLine) {
        guard width > 0 else { return }
        let bar = Rect(column: column, row: row, columns: width, rows: 1)
        grid.fill(bar, with: Cell(" ", .statusBar))
        let right = StyledLineLayout.clipped(StyledLineLayout.replacingRole(right, .text, with: .statusBar),
                                             to: width)
        let rightWidth = DisplayWidth.of(right.plainText)
        grid.put(right, row: row, column: column + width - rightWidth, clip: bar)
        let leftRoom = rightWidth == 0 ? width : width - rightWidth - 1
        let left = StyledLineLayout.clipped(StyledLineLayout.replacingRole(left, .text, with: .statusBar),
                                            to: leftRoom)
        grid.put(left, row: row, column: column, clip: bar)
    }
}
