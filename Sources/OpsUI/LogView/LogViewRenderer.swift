import OpsCore

/// Draws the log view: the records pane (with the detail of one record below it when open), the
/// rate strip, and the status bar or the prompt being typed; the help overlay on top. Pure: the
/// same state and size always give the same grid.
public enum LogViewRenderer {
    /// The few non-ASCII marks of the view's own text, and what stands for them when the locale
    /// cannot show them (the box style says which).
    struct Marks {
        var dot: String
        var atLeast: String
        var ellipsis: String

        init(_ style: BoxStyle) {
            let ascii = style == .ascii
            dot = ascii ? "-" : "·"
            atLeast = ascii ? ">=" : "≥"
            ellipsis = ascii ? "..." : "…"
        }
    }

    public struct Frame {
        public var grid: CellGrid
        /// The first record shown and the rows of the records pane, for `.viewport`.
        public var top: Int
        public var rows: Int
        /// Where the terminal's cursor goes (the end of the prompt), if anywhere.
        public var cursor: Point?
    }

    /// `hiddenSource`: a source not worth a column (the one file being viewed). `cache` remembers
    /// formatted lines between frames; the picture is the same without it.
    public static func render(_ state: LogViewState, size: Size, style: BoxStyle = .unicode,
                              title: String = "logs", hiddenSource: String? = nil,
                              cache: LogLineCache? = nil) -> Frame {
        var grid = CellGrid(size: size)
        guard size.columns >= 20, size.rows >= 5 else {
            grid.put("opsdeck: terminal too small", row: 0, column: 0, role: .statusWarning)
            return Frame(grid: grid, top: state.top, rows: 1, cursor: nil)
        }
        let statusRow = size.rows - 1
        let showRates = size.rows >= 10
        let paneBottom = showRates ? statusRow - 1 : statusRow
        var pane = Rect(column: 0, row: 0, columns: size.columns, rows: paneBottom)
        var detailPane: Rect?
        if let detail = state.detail, (0..<state.visibleCount).contains(detail) {
            let split = Split.vertical(pane, ratio: 0.5)
            pane = split.0
            detailPane = split.1
        }
        let inner = Box.draw(into: &grid, rect: pane, title: paneTitle(state, title, Marks(style)),
                             focused: detailPane == nil, style: style)
        let (top, rows) = drawRecords(state, into: &grid, rect: inner, hiddenSource: hiddenSource, style: style,
                                      cache: cache ?? LogLineCache())
        if let detailPane, let detail = state.detail {
            drawDetail(state.record(atVisible: detail), scroll: state.detailScroll, into: &grid, rect: detailPane, style: style)
        }
        if showRates { drawRates(state, into: &grid, row: paneBottom, width: size.columns, ascii: style == .ascii) }
        var cursor: Point?
        if let prompt = state.prompt {
            cursor = drawPrompt(prompt, input: state.promptInput, into: &grid, row: statusRow, width: size.columns,
                                error: state.messageIsError ? state.message : nil)
        } else {
            drawStatus(state, into: &grid, row: statusRow, width: size.columns, marks: Marks(style))
        }
        if state.showingHelp {
            let dot = Marks(style).dot
            HelpOverlay.draw(into: &grid, bounds: grid.bounds, title: "keys \(dot) j/k scroll \(dot) Esc closes",
                             sections: Keymap<LogViewIntent>.logView.helpSections(ascii: style == .ascii), scroll: state.helpScroll, style: style)
        }
        return Frame(grid: grid, top: top, rows: rows, cursor: cursor)
    }

    static func paneTitle(_ state: LogViewState, _ title: String, _ marks: Marks) -> String {
        var parts = [title, "\(state.visibleCount) of \(state.store.count) records"]
        if state.store.dropped > 0 { parts.append("\(state.store.dropped) dropped") }
        return parts.joined(separator: " \(marks.dot) ")
    }

    /// The records, first lines only (a record's further lines show in its detail), the selection
    /// kept on screen; following keeps the newest at the bottom.
    static func drawRecords(_ state: LogViewState, into grid: inout CellGrid, rect: Rect,
                            hiddenSource: String?, style: BoxStyle, cache: LogLineCache) -> (top: Int, rows: Int) {
        let rows = max(1, rect.size.rows)
        let count = state.visibleCount
        let top: Int
        if let selected = state.selected {
            top = state.following ? max(0, count - rows)
                : ListView.top(keeping: selected, visibleRows: rows, currentTop: state.top, count: count)
        } else {
            top = 0
        }
        let reference = state.newestTime ?? LogTimestamp(nanosecondsSinceEpoch: 0)
        let timeStyle: LogLineFormatter.TimeStyle = switch state.timeStyle {
        case .absolute: .absolute
        case .relative: .relative(to: reference)
        case .off: .off
        }
        // The rows on screen settle the source column's width before the first is drawn.
        // On a narrow screen a long pod name must not push every message off the edge.
        var formatter = LogLineFormatter(timeStyle: timeStyle, maxSourceWidth: max(8, min(28, rect.size.columns / 6)),
                                         hiddenSource: hiddenSource)
        let onScreen = top ..< min(count, top + rows)
        for i in onScreen { formatter.fitSource(state.record(atVisible: i).source) }
        let timeKey: Int64 = switch state.timeStyle {
        case .absolute: -1
        case .off: -2
        case .relative: reference.nanosecondsSinceEpoch
        }
        let lines = Dictionary(uniqueKeysWithValues: onScreen.map { i -> (Int, StyledLine) in
            let key = LogLineCache.Key(record: state.recordNumber(ofVisible: i),
                                       sourceWidth: formatter.sourceColumnWidth, time: timeKey)
            let first = cache.line(key) {
                let all = formatter.lines(for: state.record(atVisible: i).redacted())
                var first = all.first ?? []
                if all.count > 1 { first.append(StyledSpan("  (+\(all.count - 1) lines)", .dim)) }
                return first
            }
            return (i, first)
        })
        let list = ListView(count: count, top: top, selected: state.selected, wrap: state.wrap,
                            horizontalOffset: state.horizontalOffset, highlight: state.search) { i in
            lines[i] ?? formatter.lines(for: state.record(atVisible: i).redacted()).first ?? []
        }
        list.draw(into: &grid, rect: rect)
        if count == 0 {
            grid.put(state.store.isEmpty ? "waiting for records" + Marks(style).ellipsis : "no record matches the filter",
                     row: rect.minRow, column: rect.minColumn + 1, role: .dim, clip: rect)
        }
        return (top, rows)
    }

    static func drawDetail(_ record: LogRecord, scroll: Int, into grid: inout CellGrid, rect: Rect, style: BoxStyle) {
        let lines = JSONPrettyPrinter.lines(record.redacted().jsonValue)
        let rows = max(1, rect.size.rows - 2)
        // Scrolled no further than the last page: the pane never shows blank rows below the end.
        let first = min(scroll, max(0, lines.count - rows))
        let dot = Marks(style).dot
        var title = "record at line \(record.line) \(dot) Esc closes"
        if lines.count > rows { title += " \(dot) J/K scroll \(dot) \(first + 1)-\(min(lines.count, first + rows)) of \(lines.count)" }
        let inner = Box.draw(into: &grid, rect: rect, title: title, focused: true, style: style)
        for (offset, line) in lines.dropFirst(first).prefix(inner.size.rows).enumerated() {
            grid.put(Sanitiser.sanitise(line), row: inner.minRow + offset, column: inner.minColumn + 1, role: .text, clip: inner)
        }
    }

    static func drawRates(_ state: LogViewState, into grid: inout CellGrid, row: Int, width: Int, ascii: Bool) {
        let label = "rate/s "
        let errorLabel = "  errors "
        let strip = max(0, (width - label.count - errorLabel.count) / 2)
        let series = state.rates.series(width: strip)
        grid.put(label, row: row, column: 0, role: .dim)
        Sparkline.draw(into: &grid, row: row, column: label.count, values: series.all, width: strip, ascii: ascii)
        grid.put(errorLabel, row: row, column: label.count + strip, role: .dim)
        grid.put(Sparkline.render(series.errors, width: strip, ascii: ascii), row: row,
                 column: label.count + strip + errorLabel.count, role: .logError)
    }

    static func drawStatus(_ state: LogViewState, into grid: inout CellGrid, row: Int, width: Int, marks: Marks) {
        var left: StyledLine = []
        if let message = state.message {
            left.append(StyledSpan(" " + Sanitiser.sanitise(message), state.messageIsError ? .statusError : .statusInfo))
        } else if state.following {
            left.append(StyledSpan(" FOLLOW", .statusInfo))
        } else {
            left.append(StyledSpan(" PAUSED", .statusWarning))
            if state.newBelow > 0 { left.append(StyledSpan(" +\(state.newBelow) new below (G)", .statusWarning)) }
        }
        if let level = state.levelOverride { left.append(StyledSpan("  level\(marks.atLeast)\(level.name)", .text)) }
        if !state.filterText.isEmpty { left.append(StyledSpan("  filter: " + Sanitiser.sanitise(state.filterText), .text)) }
        if let search = state.search { left.append(StyledSpan("  /" + Sanitiser.sanitise(search), .text)) }
        let position = state.selected.map { "\($0 + 1)/\(state.visibleCount)" } ?? "0/0"
        var right: StyledLine = [StyledSpan(position + "  ? help ", .text)]
        if state.store.dropped > 0 { right.insert(StyledSpan("\(state.store.dropped) dropped  ", .statusWarning), at: 0) }
        StatusBar.draw(into: &grid, row: row, width: width, left: left, right: right)
    }

    /// The prompt being typed; a mistake in what was submitted (a bad filter) shows at its right
    /// until the next edit.
    static func drawPrompt(_ prompt: LogViewState.Prompt, input: TextInput, into grid: inout CellGrid,
                           row: Int, width: Int, error: String?) -> Point {
        let label = switch prompt {
        case .search: "/"
        case .filter: "filter: "
        case .save: "save to: "
        case .command: ":"
        }
        return drawPrompt(label: label, input: input, into: &grid, row: row, width: width, error: error)
    }

    /// A prompt labelled `label` (the dashboard's prompts are drawn the same way).
    static func drawPrompt(label: String, input: TextInput, into grid: inout CellGrid,
                           row: Int, width: Int, error: String?) -> Point {
        grid.fill(Rect(column: 0, row: row, columns: width, rows: 1), with: Cell(" ", .input))
        var inputWidth = width
        if let error {
            let shown = DisplayWidth.padded(" " + Sanitiser.sanitise(error), to: min(width / 2, DisplayWidth.of(error) + 1))
            inputWidth = width - DisplayWidth.of(shown)
            grid.put(shown, row: row, column: inputWidth, role: .statusError)
        }
        let column = input.draw(into: &grid, row: row, column: 0, width: inputWidth, prompt: label)
        return Point(column: column, row: row)
    }
}
