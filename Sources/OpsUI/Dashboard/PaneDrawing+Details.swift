import OpsCore

/// The Details pane: the selected service's lines, scrolled as the user left them.
extension PaneDrawing {
    func drawDetails(into grid: inout CellGrid, rect: Rect, focused: Bool, viewport: inout DashboardViewport) {
        guard let snapshot = state.selectedService else {
            let inner = Box.draw(into: &grid, rect: rect, title: title(.details, []), focused: focused, style: style)
            drawEmpty("no service selected", into: &grid, rect: inner)
            return
        }
        let parts = [DashboardText.clean(snapshot.key.description), DashboardText.clean(snapshot.provider),
                     state.services.isStale ? "stale" : ""]
        let inner = Box.draw(into: &grid, rect: rect, title: title(.details, parts), focused: focused, style: style)
        guard !inner.isEmpty else { return }
        let lines = DashboardDetails.lines(for: snapshot, in: state, dot: marks.dot, ascii: style == .ascii)
        let scroll = min(state.detailsScroll, max(0, lines.count - inner.size.rows))
        let body = Rect(column: inner.minColumn + 1, row: inner.minRow, columns: inner.size.columns - 1,
                        rows: inner.size.rows)
        for (offset, line) in lines.dropFirst(scroll).prefix(body.size.rows).enumerated() {
            grid.put(StyledLineLayout.clipped(line, to: body.size.columns), row: body.minRow + offset,
                     column: body.minColumn, clip: body)
        }
        viewport.detailsRows = max(1, inner.size.rows)
    }
}
