import Foundation
import Synchronization

/// Runs one deploy, promote or rollback plan: under the service's lock, step by step, every step
/// journalled (durably) before it starts and after it ends, stopping at the first step that fails.
///
/// Stopping. An action is never killed half-way by opsdeck itself: a half-run `docker stop` / `run`
/// pair leaves a service down. `finishCurrentStepThenStop()` (for `q`, SIGHUP when the SSH session
/// drops, SIGTERM) lets the running step finish, up to its own deadline, journals it, and starts no
/// further step; the action's outcome is then `.cancelled`. Cancelling the task that awaits `run`
/// means the same thing. Whoever stops opsdeck must therefore await `run` before exiting; if the
/// process dies anyway (kill -9), the journal holds `started` without `finished`, which readers
/// report as interrupted, and the next action on the service takes over the stale lock and notes
/// the interruption.
///
/// One executor runs its plan once.
public final class ActionExecutor: Sendable {
    /// The journal id of this action, also written into its lock.
    public let id: String
    public let plan: ActionPlan

    private let runner: any CommandRunner
    private let journal: JournalWriter
    private let locksFolder: String?
    private let actor: ActionOperator
    private let from: JournalEntry.Version
    private let to: JournalEntry.Version
    private let gateOverride: JournalEntry.GateOverride?
    private let redaction: CommandRedaction
    private let now: @Sendable () -> LogTimestamp

    private struct State {
        var started = false
        var stopRequested = false
    }
    private let state = Mutex(State())

    /// - Parameters:
    ///   - locksFolder: where locks are taken; nil for `StatePaths.current().locksFolder`.
    ///   - fromDigest, toDigest: image digests on either side, when the platform names them.
    ///   - gateOverride: red gates the operator chose to override, journalled before `started`.
    ///   - now: the wall clock of journal lines (durations use a monotonic clock).
    public init(plan: ActionPlan, runner: any CommandRunner, journal: JournalWriter, locksFolder: String? = nil,
                operator actor: ActionOperator = .current(), fromDigest: String? = nil, toDigest: String? = nil,
                gateOverride: JournalEntry.GateOverride? = nil, redaction: CommandRedaction = .standard,
                id: String = UUID().uuidString.lowercased(),
                now: @escaping @Sendable () -> LogTimestamp = JournalTime.now) {
        self.id = id
        self.plan = plan
        self.runner = runner
        self.journal = journal
        self.locksFolder = locksFolder
        self.actor = actor
        from = JournalEntry.Version(version: plan.from, digest: fromDigest)
        to = JournalEntry.Version(version: plan.to, digest: toDigest)
        self.gateOverride = gateOverride
        self.redaction = redaction
        self.now = now
    }

    /// The plan as text, nothing run: see `PlanPreview`.
    public var dryRun: String { PlanPreview.text(of: plan, redaction: redaction) }

    /// Lets the running step finish (up to its deadline) and starts no further one. Safe from any
    /// thread, at any time, more than once; before `run`, the action stops before its first step.
    public func finishCurrentStepThenStop() {
        state.withLock { $0.stopRequested = true }
    }

    public var stopRequested: Bool { state.withLock { $0.stopRequested } }

    /// Runs the plan. Throws only when nothing ran (the lock is held, the journal cannot be
    /// written, or this executor already ran); every other ending is in the report.
    public func run(progress: @escaping @Sendable (ActionProgress) -> Void = { _ in }) async throws(ActionExecutionError)
        -> ActionReport {
        let alreadyStarted = state.withLock { state -> Bool in
            defer { state.started = true }
            return state.started
        }
        if alreadyStarted { throw .alreadyRun }
        let lock: ActionLock
        do {
            lock = try ActionLock.acquire(plan.key, kind: plan.kind, actionID: id, in: locksFolder, operator: actor, now: now())
        } catch {
            throw .locked(error)
        }
        defer { lock.release() }
        do {
            try journalPreamble(takeover: lock.takeover)
        } catch {
            throw .journal(error)
        }
        let result = await withTaskCancellationHandler {
            await runSteps(progress: progress, takeover: lock.takeover)
        } onCancel: {
            finishCurrentStepThenStop()
        }
        return result
    }

    // MARK: - Steps

    private func runSteps(progress: @escaping @Sendable (ActionProgress) -> Void, takeover: LockTakeover?) async
        -> ActionReport {
        let clock = ContinuousClock()
        let began = clock.now
        let stepRun = StepRun(runner: runner, redaction: redaction)
        var report = ActionReport(id: id, key: plan.key, kind: plan.kind, outcome: .ok, steps: [], takeover: takeover,
                                  durationMilliseconds: 0)
        for (index, step) in plan.steps.enumerated() {
            if stopRequested {
                report.outcome = .cancelled
                report.stoppedBeforeStep = index
                break
            }
            let journalled = journalStep(index, step)
            do {
                try journal.append(entry(.stepStarted, step: journalled))
            } catch {
                report.outcome = .failed
                report.journalFailure = error
                break
            }
            let commandLine = redaction.commandLine(step.command)
            progress(.stepStarted(index: index, count: plan.steps.count, summary: step.summary, commandLine: commandLine))
            let stepBegan = clock.now
            var ending = await stepRun.run(step.command) { line in progress(.output(index: index, line: line)) }
            if Self.diedOfOurHangup(ending, stopRequested: stopRequested) {
                // The hangup that stops opsdeck reached the step in the instant between its spawn and
                // its own session (the spawn blocks signals until then, but a signal sent to our
                // process group stays pending): it died before its program ran. Steps run in a
                // session of their own, so no other hangup can reach them. Run it again, this time
                // to its end, as "finish the running step" promises.
                ending = await stepRun.run(step.command) { line in progress(.output(index: index, line: line)) }
            }
            let finished = ActionReport.Step(index: index, summary: step.summary, commandLine: commandLine,
                                             outcome: ending.outcome, exitCode: ending.exitCode, signal: ending.signal,
                                             durationMilliseconds: Self.milliseconds(clock.now - stepBegan),
                                             standardError: ending.standardError, error: ending.error)
            report.steps.append(finished)
            var line = entry(.stepFinished, step: journalled)
            (line.outcome, line.exitCode, line.signal) = (finished.outcome, finished.exitCode, finished.signal)
            (line.durationMilliseconds, line.standardError, line.error) =
                (finished.durationMilliseconds, finished.standardError, finished.error)
            do {
                try journal.append(line)
            } catch {
                report.journalFailure = error
            }
            progress(.stepFinished(finished))
            if finished.outcome != .ok {
                report.outcome = finished.outcome
                break
            }
            if report.journalFailure != nil {
                // Nothing more runs unrecorded.
                report.outcome = .failed
                break
            }
        }
        report.durationMilliseconds = Self.milliseconds(clock.now - began)
        if report.journalFailure == nil {
            var line = entry(.finished)
            line.outcome = report.outcome
            line.durationMilliseconds = report.durationMilliseconds
            if let stopped = report.stoppedBeforeStep {
                line.note = "stopped on request before step \(stopped + 1) of \(plan.steps.count)"
            }
            do { try journal.append(line) } catch { report.journalFailure = error }
        }
        return report
    }

    // MARK: - Journal lines

    /// The lines before `started`: a stale lock taken over (and, under the previous holder's own
    /// action id, that its action was interrupted), red gates overridden, then `started`.
    private func journalPreamble(takeover: LockTakeover?) throws(JournalError) {
        if let takeover {
            var line = entry(.lockTakeover)
            line.note = takeover.description
            try journal.append(line)
            if let previous = takeover.previous, !previous.actionID.isEmpty {
                let noted = JournalEntry(
                    id: previous.actionID, time: now(), phase: .interruptedNoted, actor: actor, key: previous.key,
                    kind: previous.kind,
                    note: "its lock, held by \(previous.user)@\(previous.host) (pid \(previous.pid)) since \(previous.since.rfc3339Milliseconds), was found stale: \(takeover.reason)")
                try journal.append(noted)
            }
        }
        if let gateOverride {
            var line = entry(.gateOverride)
            line.gateOverride = gateOverride
            try journal.append(line)
        }
        try journal.append(entry(.started))
    }

    private func entry(_ phase: JournalEntry.Phase, step: JournalEntry.Step? = nil) -> JournalEntry {
        JournalEntry(id: id, time: now(), phase: phase, actor: actor, key: plan.key, kind: plan.kind,
                     from: from, to: to, step: step)
    }

    private func journalStep(_ index: Int, _ step: ActionPlan.Step) -> JournalEntry.Step {
        JournalEntry.Step(index: index, count: plan.steps.count, summary: redaction.redactor.redact(step.summary),
                          argv: redaction.argv(step.command.argv),
                          environment: redaction.environment(step.command.environment))
    }

    /// Whether a step ended by SIGHUP while opsdeck itself was being stopped (by that hangup).
    static func diedOfOurHangup(_ ending: StepRun.Ending, stopRequested: Bool) -> Bool {
        stopRequested && ending.signal == SIGHUP
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? .max : max(0, scaled &+ attoseconds / 1_000_000_000_000_000)
    }
}
