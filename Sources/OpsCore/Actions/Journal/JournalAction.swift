/// One action as the journal tells it: its lines folded together.
public struct JournalAction: Hashable, Sendable {
    /// One step as far as the journal knows it.
    public struct StepRecord: Hashable, Sendable {
        public var step: JournalEntry.Step
        public var startedAt: LogTimestamp?
        /// Nil while no `step-finished` line was read; `.interrupted` once the action is known to
        /// have died during this step.
        public var outcome: JournalEntry.Outcome?
        public var exitCode: Int32?
        public var signal: Int32?
        public var durationMilliseconds: Int64?
        public var standardError: String?
        public var error: String?

        public init(step: JournalEntry.Step) { self.step = step }
    }

    /// A `lock-takeover` or `interrupted-noted` line: something a later reader should know.
    public struct Note: Hashable, Sendable {
        public var time: LogTimestamp
        public var phase: JournalEntry.Phase
        /// Who wrote the line (for `interrupted-noted`, the later opsdeck that noticed).
        public var by: ActionOperator
        public var text: String

        public init(time: LogTimestamp, phase: JournalEntry.Phase, by: ActionOperator, text: String) {
            self.time = time
            self.phase = phase
            self.by = by
            self.text = text
        }
    }

    public var id: String
    public var kind: ActionPlan.Kind
    public var key: ServiceKey
    /// Who ran the action and from where.
    public var actor: ActionOperator
    public var from: JournalEntry.Version
    public var to: JournalEntry.Version
    /// The `started` line's time (or, when that line was lost, the earliest line's).
    public var startedAt: LogTimestamp
    public var finishedAt: LogTimestamp?
    /// The `finished` line's outcome; `.interrupted` when there is none (the process died).
    public var outcome: JournalEntry.Outcome
    /// The `finished` line's duration; for an interrupted action, nil.
    public var durationMilliseconds: Int64?
    /// In step order.
    public var steps: [StepRecord]
    public var gateOverride: JournalEntry.GateOverride?
    public var notes: [Note]
    /// The time of the last line of this action: for an interrupted one, the last thing known.
    public var lastSeenAt: LogTimestamp
    /// False when the `started` line was missing (skipped as corrupt): what is shown was pieced
    /// together from the other lines.
    public var hasStartedLine: Bool

    public var isInterrupted: Bool { outcome == .interrupted }

    public init(id: String, kind: ActionPlan.Kind, key: ServiceKey, actor: ActionOperator,
                from: JournalEntry.Version, to: JournalEntry.Version, startedAt: LogTimestamp,
                finishedAt: LogTimestamp?, outcome: JournalEntry.Outcome, durationMilliseconds: Int64?,
                steps: [StepRecord], gateOverride: JournalEntry.GateOverride?, notes: [Note],
                lastSeenAt: LogTimestamp, hasStartedLine: Bool) {
        self.id = id
        self.kind = kind
        self.key = key
        self.actor = actor
        self.from = from
        self.to = to
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.durationMilliseconds = durationMilliseconds
        self.steps = steps
        self.gateOverride = gateOverride
        self.notes = notes
        self.lastSeenAt = lastSeenAt
        self.hasStartedLine = hasStartedLine
    }
}

/// Folds journal entries, in file order, into actions.
///
/// Whatever the order or completeness of the lines (a corrupt `started`, a `finished` without
/// steps), every id becomes one action with what is known. An action without a `finished` line was
/// interrupted (kill -9, a power cut): its outcome is `.interrupted`, and a step that started but
/// never finished is marked interrupted too.
public struct JournalFolder: Sendable {
    private var order: [String] = []
    private var byID: [String: JournalAction] = [:]
    /// Actions whose fields came from a line other than `started`, to be replaced when it comes.
    private var provisional: Set<String> = []

    public init() {}

    public mutating func add(_ entry: JournalEntry) {
        if byID[entry.id] == nil {
            order.append(entry.id)
            byID[entry.id] = Self.newAction(from: entry)
            provisional.insert(entry.id)
        }
        guard var action = byID[entry.id] else { return }
        action.lastSeenAt = max(action.lastSeenAt, entry.time)
        switch entry.phase {
        case .started:
            let steps = action.steps, notes = action.notes, override = action.gateOverride, lastSeen = action.lastSeenAt
            let finished = (action.finishedAt, action.outcome, action.durationMilliseconds)
            action = Self.newAction(from: entry)
            action.hasStartedLine = true
            (action.steps, action.notes, action.gateOverride, action.lastSeenAt) = (steps, notes, override, lastSeen)
            (action.finishedAt, action.outcome, action.durationMilliseconds) = finished
            provisional.remove(entry.id)
        case .stepStarted:
            if let step = entry.step { Self.update(&action, step: step) { $0.startedAt = entry.time } }
        case .stepFinished:
            if let step = entry.step {
                Self.update(&action, step: step) { record in
                    record.outcome = entry.outcome ?? .failed
                    record.exitCode = entry.exitCode
                    record.signal = entry.signal
                    record.durationMilliseconds = entry.durationMilliseconds
                    record.standardError = entry.standardError
                    record.error = entry.error
                }
            }
        case .finished:
            action.finishedAt = entry.time
            action.outcome = entry.outcome ?? .failed
            action.durationMilliseconds = entry.durationMilliseconds
        case .interruptedNoted, .lockTakeover:
            action.notes.append(JournalAction.Note(time: entry.time, phase: entry.phase, by: entry.actor, text: entry.note ?? ""))
        case .gateOverride:
            if let override = entry.gateOverride { action.gateOverride = override }
        }
        // A line written by another opsdeck about this action (a takeover's note) must not stand in
        // for the action's own operator when its `started` line is missing.
        if provisional.contains(entry.id), entry.phase != .interruptedNoted, action.actor.user.isEmpty {
            action.actor = entry.actor
        }
        byID[entry.id] = action
    }

    /// Oldest first, by start time; lines of equal time keep file order.
    public var actions: [JournalAction] {
        let folded = order.enumerated().compactMap { position, id in byID[id].map { (position, Self.finalised($0)) } }
        return folded.sorted { ($0.1.startedAt, $0.0) < ($1.1.startedAt, $1.0) }.map(\.1)
    }

    private static func newAction(from entry: JournalEntry) -> JournalAction {
        JournalAction(id: entry.id, kind: entry.kind, key: entry.key,
                      actor: entry.phase == .interruptedNoted ? ActionOperator(user: "", host: "", pid: 0) : entry.actor,
                      from: entry.from, to: entry.to, startedAt: entry.time, finishedAt: nil, outcome: .interrupted,
                      durationMilliseconds: nil, steps: [], gateOverride: nil, notes: [], lastSeenAt: entry.time,
                      hasStartedLine: false)
    }

    private static func update(_ action: inout JournalAction, step: JournalEntry.Step,
                               _ change: (inout JournalAction.StepRecord) -> Void) {
        if let position = action.steps.firstIndex(where: { $0.step.index == step.index }) {
            change(&action.steps[position])
        } else {
            var record = JournalAction.StepRecord(step: step)
            change(&record)
            let position = action.steps.firstIndex { $0.step.index > step.index } ?? action.steps.endIndex
            action.steps.insert(record, at: position)
        }
    }

    /// An action with no `finished` line died during its last started step.
    private static func finalised(_ action: JournalAction) -> JournalAction {
        guard action.finishedAt == nil else { return action }
        var action = action
        action.outcome = .interrupted
        for position in action.steps.indices where action.steps[position].outcome == nil {
            action.steps[position].outcome = .interrupted
        }
        return action
    }
}
