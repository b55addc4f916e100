import Foundation

/// What a user asked to see: the filters of `opsdeck logs` and of every log pane. The cheap
/// parts (level, time window) are checked before a record is built; the rest on the record.
public struct LogQuery: Sendable {
    public var minimumLevel: LogLevel?
    public var since: LogTimestamp?
    public var until: LogTimestamp?
    /// Substrings to find in the message, error or field values (all must match). Smart case:
    /// a needle without capitals matches any case.
    public var texts: [String]
    public var patterns: [TextPattern]
    public var conditions: [FieldCondition]

    public init(minimumLevel: LogLevel? = nil, since: LogTimestamp? = nil, until: LogTimestamp? = nil,
                texts: [String] = [], patterns: [TextPattern] = [], conditions: [FieldCondition] = []) {
        self.minimumLevel = minimumLevel
        self.since = since
        self.until = until
        self.texts = texts
        self.patterns = patterns
        self.conditions = conditions
    }

    /// True when only level and time decide, so records need not be built to be rejected.
    public var decidesOnLevelAndTimeOnly: Bool { texts.isEmpty && patterns.isEmpty && conditions.isEmpty }

    /// The cheap check. `time` is the record's own time or, for a record without one, the time
    /// of the record before it, so untimed lines stay with their neighbours in a time window.
    @inline(__always)
    public func admits(level: LogLevel, time: LogTimestamp?) -> Bool {
        if let minimumLevel, level < minimumLevel { return false }
        if since != nil || until != nil {
            guard let time else { return false }
            if let since, time < since { return false }
            if let until, time > until { return false }
        }
        return true
    }

    /// The full check on a built record (level and time included).
    public func matches(_ record: LogRecord, effectiveTime: LogTimestamp? = nil) -> Bool {
        guard admits(level: record.level, time: record.time ?? effectiveTime) else { return false }
        if decidesOnLevelAndTimeOnly { return true }
        for condition in conditions where !condition.matches(record) { return false }
        guard !texts.isEmpty || !patterns.isEmpty else { return true }
        let haystacks = LogQuery.searchableTexts(of: record)
        for needle in texts {
            let caseless = needle == needle.lowercased()
            let found = haystacks.contains { hay in
                caseless ? hay.range(of: needle, options: .caseInsensitive) != nil : hay.contains(needle)
            }
            if !found { return false }
        }
        for pattern in patterns where !haystacks.contains(where: { pattern.matches($0) }) { return false }
        return true
    }

    /// The message, the error's parts, the trace id and every field value, flattened.
    static func searchableTexts(of record: LogRecord) -> [String] {
        var out = [record.message]
        if let error = record.error { out += [error.type, error.message, error.stack].compactMap { $0 } }
        if let trace = record.traceId { out.append(trace) }
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members): members.forEach { collect($0.value) }
            case .array(let items): items.forEach(collect)
            default: out.append(value.plainText)
            }
        }
        record.fields.forEach { collect($0.value) }
        return out
    }
}

/// A regular expression given by the user (`--regex`), compiled once.
public struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once built and documented as thread-safe for matching.
    private let expression: NSRegularExpression
    public let source: String

    public init(_ pattern: String) throws {
        expression = try NSRegularExpression(pattern: pattern)
        source = pattern
    }

    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension LogQuery {
    /// Both queries at once: every filter of each must hold (the command line's flags and the
    /// filter typed in a pane).
    public func combined(with other: LogQuery) -> LogQuery {
        var both = self
        if let level = other.minimumLevel { both.minimumLevel = max(minimumLevel ?? level, level) }
        if let since = other.since { both.since = max(self.since ?? since, since) }
        if let until = other.until { both.until = min(self.until ?? until, until) }
        both.texts += other.texts
        both.patterns += other.patterns
        both.conditions += other.conditions
        return both
    }
}
