extension ConfigReader {
    static let metricKeys = ["query", "scrape", "scrape_url", "warn", "critical"]
    static let metricSourceKeys = ["query", "scrape"]

    /// `name: "PromQL"` or `name: { query | scrape, scrape_url, warn, critical }`, in file order.
    /// `environmentOrder` orders messages that list environments.
    func readMetrics(_ node: YAMLNode, of service: ServiceConfig, environmentOrder: [String]) -> [MetricConfig] {
        let label = "metrics in service \(Self.shown(service.name))"
        guard let map = KeyedMap(node, expected: "a map of metric names to PromQL queries", place: label,
                                 allowed: nil, log: log) else { return [] }
        var metrics: [MetricConfig] = []
        for (name, entry) in map.named {
            let place = "metric \(Self.shown(name)) of service \(Self.shown(service.name))"
            if entry.value.entries == nil {
                if let query = values.text(entry.value, for: place, what: "a PromQL query (or a map with query or scrape, warn, critical)") {
                    metrics.append(MetricConfig(name: name, query: query))
                }
                continue
            }
            guard let metric = KeyedMap(entry.value, expected: "", place: place, allowed: Self.metricKeys, log: log) else {
                continue
            }
            let source = readMetricSource(metric, place: place, service: service, environmentOrder: environmentOrder)
            let warn = metric["warn"].flatMap { values.number($0, for: "warn in \(place)") }
            let critical = metric["critical"].flatMap { values.number($0, for: "critical in \(place)") }
            if let source {
                metrics.append(MetricConfig(name: name, source: source, warn: warn, critical: critical))
            }
        }
        return metrics
    }

    /// Exactly one of `query` (PromQL to the environment's Prometheus) and `scrape` (a series of the
    /// service's own metrics page, at `scrape_url`, by default `/metrics` under its base URL).
    private func readMetricSource(_ metric: KeyedMap, place: String, service: ServiceConfig,
                                  environmentOrder: [String]) -> MetricConfig.Source? {
        let given = Self.metricSourceKeys.filter(metric.has)
        if given.count > 1, let second = metric.entry(given[1]) {
            log.report("\(place) has both query and scrape; give query: for PromQL to a Prometheus, or scrape: for "
                       + "a series of the service's own metrics page", at: second.key.position)
            return nil
        }
        guard let kind = given.first, let node = metric[kind] else {
            log.report("\(place) has no query: expected query: with a PromQL expression, or scrape: with a series "
                       + "of the service's /metrics (e.g. scrape: http_error_ratio)", at: metric.node.position)
            return nil
        }
        if kind == "query" {
            if let urlEntry = metric.entry("scrape_url") {
                log.report("scrape_url applies only to scrape metrics, and \(place) has a query", at: urlEntry.key.position)
            }
            return values.text(node, for: "query in \(place)", what: "a PromQL query").map(MetricConfig.Source.query)
        }
        // The page is checked only for a readable expression: one mistake, one message.
        guard let expression = readScrapeExpression(node, place: place),
              let url = readScrapeURL(metric["scrape_url"], scrape: node, place: place, service: service,
                                      environmentOrder: environmentOrder) else { return nil }
        return .scrape(expression, url: url)
    }

    private func readScrapeExpression(_ node: YAMLNode, place: String) -> ScrapeExpression? {
        let what = "a series of the metrics page (name, name{label=\"value\"} or rate(name))"
        guard let text = values.text(node, for: "scrape in \(place)", what: what) else { return nil }
        switch ScrapeExpression.parse(text) {
        case .success(let expression):
            return expression
        case .failure(let error):
            log.report("scrape in \(place): \(error.message)", at: node.position)
            return nil
        }
    }

    /// A path (under the base URL of each environment the service runs in) or a whole URL. A path
    /// needs a base URL wherever the service runs; the error is reported at `scrape_url`, or at
    /// `scrape` when the default path is meant.
    private func readScrapeURL(_ node: YAMLNode?, scrape: YAMLNode, place: String, service: ServiceConfig,
                               environmentOrder: [String]) -> String? {
        var url = MetricConfig.defaultScrapePath
        if let node {
            if let text = node.text, text.hasPrefix("/") {
                url = text
            } else {
                guard let whole = values.url(node, for: "scrape_url in \(place)") else { return nil }
                return whole
            }
        }
        let missing = environmentOrder.filter { service.targets[$0] != nil && service.baseURL(in: $0) == nil }
        if !missing.isEmpty {
            log.report("\(place) scrapes \(url), and service \(Self.shown(service.name)) has no base_url for "
                       + missing.map(Self.shown).joined(separator: ", ")
                       + ": set base_url on the service or on those targets, or give scrape_url as a whole URL",
                       at: (node ?? scrape).position)
        }
        return url
    }
}
