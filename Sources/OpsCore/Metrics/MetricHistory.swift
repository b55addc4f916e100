import Foundation

/// A metric's last readings for an inline sparkline, in a ring of fixed capacity so that memory stays
/// bounded however long the console runs.
public struct MetricHistory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var at: Date
        /// Nil when the reading had no value (an error, no data).
        public var value: MetricValue?
        public var level: MetricLevel
    }

    private var ring: Ring<Entry>

    public init(capacity: Int) {
        ring = Ring(capacity: capacity)
    }

    public var capacity: Int { ring.capacity }

    /// Oldest first.
    public var entries: [Entry] { ring.elements }

    public var count: Int { ring.count }

    /// Oldest first; nil where a reading had no finite value (an error, no data, NaN, an infinity).
    public var values: [Double?] { entries.map { $0.value?.finiteValue } }

    public mutating func append(_ reading: MetricReading) {
        ring.append(Entry(at: reading.at, value: reading.value, level: reading.level))
    }
}
