import Foundation

/// The counters a rate saw at one scrape: each matching series' value by its identity, and when.
public struct ScrapeCounters: Sendable, Equatable {
    public var at: Date
    public var values: [String: Double]

    public init(at: Date, values: [String: Double]) {
        self.at = at
        self.values = values
    }
}

/// What an expression gives on one scraped page: the values to judge (one per series for a gauge,
/// one sum for a rate), and for a rate the counters to remember for the next scrape.
enum ScrapeEvaluation {
    struct Outcome: Equatable {
        /// Empty for the first scrape of a rate: there is no earlier one to compare with.
        var values: [MetricValue]
        var counters: ScrapeCounters?
    }

    static func evaluate(_ expression: ScrapeExpression, on page: ExpositionPage, url: String, at time: Date,
                         previous: ScrapeCounters?) -> Result<Outcome, ScrapeError> {
        let selector = expression.selector
        let matching = page.samples.filter(selector.matches)
        guard !matching.isEmpty else {
            if page.samples.isEmpty, page.skippedLines > 0 {
                return .failure(.notExposition(url: url, skippedLines: page.skippedLines))
            }
            return .failure(.noSuchSeries(missing(selector, on: page, url: url)))
        }
        switch expression {
        case .value:
            return .success(Outcome(values: matching.map(\.value)))
        case .rate:
            var counters = ScrapeCounters(at: time, values: [:])
            for sample in matching {
                guard let value = sample.value.finiteValue else { continue }
                counters.values[sample.seriesIdentity] = value
            }
            return .success(Outcome(values: rate(from: previous, to: counters).map { [MetricValue($0)] } ?? [],
                                    counters: counters))
        }
    }

    /// Per second, summed over the series seen both times; nil without an earlier scrape that is
    /// earlier in time. A counter that went down was reset: its whole new value is the increase.
    static func rate(from previous: ScrapeCounters?, to current: ScrapeCounters) -> Double? {
        guard let previous else { return nil }
        let seconds = current.at.timeIntervalSince(previous.at)
        guard seconds > 0, seconds.isFinite else { return nil }
        var increase = 0.0
        for (series, value) in current.values {
            guard let before = previous.values[series] else { continue }
            increase += value >= before ? value - before : value
        }
        return increase / seconds
    }

    /// Why nothing matched: the name is absent (perhaps misspelt, perhaps a histogram's family
    /// name), or present without the labels asked for.
    private static func missing(_ selector: ScrapeSelector, on page: ExpositionPage, url: String) -> String {
        let named = page.samples.filter { $0.name == selector.name }
        if !named.isEmpty {
            let labels = Set(named.flatMap(\.labels).map(\.name)).sorted()
            let has = labels.isEmpty ? "no labels" : "labels " + labels.joined(separator: ", ")
            return "no series \(selector) at \(url): its \(named.count) series of \(selector.name) have \(has)"
        }
        if let kind = page.types[selector.name], kind == "histogram" || kind == "summary" {
            return "\(selector.name) at \(url) is a \(kind): read \(selector.name)_count or \(selector.name)_sum"
        }
        var words = "no series \(selector.name) at \(url) (it has \(page.samples.count) samples)"
        let names = Array(Set(page.samples.map(\.name))).sorted()
        if let guess = NameSuggestion.closest(to: selector.name, among: names) { words += "; did you mean \(guess)?" }
        return words
    }
}
