import Foundation

extension ConfigReader {
    static let expectationKeys = ["status", "max_ms", "body_contains", "json", "header", "cert_days"]
    /// What only an HTTP answer has; tcp and command probes can only be too slow.
    static let httpOnlyExpectationKeys = ["status", "body_contains", "json", "header", "cert_days"]

    func readExpectation(_ node: YAMLNode, for check: ProbeConfig.Check, place: String) -> ProbeExpectation? {
        let otherKind: String? = switch check {
        case .http: nil
        case .tcp: "tcp"
        case .command: "command"
        }
        let explained = otherKind.map { kind in
            Dictionary(uniqueKeysWithValues: Self.httpOnlyExpectationKeys.map {
                ($0, "\($0) applies only to url probes, and \(place) checks \(kind) (it can expect only max_ms)")
            })
        } ?? [:]
        let expectPlace = "the expectations of \(place)"
        guard let map = KeyedMap(node, expected: "a map of " + Self.expectationKeys.joined(separator: ", "),
                                 place: expectPlace, allowed: Self.expectationKeys, explained: explained,
                                 log: log) else { return nil }
        var expect = ProbeExpectation()
        if let status = map["status"] {
            expect.status = readStatus(status, for: "status in \(expectPlace)") ?? expect.status
        }
        expect.maxMilliseconds = map["max_ms"].flatMap {
            values.integer($0, for: "max_ms in \(expectPlace)", in: 1...3_600_000, what: "milliseconds")
        }
        expect.bodyContains = map["body_contains"].flatMap { values.text($0, for: "body_contains in \(expectPlace)") }
        if let json = map["json"] { expect.json = readJSONExpectations(json, for: "json in \(expectPlace)") }
        expect.headers = map["header"].flatMap { values.textList($0, for: "header in \(expectPlace)") } ?? []
        if let days = map.entry("cert_days") {
            expect.certificateDays = values.integer(days.value, for: "cert_days in \(expectPlace)", in: 0...3650, what: "days")
            if case .http(let http) = check, http.url.lowercased().hasPrefix("http://") {
                log.report("cert_days needs an https url, and \(place) checks \(YAMLText.quoted(http.url))",
                           at: days.key.position)
            }
        }
        return expect
    }

    /// `200`, `[200, 204]`, `"200-299"`, or a list mixing codes and ranges.
    private func readStatus(_ node: YAMLNode, for label: String) -> [ClosedRange<Int>]? {
        let expectation = "a status code from 100 to 599, a list of them or a range"
        let example = "e.g. 200, [200, 204] or \"200-299\""
        func one(_ item: YAMLNode) -> ClosedRange<Int>? {
            if let code = item.scalar?.integer, (100...599).contains(code) { return code...code }
            if let text = item.text, let range = Self.statusRange(text) { return range }
            values.expected(expectation, for: label, found: item, hint: example)
            return nil
        }
        guard let items = node.items else { return one(node).map { [$0] } }
        guard !items.isEmpty else {
            values.expected(expectation, for: label, found: node, hint: example)
            return nil
        }
        let ranges = items.map(one)
        return ranges.contains { $0 == nil } ? nil : ranges.compactMap { $0 }
    }

    static func statusRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let low = Int(parts[0].trimmingCharacters(in: .whitespaces)), let high = Int(parts[1].trimmingCharacters(in: .whitespaces)),
              (100...599).contains(low), (100...599).contains(high), low <= high else { return nil }
        return low...high
    }

    private func readJSONExpectations(_ node: YAMLNode, for label: String) -> [JSONExpectation] {
        guard let entries = node.entries, !entries.isEmpty else {
            values.expected("a map of JSON paths to values", for: label, found: node, hint: "e.g. {\"$.status\": ok}")
            return []
        }
        var expectations: [JSONExpectation] = []
        for entry in entries {
            guard let path = KeyedMap.keyText(of: entry, place: label, log: log) else { continue }
            guard let steps = JSONPathSyntax.steps(of: path) else {
                log.report("\(YAMLText.quoted(path)) in \(label) is not a JSON path: expected $ followed by .key, "
                           + "[\"key\"] or [index] steps, e.g. $.checks[0].status", at: entry.key.position)
                continue
            }
            guard let value = Self.jsonValue(of: entry.value) else {
                values.expected("text, a number, true, false or null", for: "\(YAMLText.quoted(path)) in \(label)",
                                found: entry.value)
                continue
            }
            expectations.append(JSONExpectation(path: path, steps: steps, value: value))
        }
        return expectations
    }

    /// A scalar as the JSON value it stands for: plain scalars typed as YAML types them.
    static func jsonValue(of node: YAMLNode) -> JSONValue? {
        guard let scalar = node.scalar else { return nil }
        if scalar.isNull { return .null }
        if let bool = scalar.bool { return .bool(bool) }
        if scalar.number != nil { return .number(scalar.text) }
        return .string(scalar.text)
    }
}
