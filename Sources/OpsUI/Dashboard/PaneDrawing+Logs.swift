import OpsCore

/// The Logs pane: the embedded log view's records drawn by the log view's own code, its open
/// record below them, the stream's state in the title and its error above the records.
extension PaneDrawing {
    func drawLogs(into grid: inout CellGrid, rect: Rect, focused: Bool, viewport: inout DashboardViewport,
                  cache: LogLineCache) {
        let logs = state.logs
        guard let key = state.selectedKey else {
            let inner = Box.draw(into: &grid, rect: rect, title: title(.logs, []), focused: focused, style: style)
            drawEmpty("no service selected", into: &grid, rect: inner)
            return
        }
        // The open record shares the pane with the records, or takes it all when it is small.
        var recordsRect: Rect? = rect
        var detailRect: Rect?
        if let detail = logs.detail, (0..<logs.visibleCount).contains(detail) {
            if rect.size.rows >= Self.logsRowsToSplit {
                let (top, bottom) = Split.vertical(rect, ratio: 0.5)
                recordsRect = top
                detailRect = bottom
            } else {
                recordsRect = nil
                detailRect = rect
            }
        }
        if let recordsRect {
            let counts = LogViewRenderer.paneTitle(logs, DashboardText.clean(key.description), marks.logView)
            let inner = Box.draw(into: &grid, rect: recordsRect, title: title(.logs, [counts, streamText()]),
                                 focused: focused && detailRect == nil, style: style)
            var body = inner
            if case .failed(let failure) = state.logStream {
                body = drawFailure(failure.message, hasData: !logs.store.isEmpty, into: &grid, rect: inner)
            }
            if !body.isEmpty {
                let (top, rows) = LogViewRenderer.drawRecords(logs, into: &grid, rect: body, hiddenSource: nil,
                                                              style: style, cache: cache)
                viewport.logsTop = top
                viewport.logsRows = rows
            }
        }
        if let detailRect, let detail = logs.detail {
            LogViewRenderer.drawDetail(logs.record(atVisible: detail), scroll: logs.detailScroll, into: &grid, rect: detailRect, style: style)
        }
    }

    /// Below this many rows the Logs pane shows an open record instead of the records.
    static let logsRowsToSplit = 12

    /// The stream's freshness: `connecting…`, `2s ago` (the newest batch), `ended 1m ago`, `failed 5s ago`.
    func streamText() -> String {
        switch state.logStream {
        case .idle: ""
        case .connecting: "connecting" + marks.ellipsis
        case .streaming(let last): last.flatMap { DashboardText.ago($0, now: state.now) } ?? "live"
        case .ended(let time): "ended" + (DashboardText.ago(time, now: state.now).map { " " + $0 } ?? "")
        case .failed(let failure): "failed" + (DashboardText.ago(failure.at, now: state.now).map { " " + $0 } ?? "")
        }
    }
}
