/// How one run of the `on_alert` hook ended, for the caller to show beside the alert.
public enum AlertHookOutcome: Sendable, Hashable, CustomStringConvertible {
    /// It exited with 0.
    case ok
    /// It exited with another status or was killed by a signal; the last lines of its standard error.
    case failed(CommandResult.Termination, standardErrorTail: String)
    /// It ran past `hook_timeout`; its process group was killed.
    case timedOut(after: Duration)
    /// The executable is not installed or not executable.
    case missingExecutable(String)
    /// It could not be started for another reason (too many processes, a NUL byte in a value).
    case couldNotStart(String)
    /// Too many hooks were waiting already: this alert's hook was not run (the alert itself was
    /// still shown and journalled).
    case dropped(waiting: Int)
    /// opsdeck stopped before or while running it.
    case cancelled

    public var succeeded: Bool { self == .ok }

    /// `ok`, `exited with 3: curl: (7) Failed to connect`, `timed out after 10s`, ...
    public var description: String {
        switch self {
        case .ok:
            return "ok"
        case .failed(let termination, let tail):
            let how: String = switch termination {
            case .exited(let code): "exited with \(code)"
            case .signalled(let signal): "was killed by signal \(signal)"
            }
            return tail.isEmpty ? how : "\(how): \(tail)"
        case .timedOut(let after):
            return "timed out after \(CommandError.seconds(after)) and was killed"
        case .missingExecutable(let executable):
            return "\(executable): command not found (is it installed and in PATH?)"
        case .couldNotStart(let reason):
            return "could not be started: \(reason)"
        case .dropped(let waiting):
            return "not run: \(waiting) hooks were already waiting"
        case .cancelled:
            return "cancelled: opsdeck stopped first"
        }
    }

    /// A word for JSON output: `ok`, `failed`, `timed-out`, `not-found`, `not-started`, `dropped`, `cancelled`.
    public var word: String {
        switch self {
        case .ok: "ok"
        case .failed: "failed"
        case .timedOut: "timed-out"
        case .missingExecutable: "not-found"
        case .couldNotStart: "not-started"
        case .dropped: "dropped"
        case .cancelled: "cancelled"
        }
    }
}
