/// A bounded, in-memory store of records for log panes: a ring buffer that drops the oldest
/// record when full and counts what it dropped, so a burst can never exhaust memory and never
/// loses lines silently.
public struct LogStore: Sendable {
    public let capacity: Int
    private var ring: [LogRecord] = []
    private var head = 0
    /// Records pushed out by newer ones since the store was created.
    public private(set) var dropped = 0
    /// Records ever appended.
    public private(set) var appended = 0
    /// The time of the newest dropped record that had one: untimed records at the front of the
    /// store still belong after it in a time window.
    private var timeBeforeOldest: LogTimestamp?

    public init(capacity: Int) {
        precondition(capacity > 0, "a log store needs room for at least one record")
        self.capacity = capacity
        ring.reserveCapacity(min(capacity, 1 << 16))
    }

    public var count: Int { ring.count }
    public var isEmpty: Bool { ring.isEmpty }

    public mutating func append(_ record: LogRecord) {
        appended += 1
        if ring.count < capacity {
            ring.append(record)
        } else {
            if let time = ring[head].time { timeBeforeOldest = time }
            ring[head] = record
            head = (head + 1) % capacity
            dropped += 1
        }
    }

    public mutating func append<S: Sequence>(contentsOf records: S) where S.Element == LogRecord {
        for record in records { append(record) }
    }

    /// The i-th oldest record still held.
    public subscript(i: Int) -> LogRecord {
        ring[(head + i) % ring.count]
    }

    /// Every record still held, oldest first.
    public var records: [LogRecord] { (0..<count).map { self[$0] } }

    /// The positions of the held records that match `query`, oldest first.
    public func indices(matching query: LogQuery) -> [Int] {
        var effectiveTime = timeBeforeOldest
        var out: [Int] = []
        for i in 0..<count {
            let record = self[i]
            if let time = record.time { effectiveTime = time }
            if query.matches(record, effectiveTime: effectiveTime) { out.append(i) }
        }
        return out
    }

    public func records(matching query: LogQuery) -> [LogRecord] {
        indices(matching: query).map { self[$0] }
    }
}
