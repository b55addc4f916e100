/// The journal line of an alert (see `JournalAlertEntry`), and reading it back.
extension JournalAlertEntry {
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember("format", .number(String(JournalEntry.formatVersion))),
            JSONMember("id", .string(id)),
            JSONMember("time", .string(time.rfc3339Milliseconds)),
            JSONMember("phase", .string(Self.phase)),
            JSONMember("user", .string(observer.user)),
            JSONMember("host", .string(observer.host)),
        ]
        if let client = observer.client { members.append(JSONMember("client", .string(client))) }
        members.append(JSONMember("pid", .number(String(observer.pid))))
        members += Self.alertMembers(alert)
        return .object(members)
    }

    /// The alert's own members, shared by the journal line and `opsdeck journal --output json`.
    static func alertMembers(_ alert: Alert) -> [JSONMember] {
        var members: [JSONMember] = [
            JSONMember("alert", .string(alert.transition.rawValue)),
            JSONMember("service", .string(alert.service)),
        ]
        if let environment = alert.environment { members.append(JSONMember("environment", .string(environment))) }
        switch alert.subject {
        case .probe: members.append(JSONMember("probe", .string(alert.name)))
        case .metric: members.append(JSONMember("metric", .string(alert.name)))
        }
        members.append(JSONMember("state", .string(alert.state)))
        if let reason = alert.reason { members.append(JSONMember("reason", .string(reason))) }
        if let value = alert.value { members.append(JSONMember("value", .string(value))) }
        members.append(JSONMember("summary", .string(alert.summary)))
        return members
    }

    /// The entry as one journal line, newline included (see `JournalEntry.line`).
    public var line: [UInt8] {
        var writer = JSONWriter(capacity: 384)
        writer.write(jsonValue)
        writer.bytes.append(0x0A)
        return writer.bytes
    }

    /// Reads a line written by `jsonValue`, as untrusted as any journal line: every field is
    /// type-checked, unknown keys are ignored. `summary` is not read: it is derived from the rest.
    public init(json: JSONValue) throws(JournalEntryError) {
        let fields = try JSONFields(json)
        guard try fields.requiredString("phase") == Self.phase else { throw JournalEntryError("not an alert line") }
        id = try fields.requiredString("id")
        guard !id.isEmpty else { throw JournalEntryError("empty \"id\"") }
        guard let time = JournalTime.parse(try fields.requiredString("time")) else {
            throw JournalEntryError("\"time\" is not an RFC 3339 time")
        }
        self.time = time
        observer = ActionOperator(user: try fields.string("user") ?? "", host: try fields.string("host") ?? "",
                                  client: try fields.string("client"),
                                  pid: try fields.integer("pid", in: 0...Int64(Int32.max)).map(Int32.init) ?? 0)
        let transitionText = try fields.requiredString("alert")
        guard let transition = Alert.Transition(rawValue: transitionText) else { throw JournalEntryError("unknown \"alert\"") }
        let service = try fields.requiredString("service")
        let environment = try fields.string("environment")
        let subject: Alert.Subject
        switch (try fields.string("probe"), try fields.string("metric")) {
        case (let probe?, nil):
            subject = .probe(ProbeID(service: service, environment: environment, name: probe))
        case (nil, let metric?):
            guard let environment else { throw JournalEntryError("a metric alert without \"environment\"") }
            subject = .metric(service: service, environment: environment, name: metric)
        case (nil, nil):
            throw JournalEntryError("an alert with neither \"probe\" nor \"metric\"")
        case (.some, .some):
            throw JournalEntryError("an alert with both \"probe\" and \"metric\"")
        }
        alert = Alert(subject: subject, transition: transition, state: try fields.requiredString("state"),
                      reason: try fields.string("reason"), value: try fields.string("value"), at: JournalTime.date(time))
    }

    /// Whether a parsed journal line is an alert's (by its `phase`), before reading it as one.
    static func isAlertLine(_ json: JSONValue) -> Bool {
        json.objectMembers?.first { $0.key == "phase" }?.value == .string(phase)
    }
}

extension JournalAlertEntry {
    /// The alert as `opsdeck journal --output json` prints it beside the actions: `kind` is
    /// `alert` where an action's is `deploy`, `promote` or `rollback`, so `jq 'select(.kind == "alert")'`
    /// tells them apart.
    public var reportJSON: JSONValue {
        var members: [JSONMember] = [
            JSONMember("id", .string(id)),
            JSONMember("kind", .string("alert")),
            JSONMember("time", .string(time.rfc3339Milliseconds)),
            JSONMember("user", .string(observer.user)),
            JSONMember("host", .string(observer.host)),
            JSONMember("client", observer.client.map(JSONValue.string) ?? .null),
        ]
        members += Self.alertMembers(alert)
        return .object(members)
    }
}
