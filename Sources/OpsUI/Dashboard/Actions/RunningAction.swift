import OpsCore

/// The action running (or last run) from the console: its steps, the output of its commands, its
/// clock, how it ended. The progress box shows it; Esc hides the box, the action goes on.
public struct RunningAction: Sendable {
    public enum StepState: Sendable, Equatable {
        case waiting
        case running
        case ended(JournalEntry.Outcome, milliseconds: Int64)
    }

    public struct StepLine: Sendable, Equatable {
        public var summary: String
        public var commandLine: String
        public var state: StepState
        /// A step of the recovery that put back what ran before.
        public var recovery: Bool
    }

    public let proposal: ActionProposal
    /// How the service's probes and metrics stood when it started: what the watch window compares
    /// with afterwards.
    let baseline: [String: Int]
    public internal(set) var steps: [StepLine]
    /// The commands' output, oldest first, at most `outputLimit` lines.
    public internal(set) var output: [String] = []
    public internal(set) var startedAt: LogTimestamp?
    public internal(set) var endedAt: LogTimestamp?
    /// How it ended, in words, once it has.
    public internal(set) var ending: String?
    public internal(set) var succeeded = false
    /// The box is shown (Esc hides it, `o` shows it again).
    public internal(set) var visible = true
    /// `q` asked it to stop after the running step.
    public internal(set) var stopping = false
    /// Rows the output is scrolled up from its end.
    public internal(set) var scrollBack = 0

    static let outputLimit = 500

    init(_ proposal: ActionProposal, baseline: [String: Int], at time: LogTimestamp?) {
        self.proposal = proposal
        self.baseline = baseline
        steps = proposal.plan.steps.map { StepLine(summary: $0.summary, commandLine: "", state: .waiting, recovery: false) }
        startedAt = time
    }

    public var isRunning: Bool { endedAt == nil }

    /// How long it has run (until its end, once it has ended).
    public func elapsedMilliseconds(now: LogTimestamp?) -> Int64? {
        guard let startedAt, let end = endedAt ?? now else { return nil }
        return max(0, (end.nanosecondsSinceEpoch &- startedAt.nanosecondsSinceEpoch) / 1_000_000)
    }

    /// The step running now, counted from 1, over the plan's steps.
    public var stepText: String {
        let main = steps.filter { !$0.recovery }
        let current = main.lastIndex { $0.state != .waiting } ?? -1
        return "step \(max(1, current + 1))/\(main.count)"
    }

    mutating func take(_ event: ActionRun.Event) {
        switch event {
        case .progress(let progress): take(progress, recovery: false)
        case .recoveryStarting(let plan):
            append("— \(plan.kind.rawValue) \(plan.from ?? "") -> \(plan.to): putting back what ran before")
            steps += plan.steps.map { StepLine(summary: $0.summary, commandLine: "", state: .waiting, recovery: true) }
        case .recoveryProgress(let progress): take(progress, recovery: true)
        }
    }

    private mutating func take(_ progress: ActionProgress, recovery: Bool) {
        let offset = recovery ? (steps.firstIndex { $0.recovery } ?? steps.count) : 0
        switch progress {
        case .stepStarted(let index, _, _, let commandLine):
            let at = offset + index
            guard steps.indices.contains(at) else { return }
            steps[at].state = .running
            steps[at].commandLine = commandLine
            append("$ " + Sanitiser.sanitise(commandLine))
        case .output(_, let line):
            append(line)
        case .stepFinished(let step):
            let at = offset + step.index
            guard steps.indices.contains(at) else { return }
            steps[at].state = .ended(step.outcome, milliseconds: step.durationMilliseconds)
            if step.outcome != .ok {
                var words = "\(step.outcome.rawValue)"
                if let code = step.exitCode, code != 0 { words += ", exit \(code)" }
                if let error = step.error { words += ": \(error)" }
                append("! " + Sanitiser.sanitise(words))
                for line in (step.standardError ?? "").split(whereSeparator: \.isNewline) {
                    append("! " + Sanitiser.sanitise(String(line)))
                }
            }
        }
    }

    mutating func end(_ outcome: ActionRun.Outcome, at time: LogTimestamp) {
        endedAt = time
        let report = outcome.report
        succeeded = report.outcome == .ok && report.journalFailure == nil
        var words: String
        switch report.outcome {
        case .ok: words = "done"
        case .cancelled: words = "stopped on request"
        default:
            words = outcome.waitTimedOut ? "timed out waiting for the new version" : "ended \(report.outcome.rawValue)"
        }
        if let recovery = outcome.recovery {
            words += recovery.outcome == .ok ? "; what ran before runs again" : "; putting back what ran before ended \(recovery.outcome.rawValue): check the service now"
        } else if let notRun = outcome.recoveryNotRun {
            words += "; what ran before could not be put back: \(notRun)"
        }
        if let failure = report.journalFailure { words += "; the journal could not be written: \(failure)" }
        ending = words + " (journal id \(report.id))"
    }

    mutating func fail(_ message: String, at time: LogTimestamp) {
        endedAt = time
        succeeded = false
        ending = "nothing ran: " + message
    }

    private mutating func append(_ line: String) {
        output.append(line)
        if output.count > Self.outputLimit { output.removeFirst(output.count - Self.outputLimit) }
    }
}
