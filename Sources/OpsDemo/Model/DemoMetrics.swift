/// The demo service's own metrics: requests by status, a latency histogram, and the share of 5xx
/// answers over the last `DemoProfile.errorWindowSeconds` model seconds, kept in one bucket a
/// second so memory stays fixed however long the service runs.
public struct DemoMetrics: Sendable, Equatable {
    /// Upper bounds of the latency histogram's buckets, in seconds (`+Inf` is implicit).
    public static let latencyBuckets: [Double] = [0.025, 0.05, 0.1, 0.25, 0.5, 1]

    public private(set) var succeeded = 0
    public private(set) var failed = 0
    public private(set) var bucketCounts = [Int](repeating: 0, count: latencyBuckets.count)
    public private(set) var latencySum = 0.0
    private var window: [WindowBucket]

    private struct WindowBucket: Sendable, Equatable {
        var second = Int64.min
        var total = 0
        var errors = 0
    }

    public init() {
        window = Array(repeating: WindowBucket(), count: DemoProfile.errorWindowSeconds)
    }

    public var requests: Int { succeeded &+ failed }

    /// One answered request at model time `seconds`.
    public mutating func record(failed isFailure: Bool, latency: Double, at seconds: Double) {
        if isFailure { failed &+= 1 } else { succeeded &+= 1 }
        let latency = latency.isFinite ? max(latency, 0) : 0
        latencySum += latency
        for (index, bound) in Self.latencyBuckets.enumerated() where latency <= bound {
            bucketCounts[index] &+= 1
        }
        let second = Self.second(of: seconds)
        let slot = Int(UInt64(bitPattern: second) % UInt64(window.count))
        if window[slot].second != second { window[slot] = WindowBucket(second: second) }
        window[slot].total &+= 1
        if isFailure { window[slot].errors &+= 1 }
    }

    /// Requests and failures in the window that ends at `seconds`.
    public func recent(at seconds: Double) -> (total: Int, errors: Int) {
        let now = Self.second(of: seconds)
        let oldest = now &- Int64(window.count) &+ 1
        var total = 0, errors = 0
        for bucket in window where bucket.second >= oldest && bucket.second <= now {
            total &+= bucket.total
            errors &+= bucket.errors
        }
        return (total, errors)
    }

    /// The share of 5xx answers in the window; nil without traffic in it (the gauge then says NaN,
    /// as a PromQL ratio of no requests does).
    public func errorRatio(at seconds: Double) -> Double? {
        let (total, errors) = recent(at: seconds)
        return total == 0 ? nil : Double(errors) / Double(total)
    }

    private static func second(of seconds: Double) -> Int64 {
        guard seconds.isFinite else { return 0 }
        return Int64(min(max(seconds, -9e15), 9e15).rounded(.down))
    }
}
