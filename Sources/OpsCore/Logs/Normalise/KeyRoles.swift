/// What a top-level key can mean, and how strongly, from the candidate lists of every logger
/// opsdeck knows (see the log-formats reference, §6). Lower rank wins within a role.
enum KeyRole: UInt8, Sendable {
    case time, levelText, levelNumeric, message, error, trace
    /// Keys that are not normalised themselves but reveal an envelope or a logger's convention.
    case signal
}

/// Marks keys whose presence changes how a record is read.
struct EnvelopeSignals: OptionSet, Sendable {
    let rawValue: UInt32
    static let dockerStream = EnvelopeSignals(rawValue: 1 << 0)     // "stream"
    static let gcpPayload = EnvelopeSignals(rawValue: 1 << 1)       // "jsonPayload"
    static let gcpEntry = EnvelopeSignals(rawValue: 1 << 2)         // "logName", "insertId", "resource"
    static let otlp = EnvelopeSignals(rawValue: 1 << 3)             // "resourceLogs"
    static let rustFields = EnvelopeSignals(rawValue: 1 << 4)       // "fields"
    static let renderLabels = EnvelopeSignals(rawValue: 1 << 5)     // "labels"
    static let flyMeta = EnvelopeSignals(rawValue: 1 << 6)          // "meta"
    static let elasticHit = EnvelopeSignals(rawValue: 1 << 7)       // "_source"
    static let lambdaRecord = EnvelopeSignals(rawValue: 1 << 8)     // "record"
    static let klogVerbosity = EnvelopeSignals(rawValue: 1 << 9)    // "v"
    static let httpStatus = EnvelopeSignals(rawValue: 1 << 10)      // "status"
    static let serilogTemplate = EnvelopeSignals(rawValue: 1 << 11) // "@mt"
    static let serilogTime = EnvelopeSignals(rawValue: 1 << 12)     // "@t"
    static let httpRequest = EnvelopeSignals(rawValue: 1 << 13)     // "method" and "path" (lograge)
    static let nestedLog = EnvelopeSignals(rawValue: 1 << 14)       // "log" holding an object (ECS nested)
    static let nestedError = EnvelopeSignals(rawValue: 1 << 15)     // "error"/"exception" holding an object
    static let nestedTrace = EnvelopeSignals(rawValue: 1 << 16)     // "trace" holding an object (ECS nested)
    static let dotnetScopes = EnvelopeSignals(rawValue: 1 << 17)    // "Scopes"
    static let dotnetState = EnvelopeSignals(rawValue: 1 << 18)     // "State"
    static let caller = EnvelopeSignals(rawValue: 1 << 19)          // "caller" (klog, zap)
}

struct KeyInfo: Sendable {
    var role: KeyRole
    var rank: UInt8
    var signal: EnvelopeSignals = []
}

enum KeyRoles {
    static let table: ByteKeyTable<KeyInfo> = {
        var entries: [(String, KeyInfo)] = []
        func add(_ role: KeyRole, _ keys: [String]) {
            for (rank, key) in keys.enumerated() { entries.append((key, KeyInfo(role: role, rank: UInt8(rank)))) }
        }
        add(.time, timeKeys)
        add(.levelText, levelTextKeys)
        add(.levelNumeric, levelNumericKeys)
        add(.message, messageKeys)
        add(.error, errorKeys)
        add(.trace, traceKeys)
        let signals: [(String, EnvelopeSignals)] = [
            ("stream", .dockerStream), ("jsonPayload", .gcpPayload), ("logName", .gcpEntry),
            ("insertId", .gcpEntry), ("resource", .gcpEntry), ("resourceLogs", .otlp), ("fields", .rustFields),
            ("labels", .renderLabels), ("meta", .flyMeta), ("_source", .elasticHit), ("record", .lambdaRecord),
            ("v", .klogVerbosity), ("status", .httpStatus), ("method", .httpRequest), ("path", .httpRequest),
            ("Scopes", .dotnetScopes), ("State", .dotnetState), ("caller", .caller), ("trace", .nestedTrace),
        ]
        for (key, signal) in signals {
            if let i = entries.firstIndex(where: { $0.0 == key }) {
                entries[i].1.signal.insert(signal)
            } else {
                entries.append((key, KeyInfo(role: .signal, rank: 0, signal: signal)))
            }
        }
        return ByteKeyTable(entries)
    }()

    static let timeKeys = [
        "@timestamp", "timestamp", "time", "ts", "@t", "Timestamp", "timestampSeconds", "datetime", "date",
        "eventTime", "asctime", "t", "_time", "__REALTIME_TIMESTAMP", "timeUnixNano", "time_unix_nano",
        "timestamp_ns", "observedTimeUnixNano",
    ]
    static let levelTextKeys = [
        "level", "severity", "log.level", "@l", "lvl", "levelname", "LogLevel", "loglevel", "log_level",
        "severityText", "severity_text", "SeverityText", "logging.googleapis.com/severity", "PRIORITY", "priority",
    ]
    static let levelNumericKeys = ["severityNumber", "severity_number", "level_value", "levelno", "level_index"]
    static let messageKeys = [
        "message", "msg", "@m", "Message", "event", "body", "Body", "MESSAGE", "short_message", "textPayload",
        "log", "text", "@mt",
    ]
    /// Whole-error keys first, then stack and flat parts; resolved together by `ErrorExtractor`.
    static let errorKeys = [
        "err", "error", "exception", "@x", "Exception", "exc_info", "stack_trace", "stacktrace", "stack",
        "errorVerbose", "error.stack_trace", "error.message", "error.type", "exception.stacktrace",
        "exception.message", "exception.type", "errorMessage", "errorType", "stackTrace", "cause", "exc_text",
    ]
    static let traceKeys = [
        "trace_id", "traceId", "traceID", "trace.id", "@tr", "TraceId", "otelTraceID",
        "logging.googleapis.com/trace", "dd.trace_id", "xray_trace_id", "trace",
    ]
}
