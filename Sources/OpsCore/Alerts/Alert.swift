import Foundation

/// Something the on-call engineer must be told: a probe started failing or a metric crossed its
/// critical threshold (`raised`), or it came back (`recovered`). Shown in the status bar, rung on
/// the bell, journalled and handed to the `on_alert` hook.
///
/// Its words come from outside (a server's error body, a metric's value), and go to a terminal, a
/// journal and another team's tool: `reason` and `value` are kept on one line, without control
/// characters and with secrets redacted, whoever makes the alert.
public struct Alert: Sendable, Hashable {
    /// What the alert is about.
    public enum Subject: Sendable, Hashable {
        case probe(ProbeID)
        /// A named metric of a service in one environment (`error_rate` of api in production).
        case metric(service: String, environment: String, name: String)
    }

    public enum Transition: String, Sendable, Hashable, CaseIterable {
        case raised
        case recovered
    }

    public var subject: Subject
    public var transition: Transition
    /// The state it is now in, as a word: `failing` / `ok` / `degraded` for probes, `critical` /
    /// `ok` / `warn` for metrics.
    public var state: String
    /// What is wrong, in words (`status 503, expected 200-299`); nil when nothing is.
    public var reason: String? {
        didSet { reason = reason.map(Self.cleaned) }
    }
    /// The metric's value as text (`0.12`, `NaN`); nil for probes.
    public var value: String? {
        didSet { value = value.map(Self.cleaned) }
    }
    /// When it happened.
    public var at: Date

    public init(subject: Subject, transition: Transition, state: String, reason: String? = nil, value: String? = nil,
                at: Date) {
        self.subject = subject
        self.transition = transition
        self.state = Self.cleaned(state)
        self.reason = reason.map(Self.cleaned)
        self.value = value.map(Self.cleaned)
        self.at = at
    }

    public var service: String {
        switch subject {
        case .probe(let probe): probe.service
        case .metric(let service, _, _): service
        }
    }

    /// Nil for a probe that checks one fixed place rather than a URL of an environment.
    public var environment: String? {
        switch subject {
        case .probe(let probe): probe.environment
        case .metric(_, let environment, _): environment
        }
    }

    /// The probe's or the metric's name.
    public var name: String {
        switch subject {
        case .probe(let probe): probe.name
        case .metric(_, _, let name): name
        }
    }

    /// `api/production/health`, `api/production/error_rate`, `worker/queue` (no environment).
    public var path: String {
        [service, environment, name].compactMap { $0 }.joined(separator: "/")
    }

    /// One line for a status bar or a chat message:
    /// `ALERT api/production/health failing: status 503, expected 200-299`,
    /// `ALERT api/production/error_rate critical: value 0.12`, `RECOVERED api/production/health ok`.
    /// Names come from the configuration, which may hold anything: they are sanitised here too.
    public var summary: String {
        let word = transition == .raised ? "ALERT" : "RECOVERED"
        let details = [value.map { "value \($0)" }, reason].compactMap { $0 }
        let head = "\(word) \(Self.cleaned(path)) \(state)"
        return details.isEmpty ? head : head + ": " + details.joined(separator: "; ")
    }

    /// One line, secrets redacted, control characters made visible. Redact first: the sanitiser's
    /// escapes would split a quoted secret (see `Redactor`).
    static func cleaned(_ text: String) -> String {
        Sanitiser.sanitise(Redactor.standard.redact(text))
    }
}
