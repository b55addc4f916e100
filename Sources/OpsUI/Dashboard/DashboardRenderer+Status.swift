import OpsCore

/// The bottom line: the prompt being typed, else a message, else where the user is.
extension DashboardRenderer {
    /// Returns where the cursor goes when a prompt is open.
    static func drawStatus(_ state: DashboardState, into grid: inout CellGrid, row: Int, width: Int,
                           marks: DashboardMarks, single: Bool) -> Point? {
        if let prompt = state.prompt {
            let label = switch prompt {
            case .filter(let pane): "filter \(pane.title.lowercased()): "
            case .command: ":"
            }
            return LogViewRenderer.drawPrompt(label: label, input: state.promptInput, into: &grid, row: row,
                                              width: width, error: nil)
        }
        if let prompt = state.logs.prompt {
            return LogViewRenderer.drawPrompt(prompt, input: state.logs.promptInput, into: &grid, row: row, width: width,
                                              error: state.logs.messageIsError ? state.logs.message : nil)
        }
        if state.message == nil, state.focus == .logs {
            // The Logs pane's status is the log view's: following or paused, level, filter, search.
            LogViewRenderer.drawStatus(state.logs, into: &grid, row: row, width: width, marks: marks.logView)
            return nil
        }
        if state.message == nil, let watch = state.watch, let worse = watch.worse {
            let offer = watch.rollbackAsked ? "" : " \(marks.dash) R rolls back to \(watch.from ?? "what ran before")"
            StatusBar.draw(into: &grid, row: row, width: width,
                           left: [StyledSpan(" " + Sanitiser.sanitise("\(watch.key) worse since \(watch.kind.rawValue) \(watch.to): \(worse)\(offer)"),
                                             .statusError)],
                           right: [])
            return nil
        }
        if state.message == nil, let alert = state.pendingAlerts.last {
            drawAlertBanner(alert, more: state.pendingAlerts.count - 1, into: &grid, row: row, width: width, marks: marks)
            return nil
        }
        var left: StyledLine
        if state.message == nil, let running = state.running, running.isRunning {
            let elapsed = running.elapsedMilliseconds(now: state.now).map { ElapsedText.of(milliseconds: $0) } ?? ""
            left = [StyledSpan(" " + Sanitiser.sanitise("\(running.proposal.title) \(marks.dot) \(running.stepText) \(marks.dot) \(elapsed)"), .statusPending),
                    StyledSpan(running.visible ? "" : "  (o shows it)", .text)]
        } else if state.message == nil, let watch = state.watch, watch.isOpen(at: state.now) {
            let remaining = ElapsedText.of(milliseconds: watch.secondsLeft(at: state.now) &* 1000)
            let what = Sanitiser.sanitise("watching \(watch.key) after \(watch.kind.rawValue) \(watch.to)")
            left = [StyledSpan(" \(what) \(marks.dot) \(remaining) left", .statusInfo)]
        } else if let message = state.message {
            left = [StyledSpan(" " + Sanitiser.sanitise(message), state.messageIsError ? .statusError : .statusInfo)]
        } else {
            left = [StyledSpan(" " + state.focus.title.uppercased(), .statusInfo)]
            if let scope = state.environmentScope { left.append(StyledSpan("  env " + DashboardText.clean(scope), .text)) }
            if let scope = state.serviceScope { left.append(StyledSpan("  svc " + DashboardText.clean(scope), .text)) }
            if !state.servicesFilter.isEmpty {
                left.append(StyledSpan("  /" + DashboardText.clean(state.servicesFilter), .text))
            }
        }
        let position = positionText(state).map { $0 + "  " } ?? ""
        let hint = single && !state.zoomed ? "Tab more  " : ""
        StatusBar.draw(into: &grid, row: row, width: width, left: left,
                       right: [StyledSpan(position + hint + "? help ", .text)])
        return nil
    }

    /// The newest unacknowledged alert, loud when raised, calm when recovered, until `a`.
    static func drawAlertBanner(_ alert: Alert, more: Int, into grid: inout CellGrid, row: Int, width: Int,
                                marks: DashboardMarks) {
        let role: Role = alert.transition == .raised ? .statusError : .statusInfo
        let right = (more > 0 ? "+\(more) more \(marks.dot) " : "") + "a ack "
        StatusBar.draw(into: &grid, row: row, width: width, left: [StyledSpan(" " + Sanitiser.sanitise(alert.summary), role)],
                       right: [StyledSpan(right, role)])
    }

    /// `3/6`: the selected row of the focused table.
    static func positionText(_ state: DashboardState) -> String? {
        switch state.focus {
        case .services:
            let rows = state.visibleServices
            return rows.firstIndex { $0.key == state.selectedKey }.map { "\($0 + 1)/\(rows.count)" }
        case .history:
            let rows = state.visibleHistory
            return rows.firstIndex { $0.id == state.selectedReleaseID }.map { "\($0 + 1)/\(rows.count)" }
        case .probes:
            let rows = state.visibleProbes
            return rows.firstIndex { $0.id == state.selectedProbeID }.map { "\($0 + 1)/\(rows.count)" }
        case .logs, .details:
            return nil
        }
    }
}
