import Foundation
import Testing
@testable import OpsCore

/// The damping, fed readings stamped by hand: no clock, no sleeping.
@Suite struct MetricTrackerTests {
    static let id = MetricID(service: "api", environment: "production", name: "error_rate")
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Reading number `n` of a metric read every 15 s.
    static func reading(_ level: MetricLevel, _ n: Int, value: MetricValue? = nil) -> MetricReading {
        let value = value ?? (level == .unknown ? nil : .number(Double(n)))
        return MetricReading(id: id, value: value, error: level == .unknown ? "cannot reach Prometheus" : nil, level: level,
                             seriesCount: value == nil ? 0 : 1, at: start.addingTimeInterval(TimeInterval(n * 15)))
    }

    /// Feeds `levels` in order; returns the level after each.
    static func levels(after levels: [MetricLevel], consecutive: Int = 2) -> [MetricLevel] {
        var tracker = MetricTracker(consecutive: consecutive)
        return levels.enumerated().map { n, level in
            tracker.record(reading(level, n))
            return tracker.level
        }
    }

    @Test func theFirstReadingSetsTheLevelAtOnce() {
        var tracker = MetricTracker(consecutive: 3)
        #expect(tracker.level == .unknown && tracker.since == nil && tracker.lastReading == nil)
        let first = Self.reading(.critical, 0)
        #expect(tracker.record(first) == .init(from: .unknown, to: .critical, since: Self.start, reading: first))
        #expect(tracker.level == .critical && tracker.since == Self.start)
        var unknownFirst = MetricTracker()
        let failed = Self.reading(.unknown, 0)
        #expect(unknownFirst.record(failed) == nil)
        #expect(unknownFirst.level == .unknown && unknownFirst.since == Self.start)
    }

    @Test func oneBlipChangesNothing() {
        #expect(Self.levels(after: [.ok, .critical, .ok, .warn, .ok, .unknown, .ok]) == [.ok, .ok, .ok, .ok, .ok, .ok, .ok])
    }

    @Test func consecutiveReadingsChangeTheLevelSinceTheFirstOfThem() {
        var tracker = MetricTracker()
        tracker.record(Self.reading(.ok, 0))
        #expect(tracker.record(Self.reading(.critical, 1)) == nil)
        let second = Self.reading(.critical, 2)
        let change = tracker.record(second)
        #expect(change == .init(from: .ok, to: .critical, since: Self.start.addingTimeInterval(15), reading: second))
        #expect(tracker.level == .critical && tracker.since == Self.start.addingTimeInterval(15))
        // And back: recovery is damped the same way.
        #expect(tracker.record(Self.reading(.ok, 3)) == nil)
        #expect(tracker.record(Self.reading(.ok, 4))?.to == .ok)
    }

    @Test func mixedWorseReadingsMoveToTheMildestOfThem() {
        #expect(Self.levels(after: [.ok, .warn, .critical]) == [.ok, .ok, .warn])
        #expect(Self.levels(after: [.critical, .ok, .warn]) == [.critical, .critical, .warn])
        #expect(Self.levels(after: [.warn, .ok, .critical]) == [.warn, .warn, .warn])
    }

    @Test func unknownNeedsItsOwnRun() {
        #expect(Self.levels(after: [.ok, .unknown, .unknown, .ok, .critical, .critical])
                == [.ok, .ok, .unknown, .unknown, .unknown, .critical])
        #expect(Self.levels(after: [.warn, .unknown, .critical, .unknown]) == [.warn, .warn, .warn, .warn])
    }

    @Test func consecutiveOfOneFollowsEveryReading() {
        let levels: [MetricLevel] = [.ok, .critical, .unknown, .warn, .ok]
        #expect(Self.levels(after: levels, consecutive: 1) == levels)
        #expect(MetricTracker(consecutive: 0).consecutive == 1)
    }

    @Test func theHistoryKeepsTheLastValuesForASparkline() {
        var tracker = MetricTracker(historyCapacity: 4)
        let values: [MetricValue?] = [.number(1), .notANumber, nil, .number(4), .positiveInfinity, .number(6)]
        for (n, value) in values.enumerated() {
            tracker.record(Self.reading(value == nil ? .unknown : .ok, n, value: value))
        }
        #expect(tracker.history.count == 4)
        #expect(tracker.history.values == [nil, 4, nil, 6])
        #expect(tracker.history.entries.map(\.at) == (2...5).map { Self.start.addingTimeInterval(TimeInterval($0 * 15)) })
        #expect(tracker.lastReading?.value == .number(6))
    }
}
