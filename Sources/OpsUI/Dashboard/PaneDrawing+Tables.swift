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
        if let failure = state.servicesFailure {
            body = drawFailure(failure.message, hasData: source.value != nil, into: &grid, rect: inner)
        }
        guard !body.isEmpty else { return }
        guard !rows.isEmpty else {
            if let empty = emptyServicesText(source: source, total: total) { drawEmpty(empty, into: &grid, rect: body) }
            return
        }
        let table = ServiceTable(width: body.size.columns, rows: rows, metrics: state.metrics.names)
        // Only the rows in view are built: a namespace of a thousand deployments costs a screenful.
        (viewport.servicesTop, viewport.servicesRows) = drawTable(
            table.tableColumns, count: rows.count, row: { index in
                let snapshot = rows[index]
                return table.row(snapshot, health: state.health(of: snapshot).verdict,
                                 readings: state.metrics.readings(for: snapshot.key), now: state.now,
                                 listing: state.listings.status(of: snapshot.key))
            },
            selected: rows.firstIndex { $0.key == state.selectedKey }, top: viewport.servicesTop, into: &grid, rect: body)
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
        let rows = state.visibleHistory
        let actions = state.journal[key] ?? []
        let total = (source.value?.count ?? 0) + actions.count
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
            let empty: String? = if total > 0 {
                "no release matches (Esc clears the filter)"
            } else if source.value == nil {
                source.failure == nil ? "loading history" + marks.ellipsis : nil
            } else {
                "no releases known"
            }
            if let empty { drawEmpty(empty, into: &grid, rect: body) }
            return
        }
        let table = HistoryTable(width: body.size.columns, liveMark: marks.live, actionMark: marks.action,
                                 showsActions: !actions.isEmpty,
                                 showsNotes: source.value?.contains { $0.note?.isEmpty == false } ?? false)
        (viewport.historyTop, viewport.historyRows) = drawTable(
            table.tableColumns, rows.map { table.row($0, now: state.now) },
            selected: rows.firstIndex { $0.id == state.selectedReleaseID }, top: viewport.historyTop, into: &grid, rect: body)
    }

    /// A table under its header row, scrolled so the selected row stays in view; returns the first
    /// row shown and how many rows fit, for the viewport.
    func drawTable(_ columns: [TableColumn], _ rows: [TableRow], selected: Int?, top currentTop: Int,
                           into grid: inout CellGrid, rect: Rect) -> (top: Int, rows: Int) {
        drawTable(columns, count: rows.count, row: { rows[$0] }, selected: selected, top: currentTop, into: &grid, rect: rect)
    }

    /// The same, asking `row` only for the rows that fit.
    func drawTable(_ columns: [TableColumn], count: Int, row: (Int) -> TableRow, selected: Int?, top currentTop: Int,
                   into grid: inout CellGrid, rect: Rect) -> (top: Int, rows: Int) {
        let bodyRows = max(1, rect.size.rows - 1)
        let top = ListView.top(keeping: selected ?? 0, visibleRows: bodyRows, currentTop: currentTop, count: count)
        let shown = top..<min(count, top + bodyRows)
        TableView(columns: columns, rows: shown.map(row), top: 0, selected: selected.map { $0 - top })
            .draw(into: &grid, rect: rect)
        return (top, bodyRows)
    }
}
