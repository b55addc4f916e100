/// What a stripped tool prefix says about the record behind it, resolved into values. A prefix
/// only fills gaps: the record's own time, level and source always win.
struct PrefixFacts {
    var time: LogTimestamp?
    var level: LogLevel?
    var source: String?
    var metadata: [JSONMember] = []

    static let none = PrefixFacts()

    init() {}

    init(_ prefix: LinePrefix, line: UnsafeBufferPointer<UInt8>, timestamps: TimestampParser) {
        if let range = prefix.timestamp { time = timestamps.parse(text: UnsafeBufferPointer(rebasing: line[range])) }
        if let range = prefix.levelWord {
            level = LevelMapper.level(word: UnsafeBufferPointer(rebasing: line[range]))
        } else if let severity = prefix.syslogSeverity {
            level = LevelMapper.level(number: Int64(severity), scale: .syslog)
        }
        source = prefix.source
        metadata = prefix.metadata
    }

    func apply(to draft: inout RecordDraft) {
        if draft.time == nil { draft.time = time }
        if draft.level == .unknown, let level { draft.level = level }
        if draft.source == nil { draft.source = source }
        if !metadata.isEmpty {
            for member in metadata where !draft.fields.contains(where: { $0.key == member.key }) {
                draft.fields.append(member)
            }
        }
    }
}
