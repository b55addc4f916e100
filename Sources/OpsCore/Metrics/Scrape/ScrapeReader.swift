import Foundation

/// Reads scraped metrics for a poller: fetches the page, evaluates the metric's expression on it,
/// and remembers what the next reading and the "last hour" need (a rate's counters, the values).
struct ScrapeReader: Sendable {
    let client: ScrapeClient
    let memory: ScrapeMemory

    /// One reading of `metric` from the page at `url`; nil when the task was cancelled. The first
    /// reading of a rate has no value (no earlier scrape to compare with) and no error.
    func read(_ metric: PlannedMetric, expression: ScrapeExpression, url: String,
              now: @Sendable () -> Date) async -> MetricReading? {
        let page = await client.page(at: url)
        let time = now()
        let outcome = page.flatMap { page in
            ScrapeEvaluation.evaluate(expression, on: page, url: url, at: time, previous: memory.counters(of: metric.id))
        }
        switch outcome {
        case .success(let outcome):
            let reading = MetricReading(id: metric.id, values: outcome.values, thresholds: metric.thresholds, at: time)
            memory.remember(metric.id, counters: outcome.counters, value: reading.value, at: time)
            return reading
        case .failure(.cancelled):
            return nil
        case .failure(let error):
            return MetricReading(id: metric.id, error: error, at: time)
        }
    }

    /// The values read so far this session that fall on the sparkline's moments.
    func sparkline(of metric: PlannedMetric, grid: SparklineGrid) -> [Double?] {
        grid.values(of: [memory.series(of: metric.id)], thresholds: metric.thresholds)
    }
}
