import Foundation
import ArgumentParser
import OpsCore

/// The filter flags shared by `opsdeck logs` and `opsdeck view`, turned into a `LogQuery` with
/// a clear message for each value that cannot be read.
struct LogsQueryOptions {
    /// The time the command started: the one clock of `--since`, `--until` and durations.
    static func now() -> LogTimestamp {
        LogTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9))
    }

    /// Log times are read up to a day past `now` (clocks drift); later ones are not times.
    static func timestamps(now: LogTimestamp) -> TimestampParser {
        TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: now.secondsSinceEpoch + 86_400))
    }

    var level: String?
    var grep: [String]
    var regex: [String]
    var conditions: [String]
    var since: String?
    var until: String?

    func query(now: LogTimestamp, timestamps: TimestampParser) throws -> LogQuery {
        var query = LogQuery(texts: grep)
        if let level {
            guard let parsed = LogLevel(canonicalName: level) else {
                throw ValidationError("--level '\(level)' is not a level: use trace, debug, info, notice, warn, error or fatal")
            }
            query.minimumLevel = parsed
        }
        for pattern in regex {
            do { query.patterns.append(try TextPattern(pattern)) } catch {
                throw ValidationError("--regex '\(pattern)' is not a valid regular expression")
            }
        }
        for text in conditions {
            do { query.conditions.append(try FieldCondition(parsing: text)) } catch {
                throw ValidationError("--where \(error)")
            }
        }
        do {
            if let since { query.since = try TimeBound.parse(since, now: now, timestamps: timestamps) }
            if let until { query.until = try TimeBound.parse(until, now: now, timestamps: timestamps) }
        } catch {
            throw ValidationError("\(error)")
        }
        return query
    }
}
