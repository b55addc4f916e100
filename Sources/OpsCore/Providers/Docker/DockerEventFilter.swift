/// The container events that change what opsdeck shows, as `docker events` filters (so the daemon
/// drops the rest, above all the exec events of every healthcheck run) and as a check of one line
/// (for a daemon or a fake that sends more than asked).
public enum DockerEventFilter {
    /// `health_status` matches `health_status: healthy` and the other verdicts.
    public static let relevantActions = ["create", "start", "restart", "stop", "die", "kill", "oom", "pause", "unpause",
                                         "destroy", "health_status"]

    /// `--filter type=container --filter event=create …`, one filter per action.
    public static var arguments: [String] {
        ["--filter", "type=container"] + relevantActions.flatMap { ["--filter", "event=" + $0] }
    }

    private static let relevantVerbs: [[UInt8]] = relevantActions.map { Array($0.utf8) }

    /// Whether an events line is a container event of a relevant action. Reads the two fields it
    /// needs in place; a line that is not a JSON object is not relevant.
    public static func isRelevant(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let object = JSONObjectView(scanning: DockerJSON.trimmed(line)) else { return false }
        if let type = object.index(of: "Type") {
            let isContainer = object.withStringBytes(type) { $0.elementsEqual("container".utf8) } ?? false
            guard isContainer else { return false }
        }
        guard let action = object.index(of: "Action") ?? object.index(of: "status") else { return false }
        return object.withStringBytes(action) { bytes in
            // The verb ends at the first colon: `health_status: healthy`.
            let verb = bytes.firstIndex(of: UInt8(ascii: ":")).map { UnsafeBufferPointer(rebasing: bytes[..<$0]) } ?? bytes
            return relevantVerbs.contains { verb.elementsEqual($0) }
        } ?? false
    }

    public static func isRelevant(_ line: String) -> Bool {
        var line = line
        return line.withUTF8(isRelevant)
    }
}
