import OpsCore

/// Lays a record out as styled lines: time, level, source, message first, then `key=value`
/// fields; continuation text and the error's stack on the lines below, indented. Every piece of
/// text from the log is sanitised here, the single point where it is turned into screen text.
public struct LogLineFormatter {
    public enum TimeStyle: Sendable, Equatable {
        case absolute
        /// Time before `reference` (the newest record), as `-1:02:03.456`: how long ago, read at a glance.
        case relative(to: LogTimestamp)
        case off
    }

    public var timeStyle: TimeStyle
    /// A source not worth a column: the one file being read says nothing on every line.
    public var hiddenSource: String?
    /// Source names are padded to the widest seen so far, up to this many characters.
    public var maxSourceWidth: Int
    private var sourceWidth = 0
    /// The width of the source column so far.
    public var sourceColumnWidth: Int { sourceWidth }

    public init(timeStyle: TimeStyle = .absolute, maxSourceWidth: Int = 28, hiddenSource: String? = nil) {
        self.timeStyle = timeStyle
        self.hiddenSource = hiddenSource
        self.maxSourceWidth = maxSourceWidth
    }

    /// Widens the source column to fit `source` without formatting a record (a screen of records
    /// settles its column before drawing the first).
    public mutating func fitSource(_ source: String?) {
        guard let source, source != hiddenSource else { return }
        sourceWidth = max(sourceWidth, min(DisplayWidth.of(Sanitiser.sanitise(source)), maxSourceWidth))
    }

    static let levelWidth = 6
    static let continuationIndent = "    "
    static let missingTime = String(repeating: " ", count: 23) + "-"

    public mutating func lines(for record: LogRecord) -> [StyledLine] {
        var first: StyledLine = []
        switch timeStyle {
        case .absolute:
            first.append(StyledSpan(record.time?.rfc3339Milliseconds ?? LogLineFormatter.missingTime, .logTime))
            first.append(StyledSpan(" ", .text))
        case .relative(let reference):
            first.append(StyledSpan(LogLineFormatter.relative(record.time, to: reference), .logTime))
            first.append(StyledSpan(" ", .text))
        case .off:
            break
        }
        first.append(StyledSpan(LogLineFormatter.badge(record.level), Role.level(record.level)))
        first.append(StyledSpan(" ", .text))
        if let source = record.source, source != hiddenSource {
            // Columns, not characters: a CJK or emoji pod name takes two cells a character.
            let clean = Sanitiser.sanitise(source)
            let width = min(DisplayWidth.of(clean), maxSourceWidth)
            sourceWidth = max(sourceWidth, width)
            first.append(StyledSpan(DisplayWidth.padded(clean, to: max(sourceWidth, 0)), .logSource))
            first.append(StyledSpan(" ", .text))
        } else if sourceWidth > 0 {
            first.append(StyledSpan(String(repeating: " ", count: sourceWidth + 1), .text))
        }
        let messageLines = Sanitiser.sanitise(record.message, multiline: true).split(separator: "\n", omittingEmptySubsequences: false)
        first.append(StyledSpan(String(messageLines.first ?? ""), LogLineFormatter.messageRole(record.level)))
        appendFields(of: record, to: &first)

        var out = [first]
        for extra in messageLines.dropFirst() {
            out.append([StyledSpan(LogLineFormatter.continuationIndent + extra, .text)])
        }
        if let stack = record.error?.stack {
            for frame in Sanitiser.sanitise(stack, multiline: true).split(separator: "\n", omittingEmptySubsequences: true) {
                out.append([StyledSpan(LogLineFormatter.continuationIndent + frame, .logStack)])
            }
        }
        return out
    }

    private func appendFields(of record: LogRecord, to line: inout StyledLine) {
        func field(_ key: String, _ value: String, json: Bool = false) {
            line.append(StyledSpan(" " + Sanitiser.sanitise(key) + "=", .logFieldKey))
            // Arrays are shown as the JSON they are; quoting would bury them in backslashes.
            let shown = json ? Sanitiser.sanitise(value) : LogLineFormatter.quoted(Sanitiser.sanitise(value))
            line.append(StyledSpan(shown, .logFieldValue))
        }
        if let error = record.error {
            if let type = error.type { field("error.type", type) }
            if let message = error.message, message != record.message { field("error.message", message) }
        }
        if let trace = record.traceId { field("trace_id", trace) }
        func flattened(_ key: String, _ value: JSONValue) {
            // Nested objects read best as dotted keys (`req.headers.host=x`), as lnav shows them.
            if case .object(let members) = value, !members.isEmpty {
                for member in members { flattened(key + "." + member.key, member.value) }
            } else if case .array = value {
                field(key, value.plainText, json: true)
            } else {
                field(key, value.plainText)
            }
        }
        for member in record.fields { flattened(member.key, member.value) }
    }

    static let relativeWidth = 14

    /// `   -0:00:03.250`, `-2d 04:00:00.000`, right-aligned in a fixed width.
    static func relative(_ time: LogTimestamp?, to reference: LogTimestamp) -> String {
        guard let time else { return String(repeating: " ", count: relativeWidth - 1) + "-" }
        let delta = reference.nanosecondsSinceEpoch &- time.nanosecondsSinceEpoch
        let sign = delta < 0 ? "+" : "-"
        let millis = abs(delta / 1_000_000)
        let days = millis / 86_400_000, hours = millis / 3_600_000 % 24
        let minutes = millis / 60_000 % 60, seconds = millis / 1000 % 60, rest = millis % 1000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let restText = rest < 10 ? "00\(rest)" : rest < 100 ? "0\(rest)" : "\(rest)"
        let clock = "\(hours):\(two(minutes)):\(two(seconds)).\(restText)"
        let text = sign + (days > 0 ? "\(days)d " : "") + clock
        return text.count >= relativeWidth ? text : String(repeating: " ", count: relativeWidth - text.count) + text
    }

    /// `INFO  `, `ERROR `: fixed width so messages line up.
    static func badge(_ level: LogLevel) -> String {
        let name = level == .unknown ? "-" : level.name.uppercased()
        return name.count >= levelWidth ? name : name + String(repeating: " ", count: levelWidth - name.count)
    }

    /// Messages of warnings and worse take their level's colour; the rest stay plain to read.
    static func messageRole(_ level: LogLevel) -> Role {
        level >= .warn ? Role.level(level) : .text
    }

    /// Values with spaces, quotes or `=` are quoted, logfmt style, so fields stay parseable by eye.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return value }
        return "\"" + value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
