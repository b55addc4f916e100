import Foundation
import OpsCore

/// One JSON object a line (`--output json`): a probe's result, or with --watch a state change.
enum ProbeJSON {
    static func line(for report: ProbeReport, probe: Probe?, now: Date) -> String {
        var members = identity(report.probe, probe: probe)
        members += result(report.result, now: now)
        return JSONWriter.serialize(.object(members)) + "\n"
    }

    static func change(_ change: ProbeTracker.Change, report: ProbeReport, probe: Probe?, now: Date) -> String {
        var members = [JSONMember("event", .string("change"))] + identity(report.probe, probe: probe)
        members += [JSONMember("from", .string(change.from.word)), JSONMember("to", .string(change.to.word)),
                    JSONMember("since", .string(time(change.since))),
                    JSONMember("reason", change.reason.map { .string($0) } ?? .null)]
        members += result(report.result, now: now).filter { $0.key != "state" && $0.key != "reason" }
        return JSONWriter.serialize(.object(members)) + "\n"
    }

    private static func identity(_ id: ProbeID, probe: Probe?) -> [JSONMember] {
        [JSONMember("probe", .string(id.description)), JSONMember("service", .string(id.service)),
         JSONMember("environment", id.environment.map { .string($0) } ?? .null), JSONMember("name", .string(id.name)),
         JSONMember("target", probe.map { .string($0.target) } ?? .null)]
    }

    private static func result(_ result: ProbeResult, now: Date) -> [JSONMember] {
        [JSONMember("state", .string(result.state.word)),
         JSONMember("latency_ms", result.latencyMilliseconds.map { .number(String($0)) } ?? .null),
         JSONMember("status", result.status.map { .number(String($0)) } ?? .null),
         JSONMember("reason", result.failedCondition.map { .string($0) } ?? .null),
         JSONMember("certificate", result.tls.map { certificate($0, now: now) } ?? .null),
         JSONMember("at", .string(time(result.at)))]
    }

    private static func certificate(_ tls: TLSFacts, now: Date) -> JSONValue {
        let problem: JSONValue = switch tls.verification {
        case .untrusted(let reason): .string(reason)
        default: .null
        }
        return .object([
            JSONMember("subject", .string(tls.subject)), JSONMember("issuer", .string(tls.issuer)),
            JSONMember("not_before", .string(time(tls.notBefore))), JSONMember("not_after", .string(time(tls.notAfter))),
            JSONMember("days_left", .number(String(tls.daysLeft(now: now)))),
            JSONMember("verification", .string(tls.verification.word)), JSONMember("problem", problem),
            JSONMember("names", .array(tls.subjectAlternativeNames.map { .string($0) })),
        ])
    }

    /// RFC 3339 in UTC with milliseconds, as the journal and the alert hook write it, so that one
    /// moment reads the same in all three.
    static func time(_ date: Date) -> String {
        JournalTime.timestamp(date).rfc3339Milliseconds
    }
}
