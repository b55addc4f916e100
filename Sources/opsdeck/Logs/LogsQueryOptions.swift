import ArgumentParser
import OpsCore

/// The filter flags shared by `opsdeck logs` and `opsdeck view`, turned into a `LogQuery` with
/// a clear message for each value that cannot be read.
struct LogsQueryOptions {
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
