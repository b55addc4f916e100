/// Runs one step's command and describes how it ended.
struct StepRun {
    /// How many lines of standard error the journal keeps, each cut to `maximumLineLength`.
    static let standardErrorLines = 5
    static let maximumLineLength = 300

    let runner: any CommandRunner
    let redaction: CommandRedaction

    struct Ending {
        var outcome: JournalEntry.Outcome
        var exitCode: Int32?
        var signal: Int32?
        var standardError: String?
        var error: String?
    }

    /// Streams the command's output to `onLine` (redacted and sanitised). The command runs in a task
    /// of its own, which the caller's cancellation does not reach: a step once started is never
    /// killed half-way because the operator pressed q or the SSH session dropped. Only its own
    /// deadline (`Command.timeout`) ends it early.
    func run(_ command: Command, onLine: @escaping @Sendable (String) -> Void) async -> Ending {
        let runner = self.runner
        let redactor = redaction.redactor
        let task = Task {
            try await runner.stream(command) { bytes in
                var redacted: [UInt8] = []
                redactor.redact(bytes, into: &redacted)
                onLine(redacted.withUnsafeBufferPointer { Sanitiser.sanitise($0) })
            }
        }
        switch await task.result {
        case .success(let result): return ending(of: result)
        case .failure(let error): return ending(of: error)
        }
    }

    func ending(of result: CommandResult) -> Ending {
        let standardError = firstLines(of: result.standardError)
        switch result.termination {
        case .exited(0):
            return Ending(outcome: .ok, exitCode: 0, standardError: nil)
        case .exited(let code):
            return Ending(outcome: .failed, exitCode: code, standardError: standardError)
        case .signalled(let signal):
            return Ending(outcome: .failed, signal: signal, standardError: standardError,
                          error: "killed by signal \(signal)")
        }
    }

    func ending(of error: any Error) -> Ending {
        let words = redaction.redactor.redact(String(describing: error))
        switch error {
        case CommandError.timedOut: return Ending(outcome: .timedOut, error: words)
        case is CancellationError: return Ending(outcome: .cancelled, error: "cancelled")
        default: return Ending(outcome: .failed, error: words)
        }
    }

    /// The first lines of a CLI's standard error (where it says what went wrong), redacted, each cut
    /// short; nil when it printed nothing.
    func firstLines(of text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).prefix(Self.standardErrorLines).map { line in
            line.count > Self.maximumLineLength ? String(line.prefix(Self.maximumLineLength)) + "…" : String(line)
        }
        guard !lines.isEmpty else { return nil }
        return redaction.redactor.redact(lines.joined(separator: "\n"))
    }
}
