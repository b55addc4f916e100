/// A normalised record before the pipeline gives it its line number and input name.
public struct RecordDraft: Sendable, Equatable {
    public var time: LogTimestamp?
    public var level: LogLevel
    public var message: String
    public var error: LogError?
    public var traceId: String?
    public var fields: [JSONMember]
    public var source: String?

    public init(time: LogTimestamp? = nil, level: LogLevel = .unknown, message: String = "",
                error: LogError? = nil, traceId: String? = nil, fields: [JSONMember] = [], source: String? = nil) {
        self.time = time
        self.level = level
        self.message = message
        self.error = error
        self.traceId = traceId
        self.fields = fields
        self.source = source
    }

    /// Ends the message of a record whose line was cut at the line limit, so that every output (text,
    /// JSON, export) shows the cut where a reader looks, not only in a flag no output prints.
    public static let truncationMark = " [truncated]"

    public func record(line: Int, source fallbackSource: String?, truncated: Bool) -> LogRecord {
        LogRecord(line: line, source: source ?? fallbackSource, time: time, level: level,
                  message: truncated ? message + RecordDraft.truncationMark : message,
                  error: error, traceId: traceId, fields: fields, truncated: truncated)
    }

    /// Fills what this draft lacks from an enclosing one (an envelope, a prefix): the inner
    /// record's own keys always win.
    public mutating func fillGaps(from outer: RecordDraft) {
        if time == nil { time = outer.time }
        if level == .unknown { level = outer.level }
        if message.isEmpty { message = outer.message }
        if error == nil { error = outer.error }
        if traceId == nil { traceId = outer.traceId }
        if source == nil { source = outer.source }
    }
}
