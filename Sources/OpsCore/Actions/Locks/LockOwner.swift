/// Who holds a service's lock: written into the lock file, shown when another operator is refused.
public struct LockOwner: Hashable, Sendable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var pid: Int32
    /// When the process started, in clock ticks since boot (`/proc/PID/stat` field 22): tells the
    /// holder from a later process that got the same pid.
    public var processStart: UInt64?
    /// `/proc/sys/kernel/random/boot_id` of the holder's machine: after a reboot every pid is stale.
    public var bootID: String?
    /// When the lock was taken.
    public var since: LogTimestamp
    public var kind: ActionPlan.Kind
    /// The journal id of the action holding the lock.
    public var actionID: String
    public var key: ServiceKey

    public init(user: String, host: String, pid: Int32, processStart: UInt64?, bootID: String?,
                since: LogTimestamp, kind: ActionPlan.Kind, actionID: String, key: ServiceKey) {
        self.user = user
        self.host = host
        self.pid = pid
        self.processStart = processStart
        self.bootID = bootID
        self.since = since
        self.kind = kind
        self.actionID = actionID
        self.key = key
    }

    /// `alice@ops1 (pid 4242, deploy of api/production) since 2026-11-28T10:00:00.000Z`. The
    /// names come from a file: sanitise before drawing.
    public var description: String {
        "\(user)@\(host) (pid \(pid), \(kind.rawValue) of \(key)) since \(since.rfc3339Milliseconds)"
    }

    var jsonValue: JSONValue {
        .object([
            JSONMember("user", .string(user)),
            JSONMember("host", .string(host)),
            JSONMember("pid", .number(String(pid))),
            JSONMember("process_start", processStart.map { .number(String($0)) } ?? .null),
            JSONMember("boot_id", bootID.map(JSONValue.string) ?? .null),
            JSONMember("since", .string(since.rfc3339Milliseconds)),
            JSONMember("kind", .string(kind.rawValue)),
            JSONMember("action_id", .string(actionID)),
            JSONMember("service", .string(key.service)),
            JSONMember("environment", .string(key.environment)),
        ])
    }

    /// Reads a lock file's contents; nil when they are not a lock owner (a file cut short, or not
    /// opsdeck's).
    init?(bytes: [UInt8]) {
        guard let json = try? bytes.withUnsafeBufferPointer({ try JSONParser.parse($0) }),
              let owner = try? Self.decode(json) else { return nil }
        self = owner
    }

    private static func decode(_ json: JSONValue) throws(JournalEntryError) -> LockOwner {
        let fields = try JSONFields(json)
        guard let pid = try fields.integer("pid", in: 1...Int64(Int32.max)) else { throw JournalEntryError("no \"pid\"") }
        guard let since = JournalTime.parse(try fields.requiredString("since")) else {
            throw JournalEntryError("\"since\" is not a time")
        }
        guard let kind = ActionPlan.Kind(rawValue: try fields.requiredString("kind")) else {
            throw JournalEntryError("unknown \"kind\"")
        }
        return LockOwner(user: try fields.requiredString("user"), host: try fields.requiredString("host"),
                         pid: Int32(pid), processStart: try fields.integer("process_start", in: 0...Int64.max).map(UInt64.init),
                         bootID: try fields.string("boot_id"), since: since, kind: kind,
                         actionID: try fields.string("action_id") ?? "",
                         key: ServiceKey(service: try fields.string("service") ?? "",
                                         environment: try fields.string("environment") ?? ""))
    }
}

/// A stale lock this process took over: the journal's `lock-takeover` note.
public struct LockTakeover: Hashable, Sendable, CustomStringConvertible {
    /// The previous holder, when its lock file could be read.
    public var previous: LockOwner?
    /// Why the lock was stale (`process 4242 is gone`).
    public var reason: String

    public init(previous: LockOwner?, reason: String) {
        self.previous = previous
        self.reason = reason
    }

    public var description: String {
        if let previous { return "took over the lock of \(previous): \(reason)" }
        return "took over a lock: \(reason)"
    }
}
