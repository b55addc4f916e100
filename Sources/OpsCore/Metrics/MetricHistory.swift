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

    public let capacity: Int
    private var storage: [Entry] = []
    /// Index of the oldest entry once `storage` is full.
    private var head = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Oldest first.
    public var entries: [Entry] {
        storage.count < capacity ? storage : Array(storage[head...] + storage[..<head])
    }

    public var count: Int { storage.count }

    /// Oldest first; nil where a reading had no finite value (an error, no data, NaN, an infinity).
    public var values: [Double?] { entries.map { $0.value?.finiteValue } }

    public mutating func append(_ reading: MetricReading) {
        let entry = Entry(at: reading.at, value: reading.value, level: reading.level)
        if storage.count < capacity {
            storage.append(entry)
        } else {
            storage[head] = entry
            head = (head + 1) % capacity
        }
    }
}
