import OpsCore

/// The Probes pane.
extension PaneDrawing {
    func drawProbes(into grid: inout CellGrid, rect: Rect, focused: Bool, viewport: inout DashboardViewport) {
        let rows = state.visibleProbes
        let total = state.probes.order.count
        var parts = [rows.count == total ? "\(total)" : "\(rows.count) of \(total)"]
        let failing = rows.filter { $0.tracker.state == .failing }.count
        if failing > 0 { parts.append("\(failing) failing") }
        if !state.probesFilter.isEmpty { parts.append("/" + DashboardText.clean(state.probesFilter)) }
        let body = Box.draw(into: &grid, rect: rect, title: title(.probes, parts), focused: focused, style: style)
        guard !body.isEmpty else { return }
        guard !rows.isEmpty else {
            drawEmpty("no probe matches (Esc clears the filter, :env and :svc show all)", into: &grid, rect: body)
            return
        }
        let table = ProbeTable(width: body.size.columns, ascii: style == .ascii)
        (viewport.probesTop, viewport.probesRows) = drawTable(
            table.tableColumns, rows.map { table.row($0, now: state.now) },
            selected: rows.firstIndex { $0.id == state.selectedProbeID }, top: viewport.probesTop, into: &grid, rect: body)
    }
}
