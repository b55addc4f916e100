import OpsCore

/// The Services and History panes.
extension PaneDrawing {
    func drawServices(into grid: inout CellGrid, rect: Rect, focused: Bool, viewport: inout DashboardViewport) {
        let source = state.services
        let rows = state.visibleServices
        let total = source.value?.count ?? 0
        var parts = [DashboardText.freshness(source, now: state.now, ellipsis: marks.ellipsis)]
        if source.value != nil { parts.append(rows.count == total ? "\(total)" : "\(rows.count) of \(total)") }
        if let scope = state.environmentScope { parts.append("env " + DashboardText.clean(scope)) }
        if let scope = state.serviceScope { parts.append("svc " + DashboardText.clean(scope)) }
        if !state.servicesFilter.isEmpty { parts.append("/" + DashboardText.clean(state.servicesFilter)) }
        let inner = Box.draw(into: &grid, rect: rect, title: title(.services, parts), focused: focused, style: style)
        var body = inner
        if let failure = source.failure {
            body = drawFailure(failure.message, hasData: source.value != nil, into: &grid, rect: inner)
        }
        guard !body.isEmpty else { return }
        guard !rows.isEmpty else {
            if let empty = emptyServicesText(source: source, total: total) { drawEmpty(empty, into: &grid, rect: body) }
            return
        }
        let table = ServiceTable(width: body.size.columns, rows: rows)
        let selected = rows.firstIndex { $0.key == state.selectedKey }
        let bodyRows = max(1, body.size.rows - 1)
        let top = ListView.top(keeping: selected ?? 0, visibleRows: bodyRows, currentTop: viewport.servicesTop,
                               count: rows.count)
        TableView(columns: table.tableColumns, rows: rows.map { table.row($0, now: state.now) }, top: top,
                  selected: selected).draw(into: &grid, rect: body)
        viewport.servicesTop = top
        viewport.servicesRows = bodyRows
    }

    func emptyServicesText(source: PaneSource<[ServiceSnapshot]>, total: Int) -> String? {
        guard source.value != nil else {
            return source.failure == nil ? "loading services" + marks.ellipsis : nil
        }
        if total == 0 { return state.discovery ? "no containers on the local engine" : "no services" }
        return "no service matches (Esc clears the filter, :env and :svc show all)"
    }

    func drawHistory(into grid: inout CellGrid, rect: Rect, focused: Bool, viewport: inout DashboardViewport) {
        guard let key = state.selectedKey else {
            let inner = Box.draw(into: &grid, rect: rect, title: title(.history, []), focused: focused, style: style)
            drawEmpty("no service selected", into: &grid, rect: inner)
            return
        }
        let source = state.releases[key] ?? .idle
        let rows = state.visibleReleases
        let total = source.value?.count ?? 0
        var parts = [DashboardText.clean(key.description), DashboardText.freshness(source, now: state.now, ellipsis: marks.ellipsis)]
        if !state.historyFilter.isEmpty {
            parts.append("\(rows.count) of \(total)")
            parts.append("/" + DashboardText.clean(state.historyFilter))
        }
        let inner = Box.draw(into: &grid, rect: rect, title: title(.history, parts), focused: focused, style: style)
        var body = inner
        if let failure = source.failure {
            body = drawFailure(failure.message, hasData: source.value != nil, into: &grid, rect: inner)
        }
        guard !body.isEmpty else { return }
        guard !rows.isEmpty else {
            let empty: String? = if source.value == nil {
                source.failure == nil ? "loading history" + marks.ellipsis : nil
            } else {
                total == 0 ? "no releases known" : "no release matches (Esc clears the filter)"
            }
            if let empty { drawEmpty(empty, into: &grid, rect: body) }
            return
        }
        let table = HistoryTable(width: body.size.columns, liveMark: marks.live)
        let selected = rows.firstIndex { $0.id == state.selectedReleaseID }
        let bodyRows = max(1, body.size.rows - 1)
        let top = ListView.top(keeping: selected ?? 0, visibleRows: bodyRows, currentTop: viewport.historyTop,
                               count: rows.count)
        TableView(columns: table.tableColumns, rows: rows.map { table.row($0, now: state.now) }, top: top,
                  selected: selected).draw(into: &grid, rect: body)
        viewport.historyTop = top
        viewport.historyRows = bodyRows
    }
}
