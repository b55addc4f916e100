import Foundation

/// A runner for adapter tests: answers each command from a script, in order, and records every
/// argv it was given, so a test asserts the exact commands an adapter builds. A command that
/// does not match the next scripted one is a failure the test sees, never a silent answer.
public final class FakeCommandRunner: CommandRunner, @unchecked Sendable {
    public struct Reply: Sendable {
        public var argv: [String]
        public var result: Result<CommandResult, CommandError>
        /// Lines handed to `onLine` when the command is streamed.
        public var lines: [String]

        public init(argv: [String], result: Result<CommandResult, CommandError>, lines: [String] = []) {
            self.argv = argv
            self.result = result
            self.lines = lines
        }
    }

    public struct UnexpectedCommand: Error, CustomStringConvertible {
        public var argv: [String]
        public var expected: [String]?
        public var description: String {
            "unexpected command \(argv)" + (expected.map { ", expected \($0)" } ?? ", nothing more was scripted")
        }
    }

    private let lock = NSLock()
    private var replies: [Reply]
    private var seen: [[String]] = []

    public init(_ replies: [Reply] = []) { self.replies = replies }

    /// Adds a reply: `stdout` printed and `exit` status.
    public func expect(_ argv: [String], stdout: String = "", stderr: String = "", exit: Int32 = 0, lines: [String] = []) {
        let result = CommandResult(termination: .exited(exit), standardOutput: Array(stdout.utf8), standardError: stderr)
        lock.withLock { replies.append(Reply(argv: argv, result: .success(result), lines: lines)) }
    }

    /// Adds a reply that fails to run at all (not installed, timed out).
    public func expect(_ argv: [String], error: CommandError) {
        lock.withLock { replies.append(Reply(argv: argv, result: .failure(error))) }
    }

    /// Every argv run so far, in order.
    public var commands: [[String]] { lock.withLock { seen } }

    /// Replies scripted but not yet asked for.
    public var pending: [[String]] { lock.withLock { replies.map(\.argv) } }

    public func run(_ command: Command) async throws -> CommandResult {
        try next(command).result.get()
    }

    public func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        let reply = try next(command)
        for line in reply.lines {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { onLine(UnsafeBufferPointer($0)) }
        }
        return try reply.result.get()
    }

    private func next(_ command: Command) throws -> Reply {
        try lock.withLock {
            seen.append(command.argv)
            guard let first = replies.first else { throw UnexpectedCommand(argv: command.argv, expected: nil) }
            guard first.argv == command.argv else { throw UnexpectedCommand(argv: command.argv, expected: first.argv) }
            return replies.removeFirst()
        }
    }
}
