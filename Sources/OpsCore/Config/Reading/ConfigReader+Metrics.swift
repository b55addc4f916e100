extension ConfigReader {
    static let metricKeys = ["query", "warn", "critical"]

    /// `name: "PromQL"` or `name: { query, warn, critical }`, in file order.
    func readMetrics(_ node: YAMLNode, of service: ServiceConfig) -> [MetricConfig] {
        let label = "metrics in service \(Self.shown(service.name))"
        guard let map = KeyedMap(node, expected: "a map of metric names to PromQL queries", place: label,
                                 allowed: nil, log: log) else { return [] }
        var metrics: [MetricConfig] = []
        for (name, entry) in map.named {
            let place = "metric \(Self.shown(name)) of service \(Self.shown(service.name))"
            if entry.value.entries == nil {
                if let query = values.text(entry.value, for: place, what: "a PromQL query (or a map with query, warn, critical)") {
                    metrics.append(MetricConfig(name: name, query: query))
                }
                continue
            }
            guard let metric = KeyedMap(entry.value, expected: "", place: place, allowed: Self.metricKeys, log: log) else {
                continue
            }
            guard let queryNode = metric["query"] else {
                log.report("\(place) has no query: expected query: with a PromQL expression", at: entry.value.position)
                continue
            }
            let query = values.text(queryNode, for: "query in \(place)", what: "a PromQL query")
            let warn = metric["warn"].flatMap { values.number($0, for: "warn in \(place)") }
            let critical = metric["critical"].flatMap { values.number($0, for: "critical in \(place)") }
            if let query {
                metrics.append(MetricConfig(name: name, query: query, warn: warn, critical: critical))
            }
        }
        return metrics
    }
}
