import Foundation

/// Reads metrics from their Prometheus servers or the services' own metrics pages: each metric on
/// its own interval, or all once, and sparklines from range queries (for a scraped metric, from the
/// values scraped so far by this poller).
///
/// - Each metric has a task of its own: its first reading comes within `firstRunSpread` (spread at
///   random, so that fifty metrics do not hit a server in the same millisecond), then one every
///   interval, counted from the start of the previous query.
/// - Concurrency is bounded per server (a Prometheus, or a page): at most `maxConcurrentPerServer`
///   requests in flight to any one server. A server that is slow or hung holds only its own slots, each for at most the client's
///   timeout, and never delays another server's metrics.
/// - A metric whose credentials are missing is read too: its readings carry the problem, with no
///   request sent.
public struct MetricPoller: Sendable {
    public static let defaultInterval: Duration = .seconds(15)
    public static let defaultMaxConcurrentPerServer = 4
    public static let defaultFirstRunSpread: Duration = .seconds(1)
    /// The API's own limit of points per series in a range query.
    public static let maximumSparklinePoints = 11_000

    public let metrics: [PlannedMetric]
    public let interval: Duration
    public let timeout: Duration
    public let maxConcurrentPerServer: Int
    public let firstRunSpread: Duration
    public let trustRoots: HTTPClient.TrustRoots
    /// Stamps readings, and ends sparklines' windows.
    public let now: @Sendable () -> Date
    /// One client a server, shared by its metrics.
    private let clients: [PrometheusServer: PrometheusClient]
    private let scraper: ScrapeReader

    public init(metrics: [PlannedMetric], interval: Duration = defaultInterval,
                timeout: Duration = PrometheusClient.defaultTimeout,
                maxConcurrentPerServer: Int = defaultMaxConcurrentPerServer,
                firstRunSpread: Duration = defaultFirstRunSpread, trustRoots: HTTPClient.TrustRoots = .system,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.metrics = metrics
        self.interval = max(interval, .milliseconds(1))
        self.timeout = timeout
        self.maxConcurrentPerServer = max(1, maxConcurrentPerServer)
        self.firstRunSpread = max(.zero, firstRunSpread)
        self.trustRoots = trustRoots
        self.now = now
        var clients: [PrometheusServer: PrometheusClient] = [:]
        for server in Set(metrics.compactMap(\.server)) {
            clients[server] = PrometheusClient(server: server, timeout: timeout, trustRoots: trustRoots)
        }
        self.clients = clients
        scraper = ScrapeReader(client: ScrapeClient(timeout: timeout, trustRoots: trustRoots), memory: ScrapeMemory())
    }

    /// Reads every metric once, as the per-server bound allows; readings in the order of `metrics`. A
    /// rate of a scraped counter has a value from its second reading on.
    public func readOnce() async -> [MetricReading] {
        let slots = makeSlots()
        return await withTaskGroup(of: (Int, MetricReading?).self) { group in
            for (index, metric) in metrics.enumerated() {
                group.addTask { (index, await read(metric, slots: slots)) }
            }
            var readings = [MetricReading?](repeating: nil, count: metrics.count)
            for await (index, reading) in group { readings[index] = reading }
            return readings.compactMap { $0 }
        }
    }

    /// Reads until the calling task is cancelled, handing each reading to `onReading` as it comes
    /// (from many tasks at once: `onReading` must be quick and thread-safe).
    public func run(onReading: @escaping @Sendable (MetricReading) -> Void) async {
        let slots = makeSlots()
        await withTaskGroup(of: Void.self) { group in
            for metric in metrics {
                group.addTask { await repeatedly(metric, slots: slots, onReading: onReading) }
            }
        }
    }

    /// The readings of `run`, as a stream; stopping the iteration (or cancelling its task) stops the reads.
    public func readings() -> AsyncStream<MetricReading> {
        AsyncStream { continuation in
            let task = Task { await run { continuation.yield($0) } }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The last `last` of `metric` in `points` values, oldest first, one every `last / points`, from a
    /// range query. A moment without a value (no sample, NaN, an infinity) is nil; several series are
    /// combined as an instant reading is (the worst value at each moment).
    public func sparkline(of metric: PlannedMetric, last: Duration = .seconds(3600), points: Int = 60) async
        -> Result<[Double?], PrometheusError> {
        let count = min(max(points, 1), Self.maximumSparklinePoints)
        let step = max(last / count, .milliseconds(1))
        let end = now()
        let start = end.addingTimeInterval(-Self.seconds(step * (count - 1)))
        let grid = SparklineGrid(start: start, step: Self.seconds(step), count: count)
        switch (metric.config.source, metric.endpoint) {
        case (.query(let query), .prometheus(let server)):
            let result = await client(for: server).range(query: query, start: start, end: end, step: step)
            return result.map { grid.values(of: $0, thresholds: metric.thresholds) }
        case (.scrape, .page):
            return .success(scraper.sparkline(of: metric, grid: grid))
        case (.query, .page), (.scrape, .prometheus):
            return .failure(.malformedAnswer(Self.mismatch(metric)))
        }
    }

    // MARK: - Reading

    private func makeSlots() -> [MetricEndpoint: ProbeSlots] {
        Dictionary(metrics.map { ($0.endpoint, ProbeSlots(maxConcurrentPerServer)) }) { first, _ in first }
    }

    private func repeatedly(_ metric: PlannedMetric, slots: [MetricEndpoint: ProbeSlots],
                            onReading: @Sendable (MetricReading) -> Void) async {
        let clock = ContinuousClock()
        var next = clock.now + firstRunSpread * Double.random(in: 0...1)
        while !Task.isCancelled {
            do { try await clock.sleep(until: next) } catch { return }
            // Counted from when the query is sent: one that waited for a slot does not then run again
            // sooner to catch up.
            let started = clock.now
            guard let reading = await read(metric, slots: slots), !Task.isCancelled else { return }
            onReading(reading)
            next = max(started + interval, clock.now)
        }
    }

    /// One reading; nil when the task was cancelled while waiting for a slot or for the answer.
    private func read(_ metric: PlannedMetric, slots: [MetricEndpoint: ProbeSlots]) async -> MetricReading? {
        let slot = slots[metric.endpoint]
        if let slot { guard await slot.acquire() else { return nil } }
        let reading = await read(metric)
        await slot?.release()
        return reading
    }

    private func read(_ metric: PlannedMetric) async -> MetricReading? {
        switch (metric.config.source, metric.endpoint) {
        case (.query(let query), .prometheus(let server)):
            return await instant(query, of: metric, on: server)
        case (.scrape(let expression, _), .page(let url)):
            return await scraper.read(metric, expression: expression, url: url, now: now)
        case (.query, .page), (.scrape, .prometheus):
            return MetricReading(id: metric.id, value: nil, error: Self.mismatch(metric), level: .unknown,
                                 seriesCount: 0, at: now())
        }
    }

    private func instant(_ query: String, of metric: PlannedMetric, on server: PrometheusServer) async -> MetricReading? {
        let result = await client(for: server).instant(query: query)
        switch result {
        case .success(let samples):
            return MetricReading(id: metric.id, samples: samples, thresholds: metric.thresholds, at: now())
        case .failure(.cancelled):
            return nil
        case .failure(let error):
            return MetricReading(id: metric.id, error: error, at: now())
        }
    }

    private func client(for server: PrometheusServer) -> PrometheusClient {
        clients[server] ?? PrometheusClient(server: server, timeout: timeout, trustRoots: trustRoots)
    }

    /// A metric planned by hand with a source its endpoint cannot answer (`MetricPlan` never makes one).
    private static func mismatch(_ metric: PlannedMetric) -> String {
        switch metric.config.source {
        case .query: "\(metric.id) is a PromQL query and \(metric.endpoint) is not a Prometheus"
        case .scrape: "\(metric.id) is scraped and \(metric.endpoint) is a Prometheus, not a page"
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
