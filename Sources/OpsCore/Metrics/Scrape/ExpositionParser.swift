/// Reads a page of the Prometheus text exposition format (0.0.4, and the OpenMetrics text that
/// servers send to the same `/metrics`), tolerantly: what a scrape source needs is the samples it can
/// read, not a verdict on the exporter.
///
/// - `# HELP` and other comments are skipped; `# TYPE name kind` is kept per family.
/// - A sample is `name`, optional `{label="value",...}` (escapes `\\`, `\"`, `\n`; a trailing comma
///   allowed), a value (`NaN`, `+Inf`, `-Inf` included), an optional timestamp in milliseconds.
/// - Blank lines and CR before LF are fine; any other line that is not a sample is skipped and
///   counted (`skippedLines`), as is a sample with a label named twice.
/// - At most `maxBytes` are read: a page cut there drops its unfinished last line and says so.
public enum ExpositionParser {
    /// A service's own page is kilobytes; a big exporter's a few megabytes.
    public static let defaultMaxBytes = 8 << 20

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxBytes: Int = defaultMaxBytes) -> ExpositionPage {
        var page = ExpositionPage()
        var limit = min(bytes.count, max(0, maxBytes))
        if limit < bytes.count {
            page.truncated = true
            // Only whole lines: the one the cap cuts in two could read as another value.
            while limit > 0, bytes[limit &- 1] != 0x0A { limit &-= 1 }
        }
        var start = 0
        while start < limit {
            var stop = start
            while stop < limit, bytes[stop] != 0x0A { stop &+= 1 }
            var lineEnd = stop
            if lineEnd > start, bytes[lineEnd &- 1] == 0x0D { lineEnd &-= 1 }
            readLine(ExpositionCursor(bytes, from: start, to: lineEnd), into: &page)
            start = stop &+ 1
        }
        return page
    }

    public static func parse(_ text: String, maxBytes: Int = defaultMaxBytes) -> ExpositionPage {
        withUTF8Bytes(of: text) { parse($0, maxBytes: maxBytes) }
    }

    public static func parse(_ bytes: [UInt8], maxBytes: Int = defaultMaxBytes) -> ExpositionPage {
        bytes.withUnsafeBufferPointer { parse($0, maxBytes: maxBytes) }
    }

    private static func readLine(_ line: ExpositionCursor, into page: inout ExpositionPage) {
        var cursor = line
        cursor.skipBlanks()
        guard let first = cursor.current else { return }
        if first == UInt8(ascii: "#") {
            readComment(cursor, into: &page)
            return
        }
        if let sample = readSample(cursor) {
            page.samples.append(sample)
        } else {
            page.skippedLines &+= 1
        }
    }

    /// `# TYPE name kind`; everything else after `#` is a comment.
    private static func readComment(_ line: ExpositionCursor, into page: inout ExpositionPage) {
        var cursor = line
        _ = cursor.take(UInt8(ascii: "#"))
        cursor.skipBlanks()
        let keyword = cursor.token()
        guard keyword.elementsEqual("TYPE".utf8) else { return }
        cursor.skipBlanks()
        guard let name = cursor.metricName() else { return }
        cursor.skipBlanks()
        let kind = cursor.token()
        guard !kind.isEmpty, kind.count <= 16 else { return }
        page.types[name] = String(decoding: kind, as: UTF8.self).lowercased()
    }

    private static func readSample(_ line: ExpositionCursor) -> ExpositionSample? {
        var cursor = line
        guard let name = cursor.metricName() else { return nil }
        let afterName = cursor.position
        cursor.skipBlanks()
        var labels: [ExpositionLabel] = []
        if cursor.take(UInt8(ascii: "{")) {
            guard let read = readLabels(&cursor) else { return nil }
            labels = read
            cursor.skipBlanks()
        } else if cursor.position == afterName {
            // The value must be set off by a blank: `up-1` is no sample of `up`.
            return nil
        }
        guard let value = ExpositionCursor.value(cursor.token()) else { return nil }
        cursor.skipBlanks()
        var timestamp: Int64?
        if !cursor.atEnd {
            guard let stamp = ExpositionCursor.timestamp(cursor.token()) else { return nil }
            timestamp = stamp
            cursor.skipBlanks()
            guard cursor.atEnd else { return nil }
        }
        return ExpositionSample(name: name, labels: labels, value: value, timestamp: timestamp)
    }

    /// After `{`, up to and including `}`.
    private static func readLabels(_ cursor: inout ExpositionCursor) -> [ExpositionLabel]? {
        var labels: [ExpositionLabel] = []
        while true {
            cursor.skipBlanks()
            if cursor.take(UInt8(ascii: "}")) { return labels }
            guard let name = cursor.labelName() else { return nil }
            cursor.skipBlanks()
            guard cursor.take(UInt8(ascii: "=")) else { return nil }
            cursor.skipBlanks()
            guard let value = cursor.quotedValue() else { return nil }
            guard !labels.contains(where: { $0.name == name }) else { return nil }
            labels.append(ExpositionLabel(name, value))
            cursor.skipBlanks()
            if cursor.take(UInt8(ascii: ",")) { continue }
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
            return labels
        }
    }
}
