import Foundation

/// Judges an answer against a probe's expectations. Hard conditions (status, headers, body, JSON,
/// an expired certificate) make a probe failing; soft ones (latency, a certificate that expires
/// soon) only degraded, since the service still works. Every unmet condition of the worst kind is
/// named, in the order the configuration lists them.
public enum ProbeConditions {
    public struct Verdict: Sendable, Equatable {
        public var state: ProbeState
        /// nil when ok.
        public var failedCondition: String?
    }

    /// The verdict on an HTTP answer.
    public static func judge(_ response: HTTPResponse, expect: ProbeExpectation, now: Date) -> Verdict {
        var hard: [String] = []
        var soft: [String] = []
        if !expect.accepts(status: response.status) {
            hard.append("status \(response.status), expected \(statusText(expect.status))")
        }
        for name in expect.headers where !response.headers.contains(name) {
            hard.append("header \(name) missing")
        }
        if let wanted = expect.bodyContains, !contains(response.body, wanted) {
            hard.append("body does not contain \(quoted(wanted))" + (response.bodyTruncated ? " (in its first \(sizeText(response.body.count)))" : ""))
        }
        if !expect.json.isEmpty {
            hard += jsonFailures(response, expect.json)
        }
        if let minimum = expect.certificateDays, let tls = response.tls {
            let days = tls.daysLeft(now: now)
            if tls.notAfter < now {
                hard.append("certificate expired \(agoText(days))")
            } else if days < minimum {
                soft.append("certificate expires \(inText(days)) (minimum \(minimum))")
            }
        }
        if let failure = latencyFailure(response.latency, expect: expect) { soft.append(failure) }
        return verdict(hard: hard, soft: soft)
    }

    /// The verdict on a check that only has a duration (a tcp connection, a command that exited 0).
    public static func judge(latency: Duration, expect: ProbeExpectation) -> Verdict {
        verdict(hard: [], soft: latencyFailure(latency, expect: expect).map { [$0] } ?? [])
    }

    private static func verdict(hard: [String], soft: [String]) -> Verdict {
        if !hard.isEmpty { return Verdict(state: .failing, failedCondition: hard.joined(separator: "; ")) }
        if !soft.isEmpty { return Verdict(state: .degraded, failedCondition: soft.joined(separator: "; ")) }
        return Verdict(state: .ok, failedCondition: nil)
    }

    private static func latencyFailure(_ latency: Duration, expect: ProbeExpectation) -> String? {
        guard let limit = expect.maxMilliseconds else { return nil }
        let taken = ProbeResult.milliseconds(latency)
        return taken > limit ? "latency \(taken) ms over \(limit) ms" : nil
    }

    // MARK: - JSON

    private static func jsonFailures(_ response: HTTPResponse, _ expectations: [JSONExpectation]) -> [String] {
        let document: JSONValue
        do {
            document = try response.body.withUnsafeBufferPointer { try JSONParser.parse($0) }
        } catch {
            let why = response.bodyTruncated ? "it is longer than \(sizeText(response.body.count))" : "\(error)"
            return ["body is not JSON (\(why)), expected " + expectations.map { "\($0.path) \(shown($0.value))" }
                .joined(separator: ", ")]
        }
        return expectations.compactMap { expectation in
            guard let found = expectation.find(in: document) else {
                return "\(expectation.path) is missing, expected \(shown(expectation.value))"
            }
            return same(found, expectation.value) ? nil
                : "\(expectation.path) is \(shown(found)), expected \(shown(expectation.value))"
        }
    }

    /// Equal as JSON: numbers by value (`1` is `1.0`), everything else exactly.
    static func same(_ found: JSONValue, _ wanted: JSONValue) -> Bool {
        if case .number(let a) = found, case .number(let b) = wanted, let x = Double(a), let y = Double(b) {
            return x == y
        }
        return found == wanted
    }

    /// A JSON value as written, cut short when long (a whole object in a table cell helps nobody).
    static func shown(_ value: JSONValue) -> String {
        let text = JSONWriter.serialize(value)
        return text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    // MARK: - Words

    /// `200-299`, `200`, `200, 204`.
    static func statusText(_ ranges: [ClosedRange<Int>]) -> String {
        ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
    }

    private static func inText(_ days: Int) -> String {
        switch days {
        case ...0: "within a day"
        case 1: "in 1 day"
        default: "in \(days) days"
        }
    }

    private static func agoText(_ days: Int) -> String {
        // `daysLeft` rounds down: -1 means less than a day ago.
        let ago = -days - 1
        return switch ago {
        case ...0: "less than a day ago"
        case 1: "1 day ago"
        default: "\(ago) days ago"
        }
    }

    private static func quoted(_ text: String) -> String { JSONWriter.serialize(.string(text)) }

    private static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    private static func contains(_ body: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return true }
        guard needle.count <= body.count else { return false }
        let first = needle[0]
        var index = 0
        let last = body.count - needle.count
        while index <= last {
            if body[index] == first, body[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
