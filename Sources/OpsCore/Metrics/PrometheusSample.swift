import Foundation

/// One value of an instant query: a series' labels (empty for a scalar) and its value then.
public struct PrometheusSample: Sendable, Equatable {
    public var labels: [String: String]
    public var value: MetricValue
    public var at: Date

    public init(labels: [String: String], value: MetricValue, at: Date) {
        self.labels = labels
        self.value = value
        self.at = at
    }
}

/// One series of a range query: its labels and its values, oldest first.
public struct PrometheusSeries: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var at: Date
        public var value: MetricValue

        public init(at: Date, value: MetricValue) {
            self.at = at
            self.value = value
        }
    }

    public var labels: [String: String]
    public var points: [Point]

    public init(labels: [String: String], points: [Point]) {
        self.labels = labels
        self.points = points
    }
}
