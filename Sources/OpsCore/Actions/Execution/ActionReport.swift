/// How an action went, step by step: what the executor returns once it has stopped.
public struct ActionReport: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        /// Counted from 0.
        public var index: Int
        public var summary: String
        /// The command as typed, secrets redacted.
        public var commandLine: String
        public var outcome: JournalEntry.Outcome
        public var exitCode: Int32?
        public var signal: Int32?
        public var durationMilliseconds: Int64
        /// The first lines of standard error, redacted (not sanitised: draw through the sanitiser).
        public var standardError: String?
        /// Why the step did not run or did not finish, in words.
        public var error: String?

        public init(index: Int, summary: String, commandLine: String, outcome: JournalEntry.Outcome,
                    exitCode: Int32? = nil, signal: Int32? = nil, durationMilliseconds: Int64,
                    standardError: String? = nil, error: String? = nil) {
            self.index = index
            self.summary = summary
            self.commandLine = commandLine
            self.outcome = outcome
            self.exitCode = exitCode
            self.signal = signal
            self.durationMilliseconds = durationMilliseconds
            self.standardError = standardError
            self.error = error
        }
    }

    /// The journal id of the action.
    public var id: String
    public var key: ServiceKey
    public var kind: ActionPlan.Kind
    /// `.ok` when every step succeeded; the first failing step's outcome; `.cancelled` when asked to
    /// stop between steps; `.failed` when the journal could not be written.
    public var outcome: JournalEntry.Outcome
    /// The steps that ran, in order.
    public var steps: [Step]
    /// The step that was not started because a stop was asked for.
    public var stoppedBeforeStep: Int?
    /// A stale lock taken over to run this action.
    public var takeover: LockTakeover?
    /// The journal failed after the action had started: the steps after it were not run, and the
    /// journal may lack the last lines.
    public var journalFailure: JournalError?
    public var durationMilliseconds: Int64

    public init(id: String, key: ServiceKey, kind: ActionPlan.Kind, outcome: JournalEntry.Outcome, steps: [Step],
                stoppedBeforeStep: Int? = nil, takeover: LockTakeover? = nil, journalFailure: JournalError? = nil,
                durationMilliseconds: Int64) {
        self.id = id
        self.key = key
        self.kind = kind
        self.outcome = outcome
        self.steps = steps
        self.stoppedBeforeStep = stoppedBeforeStep
        self.takeover = takeover
        self.journalFailure = journalFailure
        self.durationMilliseconds = durationMilliseconds
    }
}

/// What an executor tells its caller while it runs, on the runner's threads.
public enum ActionProgress: Hashable, Sendable {
    /// A step is about to run; `commandLine` is redacted.
    case stepStarted(index: Int, count: Int, summary: String, commandLine: String)
    /// One line of the step's standard output, redacted and sanitised: safe to draw.
    case output(index: Int, line: String)
    case stepFinished(ActionReport.Step)
}

/// Why an action did not start at all. Nothing ran.
public enum ActionExecutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The service's lock could not be had (another action runs, or no place for locks).
    case locked(ActionLockError)
    /// The journal could not be written: nothing runs unrecorded.
    case journal(JournalError)
    /// An executor runs its plan once.
    case alreadyRun

    public var description: String {
        switch self {
        case .locked(let error): "\(error)"
        case .journal(let error): "not started, the journal cannot be written: \(error)"
        case .alreadyRun: "this action has already been run"
        }
    }
}
