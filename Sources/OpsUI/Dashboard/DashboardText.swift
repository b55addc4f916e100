import OpsCore

/// The dashboard's small pieces of text: ages, freshness, and provider text made safe. Every
/// string from a provider (names, images, details, CLI errors) passes through `clean` or
/// `errorLines` before it reaches the grid: a container name can carry escape sequences.
enum DashboardText {
    static let nanosecondsPerSecond: Int64 = 1_000_000_000

    /// A duration as a person reads it on a busy screen, one unit: `45s`, `12m`, `5h`, `3d`.
    /// A negative duration (a clock ahead of ours) reads `0s`.
    static func age(nanoseconds: Int64) -> String {
        let seconds = max(0, nanoseconds / nanosecondsPerSecond)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    /// How long before `now` a moment was (`12m`), nil when there is no `now` yet.
    static func age(of time: LogTimestamp, now: LogTimestamp?) -> String? {
        guard let now else { return nil }
        return age(nanoseconds: now.nanosecondsSinceEpoch &- time.nanosecondsSinceEpoch)
    }

    /// `3s ago`, or nil without a `now`.
    static func ago(_ time: LogTimestamp, now: LogTimestamp?) -> String? {
        age(of: time, now: now).map { $0 + " ago" }
    }

    /// Provider text on one line, control bytes shown escaped.
    static func clean(_ text: String) -> String { Sanitiser.sanitise(text) }

    /// The first `limit` non-blank lines of a CLI's error, each sanitised (a CLI's stderr is
    /// outside text like any other).
    static func errorLines(_ message: String, limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        var lines: [String] = []
        for line in message.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let text = trimmed(line)
            guard !text.isEmpty else { continue }
            lines.append(Sanitiser.sanitise(String(text)))
            if lines.count == limit { break }
        }
        return lines.isEmpty ? ["(no error text)"] : lines
    }

    /// A source's freshness for a pane title: `3s ago`, `loading…`, `3s ago, refreshing…`,
    /// `failed 3s ago, stale data from 2m ago`. Empty for a source never asked for.
    static func freshness<Value>(_ source: PaneSource<Value>, now: LogTimestamp?, ellipsis: String) -> String {
        if let failure = source.failure {
            var text = "failed" + (ago(failure.at, now: now).map { " " + $0 } ?? "")
            if source.isStale {
                text += ", stale" + (source.loadedAt.flatMap { ago($0, now: now) }.map { " data from " + $0 } ?? " data")
            }
            if source.isLoading { text += ", retrying" + ellipsis }
            return text
        }
        if source.value == nil { return source.isLoading ? "loading" + ellipsis : "" }
        let age = source.loadedAt.flatMap { ago($0, now: now) } ?? "loaded"
        return source.isLoading ? age + ", refreshing" + ellipsis : age
    }

    /// The line without the spaces and tabs around it.
    static func trimmed(_ line: Substring) -> Substring {
        var text = line
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
