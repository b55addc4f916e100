/// An action as one JSON object, for `opsdeck journal --output json` and exports: what a
/// post-mortem pastes into a document or feeds to `jq`.
extension JournalAction {
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember("id", .string(id)),
            JSONMember("started", .string(startedAt.rfc3339Milliseconds)),
            JSONMember("finished", finishedAt.map { .string($0.rfc3339Milliseconds) } ?? .null),
            JSONMember("user", .string(actor.user)),
            JSONMember("host", .string(actor.host)),
            JSONMember("client", actor.client.map(JSONValue.string) ?? .null),
            JSONMember("service", .string(key.service)),
            JSONMember("environment", .string(key.environment)),
            JSONMember("kind", .string(kind.rawValue)),
            JSONMember("from_version", from.version.map(JSONValue.string) ?? .null),
            JSONMember("from_digest", from.digest.map(JSONValue.string) ?? .null),
            JSONMember("to_version", to.version.map(JSONValue.string) ?? .null),
            JSONMember("to_digest", to.digest.map(JSONValue.string) ?? .null),
            JSONMember("outcome", .string(outcome.rawValue)),
            JSONMember("duration_ms", durationMilliseconds.map { .number(String($0)) } ?? .null),
            JSONMember("steps", .array(steps.map(Self.json(step:)))),
        ]
        if let gateOverride {
            members.append(JSONMember("gates_overridden", .array(gateOverride.gates.map(JSONValue.string))))
            members.append(JSONMember("override_by", .string(gateOverride.by)))
        }
        if !notes.isEmpty {
            members.append(JSONMember("notes", .array(notes.map { note in
                .object([JSONMember("time", .string(note.time.rfc3339Milliseconds)),
                         JSONMember("phase", .string(note.phase.rawValue)),
                         JSONMember("by", .string(note.by.userAtHost)),
                         JSONMember("text", .string(note.text))])
            })))
        }
        if !hasStartedLine { members.append(JSONMember("incomplete", .bool(true))) }
        return .object(members)
    }

    private static func json(step record: StepRecord) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("number", .number(String(record.step.index + 1))),
            JSONMember("summary", .string(record.step.summary)),
            JSONMember("argv", .array(record.step.argv.map(JSONValue.string))),
        ]
        if !record.step.environment.isEmpty {
            members.append(JSONMember("env", .object(record.step.environment.keys.sorted().map {
                JSONMember($0, .string(record.step.environment[$0] ?? ""))
            })))
        }
        members.append(JSONMember("outcome", record.outcome.map { .string($0.rawValue) } ?? .null))
        if let exitCode = record.exitCode { members.append(JSONMember("exit_code", .number(String(exitCode)))) }
        if let signal = record.signal { members.append(JSONMember("signal", .number(String(signal)))) }
        if let duration = record.durationMilliseconds { members.append(JSONMember("duration_ms", .number(String(duration)))) }
        if let stderr = record.standardError { members.append(JSONMember("stderr", .string(stderr))) }
        if let error = record.error { members.append(JSONMember("error", .string(error))) }
        return .object(members)
    }
}

extension JournalAction {
    /// The action with every free text redacted again. A journal written by another tool or an
    /// older opsdeck may hold secrets its writer did not hide; redacting is idempotent, so
    /// opsdeck's own lines come out unchanged.
    public func redacted(with redaction: CommandRedaction = .standard) -> JournalAction {
        var copy = self
        for position in copy.steps.indices {
            copy.steps[position].step.argv = redaction.argv(steps[position].step.argv)
            copy.steps[position].step.environment = redaction.environment(steps[position].step.environment)
            copy.steps[position].step.summary = redaction.redactor.redact(steps[position].step.summary)
            copy.steps[position].standardError = steps[position].standardError.map(redaction.redactor.redact)
            copy.steps[position].error = steps[position].error.map(redaction.redactor.redact)
        }
        for position in copy.notes.indices {
            copy.notes[position].text = redaction.redactor.redact(notes[position].text)
        }
        return copy
    }
}
