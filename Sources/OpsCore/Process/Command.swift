/// A process to run: an executable and its arguments as an argv array, never a shell string, so a
/// service or image name with `;`, `$()` or spaces is one argument and nothing else.
public struct Command: Hashable, Sendable, CustomStringConvertible {
    /// A name looked up in `PATH` (`docker`), or a path.
    public var executable: String
    public var arguments: [String]
    /// Variables set for the child on top of opsdeck's own environment (`DOCKER_HOST`).
    public var environment: [String: String]
    /// How long the call may take before its process group is killed.
    public var timeout: Duration
    /// For calls that follow output until cancelled (`logs -f`, `events`): no deadline.
    public var isLongRunning: Bool

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                timeout: Duration = .seconds(15), isLongRunning: Bool = false) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
        self.isLongRunning = isLongRunning
    }

    /// The argv, executable first.
    public var argv: [String] { [executable] + arguments }

    /// The command as a person would type it, each argument shell-quoted where needed: for plans
    /// shown before they run and for the journal.
    public var description: String {
        let assignments = environment.keys.sorted().map { "\($0)=\(ShellQuoting.quote(environment[$0] ?? ""))" }
        return (assignments + argv.map(ShellQuoting.quote)).joined(separator: " ")
    }
}

/// POSIX shell quoting, for showing commands only: nothing opsdeck runs goes through a shell.
public enum ShellQuoting {
    public static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./:=@%+,".unicodeScalars.contains(scalar))
        }
        if plain { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
