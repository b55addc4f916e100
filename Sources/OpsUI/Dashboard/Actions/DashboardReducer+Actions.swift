import OpsCore

/// `d`, `p`, `R`, `S`, `P`, `X`: a request becomes a plan in a dialog, the operator's yes runs it, a box shows
/// its progress, and a watch window follows it.
extension DashboardReducer {
    // MARK: - Asking

    static func ask(_ intent: DashboardIntent, on state: inout DashboardState) -> [DashboardEffect] {
        if let running = state.running, running.isRunning {
            return refuse("\(running.proposal.title) is still running (o shows it)", on: &state)
        }
        // R while the watch window found the last action worse: back to what ran before it.
        if intent == .rollback, let watch = state.watch, watch.worse != nil, !watch.rollbackAsked {
            state.watch?.rollbackAsked = true
            return plan(ActionRequest(key: watch.key, what: .rollback(to: watch.from)), on: &state)
        }
        guard let key = state.selectedKey else { return refuse("no service selected", on: &state) }
        if let refusal = state.changes.refusal(for: key.environment) { return refuse(refusal, on: &state) }
        switch intent {
        case .deploy:
            state.dialog = ActionDialog(.choosingVersion(key, versions: .loading, selected: 0))
            return [.loadVersions(key)]
        case .promote:
            guard let target = nextEnvironment(after: key.environment, in: state) else {
                return refuse("\(key.environment) is the last environment: nothing to promote to", on: &state)
            }
            if let refusal = state.changes.refusal(for: target) { return refuse(refusal, on: &state) }
            let targetKey = ServiceKey(service: key.service, environment: target)
            return plan(ActionRequest(key: targetKey, what: .promote(from: key), judgedGates: judgedGates(of: key, in: state)),
                        on: &state)
        case .restart:
            return plan(ActionRequest(key: key, what: .restart), on: &state)
        case .promoteCanaryStep:
            return plan(ActionRequest(key: key, what: .promoteCanaryStep), on: &state)
        case .abortCanary:
            return plan(ActionRequest(key: key, what: .abortCanary), on: &state)
        default:
            // In History, the selected release; anywhere else the last one that stayed healthy.
            var release: String?
            if state.focus == .history, let id = state.selectedReleaseID, !id.hasPrefix(HistoryRow.actionPrefix) {
                release = id
            }
            return plan(ActionRequest(key: key, what: .rollback(to: release)), on: &state)
        }
    }

    static func plan(_ request: ActionRequest, on state: inout DashboardState) -> [DashboardEffect] {
        if !request.automatic { state.dialog = ActionDialog(.planning(request)) }
        return [.prepareAction(request)]
    }

    /// The source's probes and metrics as the console sees them now.
    static func judgedGates(of source: ServiceKey, in state: DashboardState) -> [PromotionGate] {
        let probes = state.probes.entries(for: source).map { entry in
            (name: entry.id.name, state: entry.tracker.state, reason: entry.tracker.lastFailure?.failedCondition)
        }
        let readings = state.metrics.entries(for: source).compactMap(\.tracker.lastReading)
        return [PromotionGates.probes(states: probes, service: source.service, environment: source.environment),
                PromotionGates.metrics(readings, service: source.service, environment: source.environment)]
    }

    static func nextEnvironment(after environment: String, in state: DashboardState) -> String? {
        guard let index = state.environmentOrder.firstIndex(of: environment),
              index + 1 < state.environmentOrder.count else { return nil }
        return state.environmentOrder[index + 1]
    }

    static func refuse(_ message: String, on state: inout DashboardState) -> [DashboardEffect] {
        state.message = message
        state.messageIsError = true
        return []
    }

    // MARK: - The dialog's keys

    static func dialogKey(_ key: Key, on state: inout DashboardState) -> [DashboardEffect] {
        guard var dialog = state.dialog else { return [] }
        switch dialog.stage {
        case .choosingVersion(let serviceKey, let versions, let selected):
            let offered = dialog.offeredVersions
            switch key {
            case .down, .control("n"):
                dialog.stage = .choosingVersion(serviceKey, versions: versions, selected: min(selected + 1, max(0, offered.count - 1)))
            case .up, .control("p"):
                dialog.stage = .choosingVersion(serviceKey, versions: versions, selected: max(0, selected - 1))
            default:
                switch dialog.input.handle(key) {
                case .cancelled:
                    state.dialog = nil
                    return []
                case .submitted(let typed):
                    let trimmed = DashboardText.trimmed(typed[...])
                    let chosen = offered.indices.contains(selected) ? offered[selected] : String(trimmed)
                    guard !chosen.isEmpty else {
                        state.dialog = dialog
                        return refuse("type a version, or pick one with the arrows", on: &state)
                    }
                    return plan(ActionRequest(key: serviceKey, what: .deploy(version: chosen)), on: &state)
                case .edited:
                    dialog.stage = .choosingVersion(serviceKey, versions: versions, selected: 0)
                case .ignored:
                    break
                }
            }
        case .planning:
            if key == .escape { state.dialog = nil; return [] }
        case .failed:
            if key == .escape || key == .enter || key == .character("q") { state.dialog = nil; return [] }
        case .confirming(let proposal):
            return confirmKey(key, proposal: proposal, dialog: &dialog, on: &state)
        }
        state.dialog = dialog
        return []
    }

    /// y / Enter runs (or the phrase typed, then Enter); n / Esc drops; arrows and pages scroll.
    static func confirmKey(_ key: Key, proposal: ActionProposal, dialog: inout ActionDialog,
                           on state: inout DashboardState) -> [DashboardEffect] {
        switch key {
        case .down: dialog.scroll += 1
        case .up: dialog.scroll = max(0, dialog.scroll - 1)
        case .pageDown: dialog.scroll += 10
        case .pageUp: dialog.scroll = max(0, dialog.scroll - 10)
        case .escape, .character("n") where proposal.phrase == nil:
            // The dialog closing says enough; the status line stays free for what matters more
            // (a watch window's banner).
            state.dialog = nil
            return [.dropAction(proposal)]
        case .enter where proposal.phrase == nil, .character("y") where proposal.phrase == nil:
            state.dialog = nil
            return start(proposal, on: &state)
        default:
            guard let phrase = proposal.phrase else { break }
            switch dialog.input.handle(key) {
            case .submitted(let typed):
                if DashboardText.trimmed(typed[...]) == phrase[...] {
                    state.dialog = nil
                    return start(proposal, on: &state)
                }
                // A wrong phrase is cleared, so the next try starts from nothing.
                dialog.input = TextInput()
                state.dialog = dialog
                return refuse("type '\(phrase)' to run it, Esc to leave it", on: &state)
            case .cancelled:
                state.dialog = nil
                return [.dropAction(proposal)]
            case .edited, .ignored:
                break
            }
        }
        state.dialog = dialog
        return []
    }

    // MARK: - Running

    static func start(_ proposal: ActionProposal, on state: inout DashboardState) -> [DashboardEffect] {
        state.running = RunningAction(proposal, baseline: WatchWindow.baseline(of: proposal.plan.key, in: state), at: state.now)
        state.watch = nil
        return [.runAction(proposal)]
    }

    /// Keys while the progress box is shown: Esc or o hide it, q stops after the running step
    /// and quits, arrows and pages scroll its output.
    static func progressKey(_ key: Key, intent: DashboardIntent?, on state: inout DashboardState) -> [DashboardEffect]? {
        guard var running = state.running, running.visible else { return nil }
        switch intent {
        case .close, .showAction:
            running.visible = false
        case .quit:
            state.running = running
            return quit(on: &state)
        case .lineUp: running.scrollBack += 1
        case .lineDown: running.scrollBack = max(0, running.scrollBack - 1)
        case .pageUp: running.scrollBack += 10
        case .pageDown: running.scrollBack = max(0, running.scrollBack - 10)
        default:
            return nil
        }
        state.running = running
        return []
    }

    /// `q`: at once, unless an action runs: then it stops after its running step, and the console
    /// quits once it (and the recovery it needs) has ended and is journalled.
    static func quit(on state: inout DashboardState) -> [DashboardEffect] {
        guard let running = state.running, running.isRunning else { return [.quit] }
        if state.quitWhenActionEnds { return [] }
        state.quitWhenActionEnds = true
        state.running?.stopping = true
        state.message = "stopping \(running.proposal.title) after its running step, then quitting"
        return [.stopAction]
    }

    static func showAction(on state: inout DashboardState) -> [DashboardEffect] {
        guard state.running != nil else { return refuse("no action has run in this session", on: &state) }
        state.running?.visible = true
        return []
    }

    // MARK: - Answers

    static func actionAnswer(_ action: DashboardAction, on state: inout DashboardState) -> [DashboardEffect] {
        switch action {
        case .versionsLoaded(let key, let versions, let time):
            updateVersions(of: key, on: &state) { $0.load(versions, at: time) }
        case .versionsFailed(let key, let message, let time):
            updateVersions(of: key, on: &state) { $0.fail(message, at: time) }
        case .actionPrepared(let proposal):
            if proposal.request.automatic {
                state.message = "auto_rollback: \(proposal.title), as \(proposal.plan.key.environment) asks"
                return start(proposal, on: &state)
            }
            guard case .planning(let request) = state.dialog?.stage, request == proposal.request else {
                return [.dropAction(proposal)]
            }
            state.dialog = ActionDialog(.confirming(proposal))
        case .actionPlanFailed(let request, let message):
            if request.automatic {
                return refuse("auto_rollback of \(request.key) could not be planned: \(message)", on: &state)
            }
            guard case .planning(let asked) = state.dialog?.stage, asked == request else { return [] }
            state.dialog = ActionDialog(.failed(title: "\(request.kind.rawValue) \(request.key)", message: message))
        case .actionEvent(let event):
            state.running?.take(event)
        case .actionEnded(let outcome, let time):
            guard var running = state.running else { return [] }
            running.end(outcome, at: time)
            state.running = running
            state.message = "\(running.proposal.title): \(running.ending ?? "ended")"
            state.messageIsError = !running.succeeded
            var effects: [DashboardEffect] = state.quitWhenActionEnds ? [.quit] : []
            if running.succeeded, !state.quitWhenActionEnds {
                state.watch = WatchWindow(after: running.proposal, baseline: running.baseline, at: time)
                // Worse already while it ran (a version that fails at once) counts too.
                effects += checkWatch(on: &state)
            }
            effects += refresh(&state)
            // The service now runs other replicas: follow theirs.
            let key = running.proposal.plan.key
            if key == state.selectedKey, !state.quitWhenActionEnds {
                resetLogs(&state, following: key)
                effects.append(.followLogs(key))
            }
            return effects
        case .actionNotRun(let message, let time):
            state.running?.fail(message, at: time)
            state.message = "\(state.running?.proposal.title ?? "action"): nothing ran: \(message)"
            state.messageIsError = true
            return state.quitWhenActionEnds ? [.quit] : []
        default:
            break
        }
        return []
    }

    static func updateVersions(of key: ServiceKey, on state: inout DashboardState,
                               _ change: (inout PaneSource<[String]>) -> Void) {
        guard case .choosingVersion(let asked, var versions, let selected) = state.dialog?.stage, asked == key else { return }
        change(&versions)
        state.dialog?.stage = .choosingVersion(key, versions: versions, selected: selected)
    }

    // MARK: - The watch window

    /// After each probe result, metric reading and tick: is the watched service worse than
    /// before the action? The first time it is, the banner offers R; `auto_rollback` goes ahead.
    static func checkWatch(on state: inout DashboardState) -> [DashboardEffect] {
        guard var watch = state.watch else { return [] }
        guard watch.isOpen(at: state.now) else {
            if watch.worse == nil { state.watch = nil }
            return []
        }
        guard watch.worse == nil, let worse = watch.worsening(in: state) else { return [] }
        watch.worse = worse
        state.watch = watch
        guard watch.autoRollback, !watch.rollbackAsked, watch.kind != .rollback,
              state.changes.refusal(for: watch.key.environment) == nil else { return [] }
        state.watch?.rollbackAsked = true
        return plan(ActionRequest(key: watch.key, what: .rollback(to: watch.from), automatic: true), on: &state)
    }
}
