/// The journal's line format: one JSON object a line, snake_case keys, absent values left out.
///
/// ```
/// {"format":1,"id":"…","time":"2026-11-28T10:00:00.123Z","phase":"step-finished","user":"alice",
///  "host":"ops1","client":"10.0.0.7","pid":4242,"service":"api","environment":"production",
///  "kind":"deploy","from_version":"1.4.1","to_version":"1.4.2","to_digest":"sha256:…",
///  "step":{"number":1,"of":3,"summary":"pull the image","argv":["docker","pull","…"],"env":{}},
///  "outcome":"ok","exit_code":0,"duration_ms":812}
/// ```
extension JournalEntry {
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember("format", .number(String(Self.formatVersion))),
            JSONMember("id", .string(id)),
            JSONMember("time", .string(time.rfc3339Milliseconds)),
            JSONMember("phase", .string(phase.rawValue)),
            JSONMember("user", .string(actor.user)),
            JSONMember("host", .string(actor.host)),
        ]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONMember(key, value)) }
        }
        add("client", actor.client.map(JSONValue.string))
        add("pid", .number(String(actor.pid)))
        add("service", .string(key.service))
        add("environment", .string(key.environment))
        add("kind", .string(kind.rawValue))
        add("from_version", from.version.map(JSONValue.string))
        add("from_digest", from.digest.map(JSONValue.string))
        add("to_version", to.version.map(JSONValue.string))
        add("to_digest", to.digest.map(JSONValue.string))
        add("step", step.map(Self.json(step:)))
        add("outcome", outcome.map { .string($0.rawValue) })
        add("exit_code", exitCode.map { .number(String($0)) })
        add("signal", signal.map { .number(String($0)) })
        add("duration_ms", durationMilliseconds.map { .number(String($0)) })
        add("stderr", standardError.map(JSONValue.string))
        add("error", error.map(JSONValue.string))
        add("gates_overridden", gateOverride.map { .array($0.gates.map(JSONValue.string)) })
        add("override_by", gateOverride.map { .string($0.by) })
        add("note", note.map(JSONValue.string))
        return .object(members)
    }

    /// The entry as one journal line, newline included. `JSONWriter` escapes every control
    /// character, so the line holds exactly one `\n`: its end.
    public var line: [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.write(jsonValue)
        writer.bytes.append(0x0A)
        return writer.bytes
    }

    private static func json(step: Step) -> JSONValue {
        .object([
            JSONMember("number", .number(String(step.index + 1))),
            JSONMember("of", .number(String(step.count))),
            JSONMember("summary", .string(step.summary)),
            JSONMember("argv", .array(step.argv.map(JSONValue.string))),
            JSONMember("env", .object(step.environment.keys.sorted().map { JSONMember($0, .string(step.environment[$0] ?? "")) })),
        ])
    }

    /// Reads a line written by `jsonValue`. The file is untrusted (anyone who can write it can put
    /// anything there): every field is type-checked, numbers are range-checked, and unknown keys are
    /// ignored so that a newer opsdeck's lines still read.
    public init(json: JSONValue) throws(JournalEntryError) {
        let fields = try JSONFields(json)
        id = try fields.requiredString("id")
        guard !id.isEmpty else { throw JournalEntryError("empty \"id\"") }
        let timeText = try fields.requiredString("time")
        guard let time = JournalTime.parse(timeText) else { throw JournalEntryError("\"time\" is not an RFC 3339 time") }
        self.time = time
        let phaseText = try fields.requiredString("phase")
        guard let phase = Phase(rawValue: phaseText) else { throw JournalEntryError("unknown \"phase\"") }
        self.phase = phase
        actor = ActionOperator(user: try fields.string("user") ?? "", host: try fields.string("host") ?? "",
                               client: try fields.string("client"), pid: try fields.integer("pid", in: 0...Int64(Int32.max)).map(Int32.init) ?? 0)
        key = ServiceKey(service: try fields.string("service") ?? "", environment: try fields.string("environment") ?? "")
        let kindText = try fields.requiredString("kind")
        guard let kind = ActionPlan.Kind(rawValue: kindText) else { throw JournalEntryError("unknown \"kind\"") }
        self.kind = kind
        from = Version(version: try fields.string("from_version"), digest: try fields.string("from_digest"))
        to = Version(version: try fields.string("to_version"), digest: try fields.string("to_digest"))
        step = try fields.object("step").map { json throws(JournalEntryError) in try Self.step(from: json) }
        if let outcomeText = try fields.string("outcome") {
            guard let outcome = Outcome(rawValue: outcomeText) else { throw JournalEntryError("unknown \"outcome\"") }
            self.outcome = outcome
        } else {
            outcome = nil
        }
        exitCode = try fields.integer("exit_code", in: Int64(Int32.min)...Int64(Int32.max)).map(Int32.init)
        signal = try fields.integer("signal", in: 0...Int64(Int32.max)).map(Int32.init)
        durationMilliseconds = try fields.integer("duration_ms", in: 0...Int64.max)
        standardError = try fields.string("stderr")
        error = try fields.string("error")
        if let gates = try fields.strings("gates_overridden") {
            gateOverride = GateOverride(gates: gates, by: try fields.string("override_by") ?? "")
        } else {
            gateOverride = nil
        }
        note = try fields.string("note")
    }

    private static func step(from json: JSONValue) throws(JournalEntryError) -> Step {
        let fields = try JSONFields(json, context: "step")
        guard let number = try fields.integer("number", in: 1...Int64(Int32.max)) else {
            throw JournalEntryError("\"step\" has no \"number\"")
        }
        let count = try fields.integer("of", in: 0...Int64(Int32.max)) ?? 0
        var environment: [String: String] = [:]
        if let env = try fields.object("env") {
            for member in env.objectMembers ?? [] {
                guard case .string(let value) = member.value else { throw JournalEntryError("\"step.env\" holds a non-string") }
                environment[member.key] = value
            }
        }
        return Step(index: Int(number) - 1, count: Int(count), summary: try fields.string("summary") ?? "",
                    argv: try fields.strings("argv") ?? [], environment: environment)
    }
}

/// Why a journal line is not an entry.
public struct JournalEntryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Typed, checked access to the members of one JSON object.
struct JSONFields {
    let members: [JSONMember]
    let context: String?

    init(_ value: JSONValue, context: String? = nil) throws(JournalEntryError) {
        guard let members = value.objectMembers else {
            throw JournalEntryError(context.map { "\"\($0)\" is not an object" } ?? "not a JSON object")
        }
        self.members = members
        self.context = context
    }

    private func name(_ key: String) -> String { context.map { "\"\($0).\(key)\"" } ?? "\"\(key)\"" }

    /// The value of `key`; an explicit `null` counts as absent.
    func value(_ key: String) -> JSONValue? {
        guard let value = members.first(where: { $0.key == key })?.value, value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(JournalEntryError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw JournalEntryError("\(name(key)) is not a string") }
        return text
    }

    func requiredString(_ key: String) throws(JournalEntryError) -> String {
        guard let text = try string(key) else { throw JournalEntryError("no \(name(key))") }
        return text
    }

    func strings(_ key: String) throws(JournalEntryError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw JournalEntryError("\(name(key)) is not an array") }
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for item in items {
            guard case .string(let text) = item else { throw JournalEntryError("\(name(key)) holds a non-string") }
            texts.append(text)
        }
        return texts
    }

    func object(_ key: String) throws(JournalEntryError) -> JSONValue? {
        guard let value = value(key) else { return nil }
        guard value.objectMembers != nil else { throw JournalEntryError("\(name(key)) is not an object") }
        return value
    }

    /// A whole number in `range`; fractions, exponents and out-of-range values are errors.
    func integer(_ key: String, in range: ClosedRange<Int64>) throws(JournalEntryError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard case .number(let text) = value, let number = Int64(text), range.contains(number) else {
            throw JournalEntryError("\(name(key)) is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
