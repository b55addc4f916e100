/// The thresholds of one metric and the rule that judges a value against them (MetricConfig's doc):
///
/// - Higher is worse, unless both are set and `critical` is below `warn` (a success ratio, where lower
///   is worse). A threshold is reached at equality: "values from here on".
/// - No thresholds: every value is ok, NaN and the infinities included; there is nothing to judge by.
/// - The infinities compare as the extremes they are: `+Inf` reaches any threshold where higher is
///   worse, and none where lower is worse (`1/0` for a latency is as bad as it gets).
/// - NaN against thresholds is unknown: it is neither above nor below anything (`0/0`, an error ratio
///   with no traffic at all), and calling it ok or critical would claim what nobody measured.
public struct MetricThresholds: Sendable, Equatable {
    public var warn: Double?
    public var critical: Double?

    public init(warn: Double? = nil, critical: Double? = nil) {
        self.warn = warn
        self.critical = critical
    }

    public init(_ config: MetricConfig) {
        self.init(warn: config.warn, critical: config.critical)
    }

    public var isEmpty: Bool { warn == nil && critical == nil }

    /// Whether lower values are the worse ones.
    public var lowerIsWorse: Bool {
        guard let warn, let critical else { return false }
        return critical < warn
    }

    public func level(of value: MetricValue) -> MetricLevel {
        guard !isEmpty else { return .ok }
        if case .notANumber = value { return .unknown }
        let number = value.doubleValue
        let reached: (Double) -> Bool = lowerIsWorse ? { number <= $0 } : { number >= $0 }
        if let critical, reached(critical) { return .critical }
        if let warn, reached(warn) { return .warn }
        return .ok
    }

    /// The worst of several values (a query that returns several series): the highest, or the lowest
    /// when lower is worse. NaN counts only when every value is NaN, so one idle series does not hide
    /// a busy one's error ratio. Nil for no values.
    public func worst(of values: [MetricValue]) -> MetricValue? {
        let comparable = values.filter { $0 != .notANumber }
        guard !comparable.isEmpty else { return values.first }
        let lowerIsWorse = self.lowerIsWorse
        return comparable.max { a, b in
            lowerIsWorse ? a.doubleValue > b.doubleValue : a.doubleValue < b.doubleValue
        }
    }
}
