/// Runs one prepared action to its end, the same way for the console and the headless commands:
/// writes the files it plans, runs its plan through an `ActionExecutor` (lock, journal before and
/// after every step), and when the plan failed or was stopped half-way, runs what puts back what
/// ran before as a rollback of its own. The recovery is not stoppable: a half-done recovery would
/// leave the service down.
public final class ActionRun: Sendable {
    public let action: PreparedAction
    private let executor: ActionExecutor
    private let makeRecoveryExecutor: @Sendable (ActionPlan) -> ActionExecutor

    /// How a run ended when it ran at all.
    public struct Outcome: Sendable {
        public var report: ActionReport
        /// The recovery's own report, when one ran.
        public var recovery: ActionReport?
        /// Why the recovery could not start, when one was needed and did not run.
        public var recoveryNotRun: ActionExecutionError?

        /// Whether the wait step ran out of time (the headless commands' exit 5).
        public var waitTimedOut = false

        public init(report: ActionReport, recovery: ActionReport? = nil, recoveryNotRun: ActionExecutionError? = nil,
                    waitTimedOut: Bool = false) {
            self.report = report
            self.recovery = recovery
            self.recoveryNotRun = recoveryNotRun
            self.waitTimedOut = waitTimedOut
        }
    }

    /// What happens while it runs, for the caller to show.
    public enum Event: Sendable {
        case progress(ActionProgress)
        /// The plan did not end well: `plan` puts back what ran before.
        case recoveryStarting(ActionPlan)
        case recoveryProgress(ActionProgress)
    }

    public init(_ action: PreparedAction, runner: any CommandRunner, journal: JournalWriter, locksFolder: String?,
                operator actor: ActionOperator = .current(), gateOverride: JournalEntry.GateOverride? = nil) {
        self.action = action
        executor = ActionExecutor(plan: action.plan, runner: runner, journal: journal, locksFolder: locksFolder,
                                  operator: actor, fromDigest: action.fromDigest, toDigest: action.toDigest,
                                  gateOverride: gateOverride)
        makeRecoveryExecutor = { plan in
            ActionExecutor(plan: plan, runner: runner, journal: journal, locksFolder: locksFolder, operator: actor,
                           fromDigest: action.toDigest, toDigest: action.fromDigest)
        }
    }

    /// The journal id of the action.
    public var id: String { executor.id }

    /// Lets the running step finish and starts no further one (q, SIGHUP, SIGTERM); the recovery,
    /// if the plan stopped half-way, still runs.
    public func finishCurrentStepThenStop() { executor.finishCurrentStepThenStop() }

    /// Runs it. Throws only when nothing ran.
    public func run(events: @escaping @Sendable (Event) -> Void = { _ in }) async throws(ActionRunError) -> Outcome {
        do {
            try action.writeFiles()
        } catch {
            throw .cannotPrepare(error)
        }
        let report: ActionReport
        do {
            report = try await executor.run { events(.progress($0)) }
        } catch {
            throw .notRun(error)
        }
        var outcome = Outcome(report: report, waitTimedOut: action.waitTimedOut(in: report))
        if let recovery = action.recoveryPlan(for: report) {
            events(.recoveryStarting(recovery))
            do {
                outcome.recovery = try await makeRecoveryExecutor(recovery).run { events(.recoveryProgress($0)) }
            } catch {
                outcome.recoveryNotRun = error
            }
        }
        return outcome
    }
}

/// Why an action did not run at all.
public enum ActionRunError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file of the plan could not be written.
    case cannotPrepare(PreparedActionError)
    case notRun(ActionExecutionError)

    public var description: String {
        switch self {
        case .cannotPrepare(let error): "\(error)"
        case .notRun(let error): "\(error)"
        }
    }
}
