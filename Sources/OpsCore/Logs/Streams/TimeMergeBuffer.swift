/// Records from several live streams, put back in time order. Each stream is in order on its
/// own, but their lines reach us interleaved by pipe timing, and the first burst of every
/// stream (its `--tail`) arrives all at once. Records wait here a short window after arrival,
/// then leave sorted by time: late enough to be merged, soon enough to feel live.
struct TimeMergeBuffer {
    private struct Waiting {
        var record: LogRecord
        var arrived: ContinuousClock.Instant
        var order: Int
    }

    private var waiting: [Waiting] = []
    private var arrivals = 0
    /// Records waiting.
    var count: Int { waiting.count }

    mutating func add(_ record: LogRecord, at instant: ContinuousClock.Instant) {
        waiting.append(Waiting(record: record, arrived: instant, order: arrivals))
        arrivals &+= 1
    }

    /// The records that have waited at least `window`, oldest time first; records without a time
    /// keep their place after the one that arrived before them.
    mutating func takeSettled(window: Duration, now: ContinuousClock.Instant) -> [LogRecord] {
        let cutoff = now - window
        guard waiting.contains(where: { $0.arrived <= cutoff }) else { return [] }
        var settled: [Waiting] = []
        var kept: [Waiting] = []
        for entry in waiting {
            if entry.arrived <= cutoff { settled.append(entry) } else { kept.append(entry) }
        }
        waiting = kept
        return TimeMergeBuffer.ordered(settled).map(\.record)
    }

    /// Everything still waiting, in order (when the streams end).
    mutating func takeAll() -> [LogRecord] {
        let all = TimeMergeBuffer.ordered(waiting).map(\.record)
        waiting.removeAll()
        return all
    }

    /// Stable by time; an untimed record takes the time of the record that arrived before it
    /// from the same source, so it stays beside it.
    private static func ordered(_ entries: [Waiting]) -> [Waiting] {
        var lastTime: [String: Int64] = [:]
        let keyed = entries.map { entry -> (Int64, Int, Waiting) in
            let source = entry.record.source ?? ""
            let time = entry.record.time?.nanosecondsSinceEpoch ?? lastTime[source] ?? Int64.min
            lastTime[source] = time
            return (time, entry.order, entry)
        }
        return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
