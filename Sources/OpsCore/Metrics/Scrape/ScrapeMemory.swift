import Foundation

/// What a poller remembers of its scraped metrics for the session, shared by its tasks: each rate's
/// counters at the last scrape, and each metric's values so far, for the "last hour" that a
/// Prometheus would answer with a range query. Bounded: `pointCapacity` values a metric (an hour at
/// one scrape a second), the oldest dropped first.
final class ScrapeMemory: Sendable {
    static let defaultPointCapacity = 3600

    private struct Remembered: Sendable {
        var counters: ScrapeCounters?
        var points: Ring<PrometheusSeries.Point>
    }

    private let pointCapacity: Int
    private let metrics = LockedValue<[MetricID: Remembered]>([:])

    init(pointCapacity: Int = defaultPointCapacity) {
        self.pointCapacity = max(1, pointCapacity)
    }

    func counters(of id: MetricID) -> ScrapeCounters? {
        metrics.withLock { $0[id]?.counters }
    }

    /// Keeps the counters of the scrape just read (nil for a gauge) and the reading's value.
    func remember(_ id: MetricID, counters: ScrapeCounters?, value: MetricValue?, at time: Date) {
        let capacity = pointCapacity
        metrics.withLock { all in
            var entry = all[id] ?? Remembered(points: Ring(capacity: capacity))
            if let counters { entry.counters = counters }
            if let value { entry.points.append(PrometheusSeries.Point(at: time, value: value)) }
            all[id] = entry
        }
    }

    /// The values read so far, oldest first, as one series.
    func series(of id: MetricID) -> PrometheusSeries {
        PrometheusSeries(labels: [:], points: metrics.withLock { $0[id]?.points.elements ?? [] })
    }
}
