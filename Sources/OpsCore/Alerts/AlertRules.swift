import Foundation

/// Which state changes deserve an alert. Pure: the callers own the trackers and the clock.
///
/// A probe alerts when it becomes failing from anything else, including its very first verdict
/// (a service that is down when watching starts is exactly what the engineer must hear about); a
/// first verdict of ok or degraded is no news. It recovers when it leaves failing for ok or
/// degraded (degraded answers again, only slowly or with a certificate close to its end).
///
/// A metric alerts when its level becomes critical and recovers when it leaves critical for ok or
/// warn. A level of `unknown` (the query failed, the value is NaN) is neither: a failed query says
/// nothing about the service, so it neither raises nor clears an alert.
public enum AlertRules {
    public static func alert(for probe: ProbeID, change: ProbeTracker.Change, at: Date) -> Alert? {
        switch (change.from, change.to) {
        case (let from, .failing) where from != .failing:
            return Alert(subject: .probe(probe), transition: .raised, state: change.to.word, reason: change.reason, at: at)
        case (.failing, .ok), (.failing, .degraded):
            return Alert(subject: .probe(probe), transition: .recovered, state: change.to.word, reason: change.reason, at: at)
        default:
            return nil
        }
    }

    /// `from` and `to` are level words (`ok`, `warn`, `critical`, `unknown`), compared without
    /// regard to case; `value` is the metric's value as text, `reason` what crossed (optional).
    public static func alert(forMetric service: String, environment: String, name: String, from: String, to: String,
                             value: String?, reason: String? = nil, at: Date) -> Alert? {
        let from = from.lowercased(), to = to.lowercased()
        let subject = Alert.Subject.metric(service: service, environment: environment, name: name)
        if to == critical, from != critical {
            return Alert(subject: subject, transition: .raised, state: to, reason: reason, value: value, at: at)
        }
        if from == critical, recoveredLevels.contains(to) {
            return Alert(subject: subject, transition: .recovered, state: to, reason: reason, value: value, at: at)
        }
        return nil
    }

    private static let critical = "critical"
    private static let recoveredLevels: Set<String> = ["ok", "warn"]
}
