/// Unwraps the envelopes platforms put around an application's record (log-formats §5). Each
/// envelope is rewritten into what the ordinary readers already understand — a flat object, or
/// an inner line of text — so there is one normaliser, not one per platform.
enum EnvelopeReader {
    enum Replacement {
        /// Read this object instead, adding `extraFields` and, when the object has none, `source`.
        case object(JSONValue, source: String?)
        /// Read this text as a line of its own; what it lacks comes from `outer`.
        case innerText([UInt8], outer: RecordDraft)
    }

    static func unwrap(_ analysis: ObjectAnalysis, _ view: JSONObjectView, outer: () -> RecordDraft) -> [Replacement]? {
        let signals = analysis.signals
        if signals.contains(.otlp), let i = view.index(of: "resourceLogs") {
            // A batch without one readable log record is still a line of input: it falls through
            // and is read as an ordinary object rather than vanishing.
            let records = OTLPEnvelope.records(view.value(i))
            if !records.isEmpty { return records.map { .object($0, source: nil) } }
        }
        if signals.contains(.gcpPayload), let i = view.index(of: "jsonPayload"), view.kind(i) == .object {
            return [.object(gcpEntry(view, payloadIndex: i), source: nil)]
        }
        if signals.contains(.elasticHit), let i = view.index(of: "_source"), view.kind(i) == .object {
            var members = view.value(i).objectMembers ?? []
            for j in view.members.indices where j != i { members.append(JSONMember(view.key(j), view.value(j))) }
            return [.object(.object(members), source: nil)]
        }
        if signals.contains(.lambdaRecord), let record = lambdaPlatformEvent(view) ?? loguruRecord(view) {
            return [.object(record, source: nil)]
        }
        if signals.contains(.renderLabels), let flattened = renderEntry(view) {
            return [.object(flattened, source: nil)]
        }
        if let pick = analysis.message, let text = view.string(pick.index) {
            var inner = Array(text.utf8)
            if signals.contains(.dockerStream), KeyRoles.messageKeys[Int(pick.rank)] == "log" {
                // docker json-file: `log` is the raw line with its newline; `time` the ingest time.
                var outerDraft = outer()
                outerDraft.message = ""
                _ = DockerJSONFileLine.removeLineBreak(&inner)
                return [.innerText(inner, outer: outerDraft)]
            }
            if analysis.messageLooksLikeJSON, isJSONObject(inner) {
                var outerDraft = outer()
                outerDraft.message = ""
                outerDraft.fields = outerDraft.fields.map { JSONMember("outer." + $0.key, $0.value) }
                return [.innerText(inner, outer: outerDraft)]
            }
        }
        return nil
    }

    private static func isJSONObject(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { JSONObjectView(scanning: $0) != nil }
    }

    /// GCP LogEntry: the payload's keys, with the envelope's severity, time and trace winning.
    private static func gcpEntry(_ view: JSONObjectView, payloadIndex: Int) -> JSONValue {
        let envelopeWins: Set<String> = ["severity", "timestamp", "trace", "spanId", "receiveTimestamp"]
        var members = view.value(payloadIndex).objectMembers ?? []
        for j in view.members.indices where j != payloadIndex {
            let key = view.key(j)
            let value = view.value(j)
            if let existing = members.firstIndex(where: { $0.key == key }) {
                if envelopeWins.contains(key) { members[existing].value = value }
            } else {
                members.append(JSONMember(key, value))
            }
        }
        return .object(members)
    }

    /// Lambda platform events: `{"time","type":"platform.report","record":{...}}`.
    private static func lambdaPlatformEvent(_ view: JSONObjectView) -> JSONValue? {
        guard let t = view.index(of: "type"), let type = view.string(t), type.hasPrefix("platform."),
              let r = view.index(of: "record") else { return nil }
        var members: [JSONMember] = [JSONMember("message", .string(type))]
        if let time = view.index(of: "time") { members.append(JSONMember("time", view.value(time))) }
        let record = view.value(r)
        let failed = type == "platform.runtimeDone" && record["status"]?.stringValue != "success"
        members.append(JSONMember("level", .string(failed ? "error" : "info")))
        members.append(JSONMember("record", record))
        return .object(members)
    }

    /// loguru `serialize=True`: `{"text": "<formatted>", "record": {level{name}, message, time{timestamp}, extra, ...}}`.
    private static func loguruRecord(_ view: JSONObjectView) -> JSONValue? {
        guard let r = view.index(of: "record"), case .object(let record) = view.value(r),
              let level = record.first(where: { $0.key == "level" })?.value["name"],
              let message = record.first(where: { $0.key == "message" })?.value else { return nil }
        var members = [JSONMember("message", message), JSONMember("level", level)]
        if let timestamp = record.first(where: { $0.key == "time" })?.value["timestamp"] {
            members.append(JSONMember("time", timestamp))
        }
        for member in record {
            switch member.key {
            case "message", "level", "time", "elapsed": continue
            case "extra": members += member.value.objectMembers ?? []
            case "exception": if member.value != .null { members.append(member) }
            default: members.append(member)
            }
        }
        return .object(members)
    }

    /// Render `-o json`: `labels: [{name, value}]` become keys (one of them is the level).
    private static func renderEntry(_ view: JSONObjectView) -> JSONValue? {
        guard let l = view.index(of: "labels"), case .array(let labels) = view.value(l) else { return nil }
        var members: [JSONMember] = []
        for j in view.members.indices where j != l { members.append(JSONMember(view.key(j), view.value(j))) }
        for label in labels {
            guard let name = label["name"]?.stringValue, let value = label["value"] else { continue }
            if !members.contains(where: { $0.key == name }) { members.append(JSONMember(name, value)) }
        }
        return .object(members)
    }
}
