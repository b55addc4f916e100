/// One sample line of a Prometheus text exposition (`http_requests_total{status="500"} 3`): the
/// series' name, its labels, its value and the optional timestamp the exporter stamped it with.
public struct ExpositionSample: Sendable, Equatable {
    public var name: String
    /// In the order written; names are unique (a repeated label makes the line junk).
    public var labels: [ExpositionLabel]
    public var value: MetricValue
    /// Milliseconds since the epoch, when the line carries one.
    public var timestamp: Int64?

    public init(name: String, labels: [ExpositionLabel] = [], value: MetricValue, timestamp: Int64? = nil) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }

    /// The value of label `name`, if the sample has it.
    public func label(_ name: String) -> String? {
        labels.first { $0.name == name }?.value
    }

    /// Names the series apart from its value: `name{a="1",b="2"}` with labels sorted by name, so that
    /// the same series scraped twice has the same identity whatever order the exporter wrote.
    public var seriesIdentity: String {
        let sorted = labels.sorted { $0.name < $1.name }
        guard !sorted.isEmpty else { return name }
        return name + "{" + sorted.map { "\($0.name)=\($0.value.debugDescription)" }.joined(separator: ",") + "}"
    }
}

public struct ExpositionLabel: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What one page of exposition text holds.
public struct ExpositionPage: Sendable, Equatable {
    /// In page order.
    public var samples: [ExpositionSample]
    /// `# TYPE` of each metric family (`counter`, `gauge`, `histogram`, `summary`, `untyped`).
    public var types: [String: String]
    /// Lines that are neither comments, blank, nor readable samples: skipped, and counted so that a
    /// page of garbage (an HTML error page with status 200) can be told from an empty one.
    public var skippedLines: Int
    /// The page was longer than the parser reads; the rest (and the line cut in two) was not read.
    public var truncated: Bool

    public init(samples: [ExpositionSample] = [], types: [String: String] = [:], skippedLines: Int = 0,
                truncated: Bool = false) {
        self.samples = samples
        self.types = types
        self.skippedLines = skippedLines
        self.truncated = truncated
    }
}
