import Foundation
import OpsCore

/// What `opsdeck probe --watch` prints for an alert and for its hook's outcome: a line of text, or
/// with `--output json` one object (`"event":"alert"`, `"event":"hook"`). The alert's words are
/// already one safe line (`Alert` cleans them); names from the configuration are sanitised here.
enum AlertLines {
    /// `2026-11-28T10:04:00.120Z  ALERT api/local/fail failing: status 503, expected 200-299`
    static func alert(_ alert: Alert, format: ProbeOutputFormat) -> String {
        switch format {
        case .text:
            return "\(ProbeJSON.time(alert.at))  \(alert.summary)\n"
        case .json:
            var members = [JSONMember("event", .string("alert"))] + identity(alert)
            members += [JSONMember("state", .string(alert.state)),
                        JSONMember("reason", alert.reason.map(JSONValue.string) ?? .null),
                        JSONMember("summary", .string(alert.summary)),
                        JSONMember("at", .string(ProbeJSON.time(alert.at)))]
            return JSONWriter.serialize(.object(members)) + "\n"
        }
    }

    /// `2026-11-28T10:04:01.002Z  on_alert for api/local/fail raised: exited with 3: no route to host`
    static func hook(_ outcome: AlertHookOutcome, for alert: Alert, format: ProbeOutputFormat, now: Date) -> String {
        switch format {
        case .text:
            return "\(ProbeJSON.time(now))  on_alert for \(Sanitiser.sanitise(alert.path)) \(alert.transition.rawValue): "
                + "\(Sanitiser.sanitise(outcome.description))\n"
        case .json:
            var exitCode: JSONValue = .null, signal: JSONValue = .null
            if case .failed(let termination, _) = outcome {
                switch termination {
                case .exited(let code): exitCode = .number(String(code))
                case .signalled(let number): signal = .number(String(number))
                }
            }
            var members = [JSONMember("event", .string("hook"))] + identity(alert)
            members += [JSONMember("outcome", .string(outcome.word)), JSONMember("exit_code", exitCode),
                        JSONMember("signal", signal), JSONMember("detail", .string(outcome.description)),
                        JSONMember("at", .string(ProbeJSON.time(now)))]
            return JSONWriter.serialize(.object(members)) + "\n"
        }
    }

    /// The same keys as a probe's change line, so one `jq` filter reads both.
    private static func identity(_ alert: Alert) -> [JSONMember] {
        [JSONMember("alert", .string(alert.transition.rawValue)),
         JSONMember("probe", .string(alert.path)), JSONMember("service", .string(alert.service)),
         JSONMember("environment", alert.environment.map(JSONValue.string) ?? .null),
         JSONMember("name", .string(alert.name))]
    }
}
