/// One normalised log record: what every log pane and `opsdeck logs` show.
public struct LogRecord: Sendable, Equatable {
    /// 1-based line in its input where the record starts.
    public var line: Int
    /// The file name, or the pod/container/service named by a prefix; nil when unknown.
    public var source: String?
    public var time: LogTimestamp?
    public var level: LogLevel
    public var message: String
    public var error: LogError?
    /// Lowercase hex, 32 digits for W3C ids (16-digit ids are kept as they came).
    public var traceId: String?
    /// Every other key of the record, nested objects kept, in the order they came.
    public var fields: [JSONMember]
    /// The input line was longer than the line limit and was cut.
    public var truncated: Bool

    public init(line: Int, source: String? = nil, time: LogTimestamp? = nil, level: LogLevel = .unknown,
                message: String, error: LogError? = nil, traceId: String? = nil,
                fields: [JSONMember] = [], truncated: Bool = false) {
        self.line = line
        self.source = source
        self.time = time
        self.level = level
        self.message = message
        self.error = error
        self.traceId = traceId
        self.fields = fields
        self.truncated = truncated
    }
}

/// An error attached to a record, from whichever shape the logger used.
public struct LogError: Sendable, Equatable {
    public var type: String?
    public var message: String?
    public var stack: String?

    public init(type: String? = nil, message: String? = nil, stack: String? = nil) {
        self.type = type
        self.message = message
        self.stack = stack
    }

    public var isEmpty: Bool { type == nil && message == nil && stack == nil }
}
