/// Runs the `on_alert` command for one alert.
///
/// The alert reaches the hook only through environment variables, never through its argv or a
/// shell: a server's error body can say anything, and must not become a command. The variables:
///
/// | Variable              | Value                                                           |
/// |-----------------------|-----------------------------------------------------------------|
/// | `OPSDECK_ALERT`       | `raised` or `recovered`                                         |
/// | `OPSDECK_SERVICE`     | the service                                                     |
/// | `OPSDECK_ENVIRONMENT` | the environment, empty for a probe of one fixed place           |
/// | `OPSDECK_PROBE`       | the probe's name; empty for a metric alert                      |
/// | `OPSDECK_METRIC`      | the metric's name; empty for a probe alert                      |
/// | `OPSDECK_STATE`       | `failing`, `ok`, `degraded`, `critical`, `warn`                 |
/// | `OPSDECK_REASON`      | what is wrong, empty when nothing is                            |
/// | `OPSDECK_VALUE`       | the metric's value; empty for a probe alert                     |
/// | `OPSDECK_TIME`        | when, RFC 3339 in UTC with milliseconds                         |
/// | `OPSDECK_SUMMARY`     | the one-line summary (`ALERT api/production/health failing: …`) |
///
/// Every variable is always set, empty where it does not apply, so that one inherited from the
/// environment opsdeck was started in never passes for part of the alert.
///
/// Each run has a deadline (`hook_timeout`); at it the hook's whole process group is killed.
public struct AlertHook: Sendable {
    /// How much of a failed hook's standard error is kept for the message.
    static let standardErrorTailLines = 3
    static let standardErrorTailCharacters = 400

    public let argv: [String]
    public let timeout: Duration
    public let runner: any CommandRunner

    /// `argv` must hold at least the executable.
    public init?(argv: [String], timeout: Duration = AlertsConfig.defaultHookTimeout, runner: any CommandRunner) {
        guard !argv.isEmpty else { return nil }
        self.argv = argv
        self.timeout = timeout
        self.runner = runner
    }

    /// The configured hook; nil when `on_alert` is not set.
    public init?(config: AlertsConfig, runner: any CommandRunner) {
        self.init(argv: config.onAlert ?? [], timeout: config.hookTimeout, runner: runner)
    }

    /// The variables of the table above for `alert`.
    public static func environment(for alert: Alert) -> [String: String] {
        var variables = [
            "OPSDECK_ALERT": alert.transition.rawValue,
            "OPSDECK_SERVICE": Alert.cleaned(alert.service),
            "OPSDECK_ENVIRONMENT": alert.environment.map(Alert.cleaned) ?? "",
            "OPSDECK_STATE": alert.state,
            "OPSDECK_REASON": alert.reason ?? "",
            "OPSDECK_TIME": JournalTime.timestamp(alert.at).rfc3339Milliseconds,
            "OPSDECK_SUMMARY": alert.summary,
        ]
        switch alert.subject {
        case .probe:
            variables["OPSDECK_PROBE"] = Alert.cleaned(alert.name)
            variables["OPSDECK_METRIC"] = ""
        case .metric:
            variables["OPSDECK_PROBE"] = ""
            variables["OPSDECK_METRIC"] = Alert.cleaned(alert.name)
        }
        variables["OPSDECK_VALUE"] = alert.value ?? ""
        return variables
    }

    /// The command run for `alert`: the configured argv, unchanged, with the alert's variables.
    public func command(for alert: Alert) -> Command {
        Command(argv[0], Array(argv.dropFirst()), environment: Self.environment(for: alert), timeout: timeout)
    }

    /// Runs the hook for `alert` to its end or its deadline. Never throws: every way it can end is
    /// an outcome to show.
    public func run(_ alert: Alert) async -> AlertHookOutcome {
        let command = command(for: alert)
        do {
            let result = try await runner.run(command)
            if result.succeeded { return .ok }
            return .failed(result.termination, standardErrorTail: Self.tail(of: result.standardError))
        } catch let error as CommandError {
            switch error {
            case .notFound(let executable): return .missingExecutable(Sanitiser.sanitise(executable))
            case .timedOut(_, let after): return .timedOut(after: after)
            case .launchFailed(_, let reason): return .couldNotStart(Sanitiser.sanitise(reason))
            case .failed(_, let result):
                return .failed(result.termination, standardErrorTail: Self.tail(of: result.standardError))
            }
        } catch is CancellationError {
            return .cancelled
        } catch {
            return .couldNotStart(Sanitiser.sanitise("\(error)"))
        }
    }

    /// The last few non-empty lines of standard error, joined with ` / ` on one safe line: what a
    /// failing curl or chat CLI says last is usually why.
    static func tail(of standardError: String) -> String {
        let lines = standardError.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        let text = lines.suffix(standardErrorTailLines).joined(separator: " / ")
        let kept = text.count > standardErrorTailCharacters ? "…" + text.suffix(standardErrorTailCharacters) : text
        return Alert.cleaned(String(kept))
    }
}
