import Subprocess

/// Checks and converts what a `Command` gives the child. Arguments and environment cross into C
/// strings, where a NUL byte would silently end the string: such a command is refused, not run
/// with a shortened argument.
enum SpawnInput {
    /// Why `command` cannot be spawned as given, or nil when it can.
    static func problem(in command: Command) -> String? {
        if let index = command.arguments.firstIndex(where: { $0.utf8.contains(0) }) {
            return "argument \(index + 1) contains a NUL byte"
        }
        for (name, value) in command.environment {
            if name.isEmpty || name.utf8.contains(UInt8(ascii: "=")) || name.utf8.contains(0) {
                return "invalid environment variable name \(ShellQuoting.quote(name))"
            }
            if value.utf8.contains(0) { return "environment variable \(name) contains a NUL byte" }
        }
        return nil
    }

    /// opsdeck's own environment with the command's variables set on top.
    static func environment(for command: Command) -> Environment {
        guard !command.environment.isEmpty else { return .inherit }
        var overrides: [Environment.Key: String?] = [:]
        for (name, value) in command.environment {
            guard let key = Environment.Key(rawValue: name) else { continue }
            overrides[key] = value
        }
        return Environment.inherit.updating(overrides)
    }
}
