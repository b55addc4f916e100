import OpsCore

/// Draws the dashboard: the discovery banner, the panes where the layout puts them, the status
/// line (or the prompt being typed), the help on top. Pure: the same state and size always give
/// the same grid.
public enum DashboardRenderer {
    public struct Frame {
        public var grid: CellGrid
        /// Where the terminal's cursor goes (the end of the prompt), if anywhere.
        public var cursor: Point?
        /// The scroll positions and page sizes drawn: send `.viewport` when it differs from the
        /// state's.
        public var viewport: DashboardViewport
    }

    /// `cache` remembers the Logs pane's formatted lines between frames; the picture is the
    /// same without it.
    public static func render(_ state: DashboardState, size: Size, style: BoxStyle = .unicode,
                              cache: DashboardLineCache? = nil) -> Frame {
        var grid = CellGrid(size: size)
        var viewport = state.viewport
        guard size.columns >= 20, size.rows >= 5 else {
            grid.put("opsdeck: terminal too small", row: 0, column: 0, role: .statusWarning)
            return Frame(grid: grid, cursor: nil, viewport: viewport)
        }
        let marks = DashboardMarks(style)
        let layout = DashboardLayout.make(
            size: size, banner: state.discovery, focus: state.focus, zoomed: state.zoomed,
            servicesRows: max(1, state.visibleServices.count) + 3 + failureRows(state.servicesFailure),
            historyRows: max(1, state.visibleHistory.count) + 3,
            detailsRows: (state.selectedService.map { DashboardDetails.lines(for: $0, in: state).count } ?? 1) + 2,
            probesRows: state.probes.isEmpty ? 0 : max(1, state.visibleProbes.count) + 3)
        if let row = layout.bannerRow { drawBanner(into: &grid, row: row, width: size.columns, marks: marks) }
        let pane = PaneDrawing(state: state, marks: marks, style: style, single: layout.single)
        for kind in DashboardPane.allCases {
            guard let rect = layout.panes[kind] else { continue }
            let focused = kind == state.focus
            switch kind {
            case .services: pane.drawServices(into: &grid, rect: rect, focused: focused, viewport: &viewport)
            case .history: pane.drawHistory(into: &grid, rect: rect, focused: focused, viewport: &viewport)
            case .details: pane.drawDetails(into: &grid, rect: rect, focused: focused, viewport: &viewport)
            case .probes: pane.drawProbes(into: &grid, rect: rect, focused: focused, viewport: &viewport)
            case .logs:
                pane.drawLogs(into: &grid, rect: rect, focused: focused, viewport: &viewport,
                              cache: (cache ?? DashboardLineCache()).lines(for: state.logGeneration))
            }
        }
        var cursor = drawStatus(state, into: &grid, row: layout.statusRow, width: size.columns, marks: marks,
                                single: layout.single)
        let above = Rect(column: 0, row: 0, columns: size.columns, rows: layout.statusRow)
        let actions = ActionDrawing(marks: marks, style: style)
        if let running = state.running, running.visible {
            actions.drawProgress(running, now: state.now, into: &grid, area: above)
        }
        if let dialog = state.dialog {
            cursor = actions.drawDialog(dialog, state: state, into: &grid, bounds: above)
        }
        if state.showingHelp {
            HelpOverlay.draw(into: &grid, bounds: grid.bounds, title: "keys \(marks.dot) j/k scroll \(marks.dot) Esc closes",
                             sections: DashboardHelp.sections(), scroll: state.helpScroll, style: style)
        }
        return Frame(grid: grid, cursor: state.showingHelp ? nil : cursor, viewport: viewport)
    }

    /// Rows a failed source's error takes above its stale data.
    static func failureRows(_ failure: SourceFailure?) -> Int {
        failure.map { DashboardText.errorLines($0.message, limit: PaneDrawing.staleErrorLines).count } ?? 0
    }

    static let bannerTexts = [
        "discovery: no opsdeck.yml — showing every container of the local engine; write one: opsdeck config check --help",
        "discovery (no opsdeck.yml): local containers — opsdeck config check --help",
        "discovery: no opsdeck.yml",
    ]

    /// One line, the longest wording that fits.
    static func drawBanner(into grid: inout CellGrid, row: Int, width: Int, marks: DashboardMarks) {
        let texts = bannerTexts.map { " " + $0.replacingDash(with: marks.dash) }
        let text = texts.first { DisplayWidth.of($0) <= width } ?? texts[texts.count - 1]
        StatusBar.draw(into: &grid, row: row, width: width, left: [StyledSpan(text, .statusWarning)], right: [])
    }
}

/// The formatted lines of the Logs pane remembered between frames, for one service at a time.
/// A memo owned by the UI thread: the records of the next service start numbering afresh, so a
/// new generation starts an empty memo.
public final class DashboardLineCache {
    private var cache = LogLineCache()
    private var generation = 0

    public init() {}

    func lines(for generation: Int) -> LogLineCache {
        if generation != self.generation {
            cache = LogLineCache()
            self.generation = generation
        }
        return cache
    }
}

/// The few non-ASCII marks of the dashboard's own text, and what stands for them when the
/// locale cannot show them.
struct DashboardMarks {
    var dot: String
    var ellipsis: String
    var dash: String
    var live: String
    /// Marks a row of the History pane as one of opsdeck's own actions.
    var action: String
    /// A gate passed, a step done; a gate red, a step failed.
    var check: String
    var cross: String
    var logView: LogViewRenderer.Marks

    init(_ style: BoxStyle) {
        let ascii = style == .ascii
        dot = ascii ? "-" : "·"
        ellipsis = ascii ? "..." : "…"
        dash = ascii ? "-" : "—"
        live = ascii ? "*" : "●"
        action = ascii ? ">" : "▸"
        check = ascii ? "+" : "✔"
        cross = ascii ? "x" : "✘"
        logView = LogViewRenderer.Marks(style)
    }
}

extension String {
    fileprivate func replacingDash(with dash: String) -> String {
        dash == "—" ? self : split(separator: "—", omittingEmptySubsequences: false).joined(separator: dash)
    }
}
