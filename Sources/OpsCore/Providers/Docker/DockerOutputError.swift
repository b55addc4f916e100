/// Output of a docker command that opsdeck cannot read: not JSON, cut short, or not the shape the
/// command prints. It names the command, so the pane says which call printed garbage.
public struct DockerOutputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The command as a person would name it: `docker ps`, `docker inspect`.
    public var command: String
    /// What is wrong, in words: `line 3 is not JSON (byte 17)`.
    public var problem: String
    /// The start of the offending text, control characters made visible, at most 80 characters.
    public var excerpt: String

    public init(command: String, problem: String, excerpt: String = "") {
        self.command = command
        self.problem = problem
        self.excerpt = excerpt
    }

    init(command: String, problem: String, text: UnsafeBufferPointer<UInt8>) {
        let head = UnsafeBufferPointer(rebasing: text.prefix(160))
        var excerpt = Sanitiser.sanitise(head)
        if excerpt.count > 80 { excerpt = String(excerpt.prefix(80)) + "…" }
        self.init(command: command, problem: problem, excerpt: excerpt)
    }

    public var description: String {
        let said = excerpt.isEmpty ? "" : ": \(excerpt)"
        return "`\(command)` printed output opsdeck cannot read: \(problem)\(said)"
    }
}
