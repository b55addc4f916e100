/// The times docker prints: RFC 3339 with nanoseconds (`inspect`, `logs -t`) and Go's
/// `time.String()` with the client's zone (`2025-05-13 09:58:01 +0200 CEST`, `ps` and `image ls`).
/// Go's zero time (`0001-01-01T00:00:00Z`, "never") and anything before 2000 read as nil.
public enum DockerTime {
    /// No upper bound: a container's time is whatever the engine's clock said.
    private static let parser = TimestampParser(latestAccepted: LogTimestamp(nanosecondsSinceEpoch: .max))

    public static func parse(_ text: String) -> LogTimestamp? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> LogTimestamp? {
        // Go adds a monotonic clock reading (` m=+0.000123`) to times it made itself.
        var end = text.count
        if let marker = monotonicMarker(text) { end = marker }
        return parser.parse(text: UnsafeBufferPointer(rebasing: text[0..<end]))
    }

    /// Where ` m=` starts, if the text has one.
    private static func monotonicMarker(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count > 3 else { return nil }
        for i in 0..<(text.count - 3) where text[i] == UInt8(ascii: " ") && text[i + 1] == UInt8(ascii: "m")
            && text[i + 2] == UInt8(ascii: "=") {
            return i
        }
        return nil
    }
}
