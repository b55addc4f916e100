/// One `--where` condition: `KEY=VALUE`, `KEY!=VALUE`, or an ordering (`KEY>=VALUE`, `>`, `<=`,
/// `<`) compared as numbers, as levels (`level`, or two level names), as times, or else as
/// text. KEY is a normalised name (`level`, `message`, `source`, `trace_id`, `error.type`...),
/// an original key of the logger (`msg`, `severity`...), or a dotted path into the fields
/// (`req.headers.host`).
public struct FieldCondition: Sendable, Equatable {
    public enum Operator: String, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", greaterOrEqual = ">=", lessOrEqual = "<=", greater = ">", less = "<"
    }

    public var key: String
    public var op: Operator
    public var value: String

    public init(key: String, op: Operator, value: String) {
        self.key = key
        self.op = op
        self.value = value
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case noOperator(String), emptyKey(String), unknownLevel(String)
        public var description: String {
            switch self {
            case .noOperator(let text): "'\(text)' has no operator: write KEY=VALUE, KEY!=VALUE, KEY>=VALUE, KEY<=VALUE, KEY>VALUE or KEY<VALUE"
            case .emptyKey(let text): "'\(text)' has no key before its operator"
            case .unknownLevel(let text): "'\(text)' is not a level: use trace, debug, info, notice, warn, error or fatal"
            }
        }
    }

    /// Parses `KEY<op>VALUE`; the first operator in the text wins, two-character ones first.
    public init(parsing text: String) throws(ParseError) {
        guard let opStart = text.firstIndex(where: { "=!<>".contains($0) }) else { throw .noOperator(text) }
        let key = String(text[..<opStart]).trimmingSpaces
        guard !key.isEmpty else { throw .emptyKey(text) }
        let afterOp = text[opStart...]
        guard let op = Operator.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
            .first(where: { afterOp.hasPrefix($0.rawValue) }) else { throw .noOperator(text) }
        let value = String(afterOp.dropFirst(op.rawValue.count)).trimmingSpaces
        if key == "level", LogLevel(canonicalName: value) == nil { throw .unknownLevel(value) }
        self.init(key: key, op: op, value: value)
    }

    public func matches(_ record: LogRecord) -> Bool {
        if key == "level", let wanted = LogLevel(canonicalName: value) {
            return compare(record.level.rawValue, wanted.rawValue)
        }
        if FieldCondition.readsRecordTime(key, in: record), let wanted = FieldCondition.times.parse(string: value) {
            // Instants, not text: `12:00:01.500Z` (as records print) and `12:00:01.5Z` are one time.
            guard let time = record.time else { return op == .notEqual }
            return compare(time, wanted)
        }
        guard let actual = FieldCondition.resolve(key, in: record) else {
            return op == .notEqual // a missing key is different from any value
        }
        switch op {
        case .equal: return actual == value
        case .notEqual: return actual != value
        default:
            if let a = Double(actual), let b = Double(value) { return compare(a, b) }
            // A consumed level key (`severity`, `lvl`...) reads as a level name: order by severity.
            if let a = LogLevel(canonicalName: actual), let b = LogLevel(canonicalName: value) {
                return compare(a.rawValue, b.rawValue)
            }
            // As text `12:00:00.123Z` sorts before `12:00:00Z`, and zones differ: order as instants.
            if let a = FieldCondition.times.parse(string: actual), let b = FieldCondition.times.parse(string: value) {
                return compare(a, b)
            }
            return compare(actual, value)
        }
    }

    /// Reads times in a condition and on either side of an ordering. No upper bound: a condition
    /// may name any time.
    private static let times = TimestampParser(latestAccepted: LogTimestamp(nanosecondsSinceEpoch: .max))

    private func compare<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .greaterOrEqual: a >= b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .less: a < b
        }
    }

    /// `time`, or an original time key (`ts`, `@timestamp`...) that the normaliser consumed.
    private static func readsRecordTime(_ key: String, in record: LogRecord) -> Bool {
        key == "time" || (KeyRoles.timeKeys.contains(key) && JSONValue.object(record.fields).lookup(path: Substring(key)) == nil)
    }

    /// The text of `key` in a record, or nil when the record has no such key.
    static func resolve(_ key: String, in record: LogRecord) -> String? {
        switch key {
        case "message": return record.message
        case "source": return record.source
        case "trace_id": return record.traceId
        case "time": return record.time?.rfc3339Milliseconds
        case "line": return String(record.line)
        case "error", "error.message": return record.error?.message
        case "error.type": return record.error?.type
        case "error.stack": return record.error?.stack
        default: break
        }
        if let value = JSONValue.object(record.fields).lookup(path: Substring(key)) { return value.plainText }
        // An original key the normaliser consumed (`msg`, `severity`, `ts`...) reads the normalised part.
        if KeyRoles.messageKeys.contains(key) { return record.message }
        if KeyRoles.levelTextKeys.contains(key) || KeyRoles.levelNumericKeys.contains(key) { return record.level.name }
        if KeyRoles.timeKeys.contains(key) { return record.time?.rfc3339Milliseconds }
        if KeyRoles.traceKeys.contains(key) { return record.traceId }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
