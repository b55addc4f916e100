/// Hides secrets in a command before it is journalled or shown, using the log redactor's rules
/// for what a secret key is, so the journal and the log view agree:
/// - the value after a flag that names a secret (`--password hunter2`, `--token x`,
///   `--client-secret x`) becomes `[REDACTED]`; the flag stays, so the reader sees what was passed;
/// - inside each argument, `--password=x`, `KEY=VALUE` with a secret-looking key (`DB_PASSWORD=x`,
///   `--build-arg NPM_TOKEN=x`), URL credentials (`https://user:pw@host`), bearer credentials and
///   tokens recognised by their shape are replaced as the log redactor replaces them;
/// - environment values whose name is secret become `[REDACTED]`; other values are redacted as text.
public struct CommandRedaction: Sendable {
    public static let standard = CommandRedaction(redactor: .standard)

    public let redactor: Redactor

    public init(redactor: Redactor) { self.redactor = redactor }

    public func argv(_ argv: [String]) -> [String] {
        var redacted: [String] = []
        redacted.reserveCapacity(argv.count)
        var valueIsSecret = false
        for argument in argv {
            if valueIsSecret {
                // Whatever follows a secret flag is its value, even one starting with `-`: hiding a
                // flag by mistake costs less than printing a password that happens to start with one.
                redacted.append("[REDACTED]")
                valueIsSecret = false
                continue
            }
            redacted.append(redactor.redact(argument))
            valueIsSecret = namesSecretFlag(argument)
        }
        return redacted
    }

    public func environment(_ environment: [String: String]) -> [String: String] {
        var redacted: [String: String] = [:]
        for (name, value) in environment {
            redacted[name] = redactor.isSecretKey(name) && !value.isEmpty ? "[REDACTED]" : redactor.redact(value)
        }
        return redacted
    }

    /// A flag without an inline value (`--password`, `-token`) whose name is a secret key. `--password=x`
    /// carries its value inline (the text redactor hides it); `--password-stdin` ends with `stdin`,
    /// so it names no secret.
    func namesSecretFlag(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), !argument.contains("=") else { return false }
        let name = argument.drop { $0 == "-" }
        return !name.isEmpty && redactor.isSecretKey(String(name))
    }

    /// The command as a person would type it, secrets redacted: for plans shown before they run.
    public func commandLine(_ command: Command) -> String {
        var shown = command
        let argv = self.argv(command.argv)
        shown.executable = argv.first ?? command.executable
        shown.arguments = Array(argv.dropFirst())
        shown.environment = environment(command.environment)
        return shown.description
    }
}
