import Foundation

/// A metric's level over time, damped against flapping, and its recent values for an inline
/// sparkline: the level changes only when the last `consecutive` readings agree that it should.
///
/// "Agree", as for probes: the last N readings all at one level other than the current one move
/// the level there; readings that are all worse than the current level (by ok < warn < critical)
/// move it to the mildest of them, all better to the worst of them. So ok, warn, critical takes an
/// ok metric to warn, and one good reading between bad ones changes nothing. Unknown (an error, no
/// data) is a level of its own: the level becomes unknown after N unknown readings in a row, so a
/// Prometheus that is down shows as such, while one failed scrape does not hide a known value. The
/// first reading sets the level at once: there is no earlier level to protect.
public struct MetricTracker: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var from: MetricLevel
        public var to: MetricLevel
        /// When the new level began: the first of the readings that confirmed it.
        public var since: Date
        /// The reading that made the change.
        public var reading: MetricReading
    }

    public static let defaultConsecutive = 2
    /// A sparkline of a table row: the last 60 readings (15 minutes at the default 15 s interval).
    public static let defaultHistoryCapacity = 60

    public let consecutive: Int
    public private(set) var level: MetricLevel = .unknown
    /// When the current level began (for unknown, the first reading); nil before the first reading.
    public private(set) var since: Date?
    public private(set) var lastReading: MetricReading?
    public private(set) var history: MetricHistory
    /// The last `consecutive` readings, oldest first.
    private var recent: [MetricReading] = []

    public init(consecutive: Int = defaultConsecutive, historyCapacity: Int = defaultHistoryCapacity) {
        self.consecutive = max(1, consecutive)
        history = MetricHistory(capacity: historyCapacity)
    }

    /// Takes one reading; returns the change of level it caused, if any.
    @discardableResult
    public mutating func record(_ reading: MetricReading) -> Change? {
        let isFirst = lastReading == nil
        lastReading = reading
        history.append(reading)
        recent.append(reading)
        if recent.count > consecutive { recent.removeFirst(recent.count - consecutive) }
        if isFirst {
            // No earlier level to protect. A first reading that is unknown changes nothing to report,
            // but starts the clock of `since`.
            since = reading.at
            return change(to: reading.level, since: reading.at, by: reading)
        }
        guard recent.count == consecutive, let target = agreedLevel() else { return nil }
        return change(to: target, since: recent[0].at, by: reading)
    }

    /// The level the recent readings agree on, if it differs from the current one.
    private func agreedLevel() -> MetricLevel? {
        let levels = recent.map(\.level)
        if let first = levels.first, first != level, levels.allSatisfy({ $0 == first }) { return first }
        let severities = levels.compactMap(Self.severity)
        guard severities.count == levels.count, let current = Self.severity(level) else { return nil }
        if severities.allSatisfy({ $0 > current }) { return Self.level(ofSeverity: severities.min() ?? current) }
        if severities.allSatisfy({ $0 < current }) { return Self.level(ofSeverity: severities.max() ?? current) }
        return nil
    }

    private mutating func change(to newLevel: MetricLevel, since start: Date, by reading: MetricReading) -> Change? {
        guard newLevel != level else { return nil }
        let change = Change(from: level, to: newLevel, since: start, reading: reading)
        level = newLevel
        since = start
        return change
    }

    /// 0 ok, 1 warn, 2 critical; nil for unknown, which is no verdict.
    private static func severity(_ level: MetricLevel) -> Int? {
        switch level {
        case .ok: 0
        case .warn: 1
        case .critical: 2
        case .unknown: nil
        }
    }

    private static func level(ofSeverity severity: Int) -> MetricLevel? {
        [MetricLevel.ok, .warn, .critical].first { Self.severity($0) == severity }
    }
}
