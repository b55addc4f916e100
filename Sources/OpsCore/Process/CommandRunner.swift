/// Runs commands. The live runner spawns real processes; adapter tests use `FakeCommandRunner`,
/// which asserts the exact argv. Every provider call goes through one of these.
public protocol CommandRunner: Sendable {
    /// Runs `command` to its end or its deadline and returns what it printed, whatever its exit
    /// status (callers decide what a non-zero exit means). Throws `CommandError.notFound`,
    /// `.timedOut`, `.launchFailed`, or `CancellationError` when the task is cancelled (the
    /// process group is killed in every such case).
    func run(_ command: Command) async throws -> CommandResult

    /// Runs a command whose output is followed (`docker logs -f`, `docker events`): each complete
    /// line of standard output, without its newline, goes to `onLine` as it arrives (the buffer
    /// is valid only during the call). Returns when the command ends; cancelling the task kills
    /// its process group. A long-running command has no deadline.
    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult
}

extension CommandRunner {
    /// Runs `command` and returns its standard output; a non-zero exit throws `CommandError.failed`
    /// carrying the CLI's own error text.
    public func output(of command: Command) async throws -> [UInt8] {
        let result = try await run(command)
        guard result.succeeded else { throw CommandError.failed(command, result) }
        return result.standardOutput
    }
}
