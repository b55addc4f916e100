/// One line of the audit journal. An action (a deploy, promote or rollback) writes several lines
/// that share its `id`: `started`, then `step-started` / `step-finished` around every command, then
/// `finished`. Each line repeats who, where and what, so a line read alone (or an action whose
/// `started` line was lost) still says whose action it was.
public struct JournalEntry: Hashable, Sendable {
    public enum Phase: String, Hashable, Sendable, CaseIterable {
        case started
        case stepStarted = "step-started"
        case stepFinished = "step-finished"
        case finished
        /// A later opsdeck found this action's lock left by a process that died mid-action (kill -9,
        /// a dropped SSH session without a chance to finish): the action never wrote `finished`.
        case interruptedNoted = "interrupted-noted"
        /// This action took over a stale lock; `note` names the previous holder.
        case lockTakeover = "lock-takeover"
        /// The operator went ahead although gates were red; `gateOverride` names them and who typed it.
        case gateOverride = "gate-override"
    }

    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        case ok
        case failed
        case timedOut = "timed-out"
        case cancelled
        /// No `finished` line was ever written: the process died mid-action.
        case interrupted
    }

    /// One version on either side of the action.
    public struct Version: Hashable, Sendable {
        public var version: String?
        /// The image digest (`sha256:…`), when the platform names one.
        public var digest: String?

        public init(version: String? = nil, digest: String? = nil) {
            self.version = version
            self.digest = digest
        }

        public var isEmpty: Bool { version == nil && digest == nil }
    }

    /// The command of a step, as journalled: secrets already redacted.
    public struct Step: Hashable, Sendable {
        /// Counted from 0; written to the file as `number`, counted from 1.
        public var index: Int
        /// How many steps the plan has.
        public var count: Int
        public var summary: String
        public var argv: [String]
        /// Variables set for the command, values redacted where their name says secret.
        public var environment: [String: String]

        public init(index: Int, count: Int, summary: String, argv: [String], environment: [String: String] = [:]) {
            self.index = index
            self.count = count
            self.summary = summary
            self.argv = argv
            self.environment = environment
        }
    }

    /// Gates the operator chose to ignore, and who typed the override.
    public struct GateOverride: Hashable, Sendable {
        public var gates: [String]
        public var by: String

        public init(gates: [String], by: String) {
            self.gates = gates
            self.by = by
        }
    }

    /// The format of the line; readers skip nothing for a newer one, they ignore keys they do not know.
    public static let formatVersion = 1

    public var id: String
    public var time: LogTimestamp
    public var phase: Phase
    public var actor: ActionOperator
    public var key: ServiceKey
    public var kind: ActionPlan.Kind
    public var from: Version
    public var to: Version
    public var step: Step?
    public var outcome: Outcome?
    public var exitCode: Int32?
    /// The signal that ended a step's process.
    public var signal: Int32?
    public var durationMilliseconds: Int64?
    /// The first lines of a failed step's standard error, redacted.
    public var standardError: String?
    /// Why a step could not run or did not finish (not installed, deadline passed), redacted.
    public var error: String?
    public var gateOverride: GateOverride?
    /// Free words for `lock-takeover` and `interrupted-noted` lines.
    public var note: String?

    public init(id: String, time: LogTimestamp, phase: Phase, actor: ActionOperator, key: ServiceKey,
                kind: ActionPlan.Kind, from: Version = Version(), to: Version = Version(), step: Step? = nil,
                outcome: Outcome? = nil, exitCode: Int32? = nil, signal: Int32? = nil,
                durationMilliseconds: Int64? = nil, standardError: String? = nil, error: String? = nil,
                gateOverride: GateOverride? = nil, note: String? = nil) {
        self.id = id
        self.time = time
        self.phase = phase
        self.actor = actor
        self.key = key
        self.kind = kind
        self.from = from
        self.to = to
        self.step = step
        self.outcome = outcome
        self.exitCode = exitCode
        self.signal = signal
        self.durationMilliseconds = durationMilliseconds
        self.standardError = standardError
        self.error = error
        self.gateOverride = gateOverride
        self.note = note
    }
}
