/// One line of `docker events --format '{{json .}}'`: `Type`, `Action`, `Actor {ID, Attributes}`,
/// `scope`, `time` (s) and `timeNano` (ns). Daemons up to API 1.51 also send the legacy `status`,
/// `id` and `from`, which are all an old daemon may send: they stand in for the missing fields.
public struct DockerEvent: Hashable, Sendable {
    /// container, image, network, volume, daemon, …
    public var type: String
    /// start, die, `health_status: healthy`, `exec_create: /bin/sh -c …`, …
    public var action: String
    public var actorID: String
    /// The container's name, image, `exitCode` (die), `signal` (kill) and all its labels.
    public var attributes: [String: String]
    public var time: LogTimestamp?

    public init(type: String, action: String, actorID: String = "", attributes: [String: String] = [:],
                time: LogTimestamp? = nil) {
        self.type = type
        self.action = action
        self.actorID = actorID
        self.attributes = attributes
        self.time = time
    }

    /// The verb without its detail: `health_status` for `health_status: healthy`, `exec_create`
    /// for `exec_create: /bin/sh -c …`.
    public var verb: Substring {
        guard let colon = action.firstIndex(of: ":") else { return Substring(action) }
        return action[..<colon]
    }

    /// healthy / unhealthy / starting for a `health_status` event.
    public var healthStatus: String? {
        guard verb == "health_status", let colon = action.firstIndex(of: ":") else { return nil }
        return action[action.index(after: colon)...].trimmingSpaces
    }

    /// Every healthcheck run makes three exec events per container; they change nothing shown.
    public var isExec: Bool { verb.hasPrefix("exec_") }

    public static func parse(line: String) throws(DockerOutputError) -> DockerEvent {
        try parse(line: Array(line.utf8))
    }

    public static func parse(line: [UInt8]) throws(DockerOutputError) -> DockerEvent {
        guard let value = try DockerJSON.objectLines(line, command: "docker events").first else {
            throw DockerOutputError(command: "docker events", problem: "an empty line")
        }
        let actor = value.object("Actor")
        var attributes = actor?.stringMap("Attributes") ?? [:]
        if attributes["image"] == nil, let from = value.text("from") { attributes["image"] = from }
        let time: LogTimestamp? = if let nanoseconds = value.int64("timeNano") {
            LogTimestamp(nanosecondsSinceEpoch: nanoseconds)
        } else if let seconds = value.int64("time") {
            LogTimestamp(secondsSinceEpoch: seconds)
        } else {
            nil
        }
        // A legacy-only line is a container event: older daemons sent only those with `status`.
        return DockerEvent(type: value.text("Type") ?? "container",
                           action: value.text("Action") ?? value.string("status") ?? "",
                           actorID: actor?.text("ID") ?? value.string("id") ?? "",
                           attributes: attributes, time: time)
    }
}
