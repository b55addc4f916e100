import OpsCore

/// Draws the dialog of `d`, `p`, `R` and the progress box of a running action over the panes.
/// Everything that came from a CLI or a configuration is sanitised before it is drawn.
struct ActionDrawing {
    let marks: DashboardMarks
    let style: BoxStyle

    // MARK: - The dialog

    /// Draws the dialog; returns where the cursor goes when it has an input.
    func drawDialog(_ dialog: ActionDialog, state: DashboardState, into grid: inout CellGrid, bounds: Rect) -> Point? {
        switch dialog.stage {
        case .choosingVersion(let key, let versions, let selected):
            return drawVersions(dialog, key: key, versions: versions, selected: selected, state: state, into: &grid, bounds: bounds)
        case .planning(let request):
            ModalDialog.draw(into: &grid, bounds: bounds, title: "\(request.kind.rawValue) \(clean(request.key.description))",
                             lines: [[StyledSpan("planning: reading what runs now\(marks.ellipsis)", .dialog)]],
                             footer: [StyledSpan("Esc close", .dim)], style: style)
            return nil
        case .failed(let title, let message):
            let lines = message.split(whereSeparator: \.isNewline).map { [StyledSpan(clean(String($0)), .statusError)] }
            ModalDialog.draw(into: &grid, bounds: bounds, title: clean(title) + ": cannot plan", lines: lines,
                             footer: [StyledSpan("nothing ran \(marks.dot) Esc close", .dim)], style: style)
            return nil
        case .confirming(let proposal):
            return drawConfirmation(proposal, dialog: dialog, into: &grid, bounds: bounds)
        }
    }

    private func drawVersions(_ dialog: ActionDialog, key: ServiceKey, versions: PaneSource<[String]>, selected: Int,
                              state: DashboardState, into grid: inout CellGrid, bounds: Rect) -> Point? {
        var lines: [StyledLine] = []
        let running = state.services.value?.first { $0.key == key }?.image?.version
        lines.append([StyledSpan("runs now: ", .dim), StyledSpan(clean(running ?? "unknown"), .dialog)])
        lines.append([])
        let offered = dialog.offeredVersions
        if let failure = versions.failure {
            // Wrapped, not cut: it may be the reason the service cannot be deployed at all.
            let message = "cannot list versions: " + clean(failure.message)
            lines += Self.wrappedWords(message, width: max(20, bounds.size.columns - 4), indent: "  ").map { [StyledSpan($0, .statusError)] }
        } else if versions.isLoading && versions.value == nil {
            lines.append([StyledSpan("loading the versions\(marks.ellipsis)", .dim)])
        } else if offered.isEmpty {
            lines.append([StyledSpan(dialog.input.text.isEmpty ? "no versions offered: type one" : "Enter deploys the version typed", .dim)])
        }
        // The list scrolls so the selected version stays in sight.
        let shown = max(3, min(10, bounds.size.rows - 10))
        let first = max(0, min(selected - shown / 2, offered.count - shown))
        for (index, version) in offered.enumerated().dropFirst(first).prefix(shown) {
            let mark = index == selected ? marks.action + " " : "  "
            let live = version == running ? "  (runs now)" : ""
            lines.append([StyledSpan(mark + clean(version) + live, index == selected ? .selection : .dialog)])
        }
        lines.append([])
        lines.append([StyledSpan(String(repeating: " ", count: 40), .dialog)])  // the input's row
        let body = ModalDialog.draw(into: &grid, bounds: bounds, title: "deploy \(clean(key.description))", lines: lines,
                                    footer: [StyledSpan("\u{2191}/\u{2193} pick \(marks.dot) type a version \(marks.dot) Enter plan \(marks.dot) Esc close", .dim)],
                                    style: style)
        let row = body.minRow + lines.count - 1
        guard !body.isEmpty, row < body.maxRow - 1 else { return nil }
        let column = dialog.input.draw(into: &grid, row: row, column: body.minColumn, width: body.size.columns, prompt: "version: ")
        return Point(column: column, row: row)
    }

    private func drawConfirmation(_ proposal: ActionProposal, dialog: ActionDialog, into grid: inout CellGrid,
                                  bounds: Rect) -> Point? {
        var lines: [StyledLine] = []
        if proposal.protected {
            lines.append([StyledSpan("\(clean(proposal.plan.key.environment)) is protected", .statusWarning)])
        }
        if !proposal.gates.isEmpty {
            lines.append([StyledSpan("gates", .dialogTitle)])
            for gate in proposal.gates {
                lines.append([StyledSpan(gate.passed ? marks.check + " " : marks.cross + " ", gate.passed ? .statusRunning : .statusFailed),
                              StyledSpan(clean(gate.name) + ": ", .dialog), StyledSpan(clean(gate.detail), gate.passed ? .dim : .statusFailed)])
            }
            lines.append([])
        }
        // Commands are shown whole: a long one wraps onto indented lines rather than being cut.
        let width = max(20, bounds.size.columns - 4)
        let preview = proposal.action.preview().split(separator: "\n", omittingEmptySubsequences: false)
        let planLines = preview.flatMap { line in
            Self.wrapped(clean(String(line)), width: width, indent: "          ").map {
                [StyledSpan($0, line.hasPrefix("  if ") ? .dim : .dialog)] as StyledLine
            }
        }
        // What fits under the gates; the plan scrolls (arrows, pages) when it is longer.
        let room = max(1, bounds.size.rows - 4 - lines.count - 4)
        let top = min(dialog.scroll, max(0, planLines.count - room))
        lines += planLines.dropFirst(top).prefix(room)
        if planLines.count > room {
            lines.append([StyledSpan("\(top + 1)-\(min(planLines.count, top + room)) of \(planLines.count) lines \(marks.dot) \u{2191}/\u{2193} scroll", .dim)])
        }
        let footer: StyledLine
        if let phrase = proposal.phrase {
            lines.append([])
            let despite = proposal.failingGates.isEmpty ? "" : " despite the red gates (journalled)"
            lines.append([StyledSpan("type '\(clean(phrase))' then Enter to run it" + despite, .statusWarning)])
            lines.append([StyledSpan(String(repeating: " ", count: 40), .dialog)])
            footer = [StyledSpan("Esc leaves it, nothing runs", .dim)]
        } else {
            footer = [StyledSpan("y / Enter run it \(marks.dot) n / Esc leave it", .dim)]
        }
        let body = ModalDialog.draw(into: &grid, bounds: bounds, title: clean(proposal.title), lines: lines, footer: footer,
                                    style: style)
        guard proposal.phrase != nil else { return nil }
        let row = body.minRow + lines.count - 1
        guard !body.isEmpty, row < body.maxRow - 1 else { return nil }
        let column = dialog.input.draw(into: &grid, row: row, column: body.minColumn, width: body.size.columns, prompt: "> ")
        return Point(column: column, row: row)
    }

    // MARK: - Progress

    /// The running action's box over the lower part of the screen: its steps, then the output of
    /// its commands (the newest at the bottom).
    func drawProgress(_ running: RunningAction, now: LogTimestamp?, into grid: inout CellGrid, area: Rect) {
        let rows = max(6, area.size.rows * 3 / 5)
        let rect = Rect(column: area.minColumn, row: area.maxRow - min(rows, area.size.rows),
                        columns: area.size.columns, rows: min(rows, area.size.rows))
        guard rect.size.columns >= 20, rect.size.rows >= 4 else { return }
        grid.fill(rect, with: Cell(" ", .dialog))
        let elapsed = running.elapsedMilliseconds(now: now).map { ElapsedText.of(milliseconds: $0) } ?? "-"
        let state = running.isRunning ? (running.stopping ? "stopping after this step" : running.stepText) : "ended"
        let title = "\(clean(running.proposal.title)) \(marks.dot) \(elapsed) \(marks.dot) \(state)"
        let inside = Box.draw(into: &grid, rect: rect, title: title, borderRole: .dialog, titleRole: .dialogTitle, style: style)
        guard !inside.isEmpty else { return }
        var lines: [StyledLine] = running.steps.map { step in
            let (mark, role): (String, Role) = switch step.state {
            case .waiting: (marks.dot, .dim)
            case .running: (marks.action, .statusPending)
            case .ended(.ok, _): (marks.check, .statusRunning)
            case .ended: (marks.cross, .statusFailed)
            }
            var line: StyledLine = [StyledSpan(" \(mark) ", role),
                                    StyledSpan((step.recovery ? "undo: " : "") + clean(step.summary), step.state == .waiting ? .dim : .dialog)]
            if case .ended(let outcome, let milliseconds) = step.state {
                line.append(StyledSpan("  \(outcome == .ok ? "" : outcome.rawValue + " ")\(ElapsedText.of(milliseconds: milliseconds))", .dim))
            }
            return line
        }
        let footer: StyledLine = running.isRunning
            ? [StyledSpan(" Esc hides it (it goes on) \(marks.dot) q stops after this step and quits", .dim)]
            : [StyledSpan(" " + clean(running.ending ?? ""), running.succeeded ? .statusRunning : .statusFailed),
               StyledSpan("  Esc close", .dim)]
        let outputRows = max(0, inside.size.rows - lines.count - 2)
        let end = max(0, running.output.count - min(running.scrollBack, max(0, running.output.count - outputRows)))
        let shown = running.output[max(0, end - outputRows)..<end]
        lines.append([StyledSpan(String(repeating: marks.dash, count: max(0, inside.size.columns)), .dim)])
        lines += shown.map { [StyledSpan(" " + $0, $0.hasPrefix("! ") ? .statusFailed : .dialog)] }
        for (offset, line) in lines.prefix(max(0, inside.size.rows - 1)).enumerated() {
            grid.put(StyledLineLayout.clipped(line, to: inside.size.columns), row: inside.minRow + offset,
                     column: inside.minColumn, clip: inside)
        }
        grid.put(StyledLineLayout.clipped(footer, to: inside.size.columns), row: inside.maxRow - 1,
                 column: inside.minColumn, clip: inside)
    }

    private func clean(_ text: String) -> String { DashboardText.clean(text) }

    /// Prose in lines at most `width` columns wide, broken between words (a word longer than a line
    /// is cut like a command), every line after the first behind `indent`.
    static func wrappedWords(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let room = lines.isEmpty ? width : max(1, width - indent.count)
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= room {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(lines.isEmpty ? current : indent + current) }
            current = word
            // A word wider than a whole line is cut; its last piece starts the next line.
            if DisplayWidth.of(word) > max(1, width - indent.count) {
                let pieces = wrapped(word, width: max(1, width - indent.count), indent: "")
                lines += pieces.dropLast().map { indent + $0 }
                current = pieces.last ?? ""
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(lines.isEmpty ? current : indent + current) }
        return lines
    }

    /// `text` in pieces at most `width` columns wide, every piece after the first behind `indent`.
    static func wrapped(_ text: String, width: Int, indent: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var columns = 0
        let room = { pieces.isEmpty ? width : max(1, width - indent.count) }
        for character in text {
            let wide = DisplayWidth.of(String(character))
            if columns + wide > room(), !current.isEmpty {
                pieces.append(pieces.isEmpty ? current : indent + current)
                current = ""
                columns = 0
            }
            current.append(character)
            columns += wide
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(pieces.isEmpty ? current : indent + current) }
        return pieces
    }
}
