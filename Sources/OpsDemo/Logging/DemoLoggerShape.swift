import OpsCore

/// Who is logging: the service's name, environment and version, and the process's pid and host,
/// which several loggers put on every line.
public struct DemoLogContext: Sendable, Equatable {
    public var identity: DemoIdentity
    public var pid: Int
    public var hostname: String

    public init(identity: DemoIdentity, pid: Int, hostname: String) {
        self.identity = identity
        self.pid = pid
        self.hostname = hostname
    }
}

/// The JSON line shapes of six real loggers, as their default JSON output writes them (keys, key
/// order, level words or numbers, time formats, where errors and stacks go):
///
/// - pino: `level` 20/30/40/50, `time` epoch ms, `pid`, `hostname`, bindings, fields, `err` {type,
///   message, stack}, `msg` last.
/// - bunyan: `name`, `hostname`, `pid`, `level` (pino's numbers), fields, `err` {message, name,
///   stack}, `msg`, `time` ISO ms, `v: 0`.
/// - winston (`format.combine(errors({stack:true}), timestamp(), json())`): `level` npm word,
///   `message`, fields merged at the top, `stack`, `timestamp` ISO ms.
/// - zap (production): `level`, `ts` epoch seconds float, `logger`, `caller`, `msg`, fields,
///   `error`, `stacktrace` (Go frames) at error.
/// - logrus (JSONFormatter): keys sorted, `level` with `warning`, `msg`, `time` RFC 3339 seconds,
///   `error` string.
/// - structlog (JSONRenderer with add_log_level, TimeStamper(fmt="iso"), format_exc_info): fields,
///   `event`, `level` with `warning`, `logger`, `timestamp` ISO µs, `exception` traceback; Python's
///   `json.dumps` spacing.
public enum DemoLoggerShape: String, Sendable, CaseIterable {
    case pino, bunyan, winston, zap, logrus, structlog

    /// The line for `event`, without its newline.
    public func line(_ event: DemoLogEvent, context: DemoLogContext) -> String {
        let members: [JSONMember]
        switch self {
        case .pino: members = pino(event, context)
        case .bunyan: members = bunyan(event, context)
        case .winston: members = winston(event, context)
        case .zap: members = zap(event, context)
        case .logrus: members = logrus(event, context)
        case .structlog: members = structlog(event, context)
        }
        return self == .structlog ? Self.pythonJSON(members) : JSONWriter.serialize(.object(members))
    }

    // MARK: - Node.js

    private static func nodeLevel(_ level: DemoLogEvent.Level) -> JSONValue {
        switch level {
        case .debug: .number("20")
        case .info: .number("30")
        case .warn: .number("40")
        case .error: .number("50")
        }
    }

    private func pino(_ event: DemoLogEvent, _ context: DemoLogContext) -> [JSONMember] {
        var members = [
            JSONMember("level", Self.nodeLevel(event.level)),
            JSONMember("time", .number(DemoTimeText.epochMilliseconds(event.time))),
            JSONMember("pid", .number(String(context.pid))),
            JSONMember("hostname", .string(context.hostname)),
            JSONMember("name", .string(context.identity.service)),
            JSONMember("version", .string(context.identity.version)),
            JSONMember("env", .string(context.identity.environment)),
        ]
        members += event.fields
        if let failure = event.failure {
            members.append(JSONMember("err", .object([
                JSONMember("type", .string(failure.type)),
                JSONMember("message", .string(failure.message)),
                JSONMember("stack", .string(Self.nodeStack(failure))),
            ])))
        }
        members.append(JSONMember("msg", .string(event.message)))
        return members
    }

    private func bunyan(_ event: DemoLogEvent, _ context: DemoLogContext) -> [JSONMember] {
        var members = [
            JSONMember("name", .string(context.identity.service)),
            JSONMember("hostname", .string(context.hostname)),
            JSONMember("pid", .number(String(context.pid))),
            JSONMember("level", Self.nodeLevel(event.level)),
            JSONMember("version", .string(context.identity.version)),
            JSONMember("env", .string(context.identity.environment)),
        ]
        members += event.fields
        if let failure = event.failure {
            members.append(JSONMember("err", .object([
                JSONMember("message", .string(failure.message)),
                JSONMember("name", .string(failure.type)),
                JSONMember("stack", .string(Self.nodeStack(failure))),
            ])))
        }
        members += [
            JSONMember("msg", .string(event.message)),
            JSONMember("time", .string(DemoTimeText.rfc3339(event.time, fractionDigits: 3))),
            JSONMember("v", .number("0")),
        ]
        return members
    }

    private func winston(_ event: DemoLogEvent, _ context: DemoLogContext) -> [JSONMember] {
        var members = [JSONMember("level", .string(event.level.rawValue)), JSONMember("message", .string(event.message))]
        members += event.fields
        members += [JSONMember("service", .string(context.identity.service)),
                    JSONMember("version", .string(context.identity.version))]
        if let failure = event.failure {
            members.append(JSONMember("stack", .string(Self.nodeStack(failure))))
        }
        members.append(JSONMember("timestamp", .string(DemoTimeText.rfc3339(event.time, fractionDigits: 3))))
        return members
    }

    /// `CardDeclined: card declined\n    at charge (/app/src/payments.js:42:13)`.
    private static func nodeStack(_ failure: DemoLogEvent.Failure) -> String {
        ([failure.type + ": " + failure.message]
            + failure.frames.map { "    at \($0.function) (/app/src/\($0.file).js:\($0.line):13)" }).joined(separator: "\n")
    }

    // MARK: - Go

    private static func goLevel(_ level: DemoLogEvent.Level, warning: String) -> JSONValue {
        .string(level == .warn ? warning : level.rawValue)
    }

    /// `main.charge\n\t/app/payments.go:42`, one pair a frame.
    private static func goStack(_ failure: DemoLogEvent.Failure) -> String {
        failure.frames.map { "main.\($0.function)\n\t/app/\($0.file).go:\($0.line)" }.joined(separator: "\n")
    }

    private func zap(_ event: DemoLogEvent, _ context: DemoLogContext) -> [JSONMember] {
        var members = [
            JSONMember("level", Self.goLevel(event.level, warning: "warn")),
            JSONMember("ts", .number(DemoTimeText.epochSeconds(event.time))),
            JSONMember("logger", .string(context.identity.service)),
            JSONMember("caller", .string("server/handler.go:\(event.failure?.frames.first?.line ?? 88)")),
            JSONMember("msg", .string(event.message)),
            JSONMember("version", .string(context.identity.version)),
        ]
        members += event.fields
        if let failure = event.failure {
            members.append(JSONMember("error", .string(failure.message)))
            members.append(JSONMember("stacktrace", .string(Self.goStack(failure))))
        }
        return members
    }

    private func logrus(_ event: DemoLogEvent, _ context: DemoLogContext) -> [JSONMember] {
        var members = event.fields + [
            JSONMember("level", Self.goLevel(event.level, warning: "warning")),
            JSONMember("msg", .string(event.message)),
            JSONMember("time", .string(DemoTimeText.rfc3339(event.time, fractionDigits: 0))),
            JSONMember("service", .string(context.identity.service)),
            JSONMember("version", .string(context.identity.version)),
        ]
        if let failure = event.failure {
            // WithError adds `error`; the stack is the pkg/errors `%+v` an app adds itself.
            members.append(JSONMember("error", .string(failure.message)))
            members.append(JSONMember("stack", .string(Self.goStack(failure))))
        }
        // The JSONFormatter writes a map, which Go's encoder sorts by key.
        return members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    // MARK: - Python

    private func structlog(_ event: DemoLogEvent, _ context: DemoLogContext) -> [JSONMember] {
        var members = event.fields + [
            JSONMember("version", .string(context.identity.version)),
            JSONMember("event", .string(event.message)),
            JSONMember("level", Self.goLevel(event.level, warning: "warning")),
            JSONMember("logger", .string(context.identity.service)),
            JSONMember("timestamp", .string(DemoTimeText.rfc3339(event.time, fractionDigits: 6))),
        ]
        if let failure = event.failure {
            let frames = failure.frames.reversed().map {
                "  File \"/app/\($0.file).py\", line \($0.line), in \($0.function)\n    raise \(failure.type)()"
            }
            let traceback = (["Traceback (most recent call last):"] + frames + ["\(failure.type): \(failure.message)"])
                .joined(separator: "\n")
            members.append(JSONMember("exception", .string(traceback)))
        }
        return members
    }

    /// `json.dumps` with its default separators: `", "` between members and `": "` after keys.
    private static func pythonJSON(_ members: [JSONMember]) -> String {
        var writer = JSONWriter()
        writer.writeRaw("{")
        for (index, member) in members.enumerated() {
            if index > 0 { writer.writeRaw(", ") }
            writer.writeString(member.key)
            writer.writeRaw(": ")
            writer.write(member.value)
        }
        writer.writeRaw("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
