import Foundation

/// The URLs of the query API under a base URL, which may carry a path prefix
/// (`http://host/prom` -> `http://host/prom/api/v1/query?…`).
enum PrometheusQueryURL {
    static func instant(base: String, query: String, at time: Date?) -> String {
        var parameters = [("query", query)]
        if let time { parameters.append(("time", seconds(time))) }
        return url(base: base, path: "api/v1/query", parameters: parameters)
    }

    static func range(base: String, query: String, start: Date, end: Date, step: Duration) -> String {
        url(base: base, path: "api/v1/query_range",
            parameters: [("query", query), ("start", seconds(start)), ("end", seconds(end)), ("step", seconds(step))])
    }

    /// A query string the base already has (`?org=1`) is kept, and the parameters follow it.
    private static func url(base: String, path: String, parameters: [(String, String)]) -> String {
        var root = Substring(base)
        var baseQuery: Substring = ""
        if let mark = root.firstIndex(of: "?") {
            baseQuery = root[root.index(after: mark)...]
            root = root[..<mark]
        }
        if let hash = root.firstIndex(of: "#") { root = root[..<hash] }
        while root.hasSuffix("/") { root = root.dropLast() }
        let encoded = parameters.map { "\(encode($0.0))=\(encode($0.1))" }
        return "\(root)/\(path)?" + ([baseQuery].filter { !$0.isEmpty }.map(String.init) + encoded).joined(separator: "&")
    }

    /// Percent-encodes everything but the unreserved characters of RFC 3986. Prometheus reads the
    /// query string as a form (Go's `url.ParseQuery`), where `+` means a space: a PromQL `a + b`
    /// must go as `a%20%2B%20b`, and `&`, `=`, `#`, `{`, `}` and quotes must not be taken literally.
    static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Seconds since the epoch with milliseconds, as the API takes times (`1700000000.123`).
    static func seconds(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        // Clamped: converting a Double beyond Int64 traps, and no clock gives such a date anyway.
        return decimal(milliseconds: milliseconds.isNaN ? 0 : Int64(min(max(milliseconds, -9e18), 9e18)))
    }

    /// A step in seconds with milliseconds (`60`, `2.5`), at least one millisecond: the API refuses 0.
    static func seconds(_ duration: Duration) -> String {
        let (wholeSeconds, attoseconds) = duration.components
        let (scaled, overflow) = wholeSeconds.multipliedReportingOverflow(by: 1000)
        let milliseconds = overflow ? Int64.max : scaled.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).partialValue
        return decimal(milliseconds: max(1, milliseconds))
    }

    private static func decimal(milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let magnitude = milliseconds.magnitude
        let fraction = magnitude % 1000
        guard fraction != 0 else { return "\(sign)\(magnitude / 1000)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(magnitude / 1000).\(digits)"
    }
}
