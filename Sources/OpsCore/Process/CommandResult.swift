/// How a finished command ended, and what it printed.
public struct CommandResult: Hashable, Sendable {
    public enum Termination: Hashable, Sendable {
        case exited(Int32)
        case signalled(Int32)
    }

    public var termination: Termination
    /// Standard output, whole (empty for streamed commands, whose lines went to the caller).
    public var standardOutput: [UInt8]
    /// Standard error, kept up to a limit: the CLI's own words when it fails.
    public var standardError: String
    /// Bytes of standard output the caller did not get: past the live runner's cap on collected output,
    /// or the cut-off tails of over-long streamed lines. Zero when nothing was dropped.
    public var droppedOutputBytes: Int

    public init(termination: Termination, standardOutput: [UInt8] = [], standardError: String = "",
                droppedOutputBytes: Int = 0) {
        self.termination = termination
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.droppedOutputBytes = droppedOutputBytes
    }

    public var succeeded: Bool { termination == .exited(0) }

    public var exitCode: Int32? {
        if case .exited(let code) = termination { return code }
        return nil
    }

    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
}

/// Why a command could not give a result.
public enum CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The executable is not installed (not found in `PATH`, or not executable).
    case notFound(executable: String)
    /// The deadline passed; the process group was killed.
    case timedOut(Command, after: Duration)
    /// Spawning failed for another reason (too many processes, permissions).
    case launchFailed(executable: String, reason: String)
    /// The command ran and failed: its exit and the first lines of its standard error.
    case failed(Command, CommandResult)

    public var description: String {
        switch self {
        case .notFound(let executable):
            "\(executable): command not found (is it installed and in PATH?)"
        case .timedOut(let command, let after):
            "\(command.executable) did not answer within \(CommandError.seconds(after)) (\(command.arguments.prefix(3).joined(separator: " ")))"
        case .launchFailed(let executable, let reason):
            "\(executable) could not be started: \(reason)"
        case .failed(let command, let result):
            CommandError.failureText(command, result)
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(seconds)s" : "\(seconds).\(tenths)s"
    }

    static func failureText(_ command: Command, _ result: CommandResult) -> String {
        let how: String = switch result.termination {
        case .exited(let code): "exited with \(code)"
        case .signalled(let signal): "was killed by signal \(signal)"
        }
        let said = result.standardError.split(whereSeparator: \.isNewline).prefix(3).joined(separator: " / ")
        return said.isEmpty ? "\(command.executable) \(how)" : "\(command.executable) \(how): \(said)"
    }
}
