import OpsCore

/// Records per second of log time, all levels and errors apart, for the last minutes: the rate
/// strip's data, kept as records arrive so drawing it costs nothing.
public struct RateHistory: Sendable, Equatable {
    public static let seconds = 600
    private var buckets: [Int64: (all: Int, errors: Int)] = [:]
    public private(set) var newestSecond: Int64?

    public init() {}

    public static func == (a: RateHistory, b: RateHistory) -> Bool {
        a.newestSecond == b.newestSecond && a.buckets.count == b.buckets.count
            && a.buckets.allSatisfy { key, value in b.buckets[key].map { $0 == value } ?? false }
    }

    public mutating func count(_ record: LogRecord) {
        guard let time = record.time else { return }
        let second = time.secondsSinceEpoch
        var bucket = buckets[second] ?? (0, 0)
        bucket.all += 1
        if record.level >= .error { bucket.errors += 1 }
        buckets[second] = bucket
        if second > (newestSecond ?? .min) {
            newestSecond = second
            buckets = buckets.filter { $0.key > second - Int64(RateHistory.seconds) }
        }
    }

    /// The last `width` seconds up to the newest, oldest first.
    public func series(width: Int) -> (all: [Double], errors: [Double]) {
        guard let newest = newestSecond, width > 0 else { return ([], []) }
        var all: [Double] = [], errors: [Double] = []
        for second in (newest - Int64(width) + 1)...newest {
            let bucket = buckets[second] ?? (0, 0)
            all.append(Double(bucket.all))
            errors.append(Double(bucket.errors))
        }
        return (all, errors)
    }
}
