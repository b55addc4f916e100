/// A record of docker's json-file log driver: `{"log":"<line>\n","stream":"stdout","time":"..."}`.
struct DockerJSONFileLine {
    let logIndex: Int
    let time: LogTimestamp?
    let stream: String?

    /// Nil unless the object is such a record: a string `log`, a `stream`, and nothing that
    /// marks another envelope.
    init?(_ analysis: ObjectAnalysis, _ view: JSONObjectView, times: TimeResolver) {
        guard analysis.signals.contains(.dockerStream), let pick = analysis.message,
              KeyRoles.messageKeys[Int(pick.rank)] == "log", view.isString(pick.index) else { return nil }
        logIndex = pick.index
        time = times.time(analysis, view)?.0
        stream = view.index(of: "stream").flatMap { view.string($0) }
    }

    /// Appends the unescaped line to `out` without its line break. Returns false for a part of
    /// a longer line (no trailing newline): the rest comes in the next records.
    func decodeLine(_ view: JSONObjectView, into out: inout [UInt8]) -> Bool {
        if view.members[logIndex].kind == .escapedString {
            JSONStringDecoder.unescape(view.valueBytes(logIndex), into: &out)
        } else {
            out.append(contentsOf: view.valueBytes(logIndex))
        }
        return DockerJSONFileLine.removeLineBreak(&out)
    }

    /// Drops the `\n` (and a `\r` before it) docker keeps at the end of each line; false when
    /// there is none, which marks a part of a longer line.
    static func removeLineBreak(_ bytes: inout [UInt8]) -> Bool {
        guard bytes.last == 0x0A else { return false }
        bytes.removeLast()
        if bytes.last == 0x0D { bytes.removeLast() }
        return true
    }
}
