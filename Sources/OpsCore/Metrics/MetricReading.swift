import Foundation

/// One reading of one metric: the value, or why there is none, and what it says.
public struct MetricReading: Sendable, Equatable {
    public var id: MetricID
    /// The value; for several series, the worst of them (see `MetricThresholds.worst`). Nil when the
    /// query returned no series, or on an error.
    public var value: MetricValue?
    /// Why there is no value, in words (`bad_data: parse error …`, `cannot reach Prometheus: …`,
    /// `no series http_errors_total at http://…/metrics …`,
    /// `environment variable PROM_TOKEN is not set …`); nil when the query ran.
    public var error: String?
    public var level: MetricLevel
    /// How many series the query returned (0 for no data, 1 for a scalar): more than one tells the UI
    /// that `value` is the worst of them.
    public var seriesCount: Int
    /// When it was read.
    public var at: Date

    public init(id: MetricID, value: MetricValue?, error: String? = nil, level: MetricLevel, seriesCount: Int, at: Date) {
        self.id = id
        self.value = value
        self.error = error
        self.level = level
        self.seriesCount = seriesCount
        self.at = at
    }

    /// The reading of a query's answer: the worst of its samples, judged by `thresholds`; no series
    /// is unknown (there is nothing to judge).
    public init(id: MetricID, samples: [PrometheusSample], thresholds: MetricThresholds, at: Date) {
        self.init(id: id, values: samples.map(\.value), thresholds: thresholds, at: at)
    }

    /// The reading of several series' values (a query's samples, a scraped page's matching series):
    /// the worst of them, judged by `thresholds`; none is unknown.
    public init(id: MetricID, values: [MetricValue], thresholds: MetricThresholds, at: Date) {
        let value = thresholds.worst(of: values)
        self.init(id: id, value: value, level: value.map(thresholds.level(of:)) ?? .unknown,
                  seriesCount: values.count, at: at)
    }

    /// The reading of a failed query.
    public init(id: MetricID, error: PrometheusError, at: Date) {
        self.init(id: id, value: nil, error: error.description, level: .unknown, seriesCount: 0, at: at)
    }

    /// The reading of a failed scrape.
    public init(id: MetricID, error: ScrapeError, at: Date) {
        self.init(id: id, value: nil, error: error.description, level: .unknown, seriesCount: 0, at: at)
    }

    /// What a table cell shows: the value, `no data`, or `error`.
    public var text: String {
        if let value { return value.text }
        return error == nil ? "no data" : "error"
    }
}
