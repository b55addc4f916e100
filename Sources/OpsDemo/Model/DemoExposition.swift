/// The `/metrics` page in the Prometheus text exposition format 0.0.4.
public enum DemoExposition {
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func page(_ metrics: DemoMetrics, errorRatio: Double?, identity: DemoIdentity) -> String {
        var text = """
        # HELP http_requests_total Requests answered, by status.
        # TYPE http_requests_total counter
        http_requests_total{status="200"} \(metrics.succeeded)
        http_requests_total{status="500"} \(metrics.failed)
        # HELP http_request_duration_seconds How long requests took.
        # TYPE http_request_duration_seconds histogram

        """
        for (bound, count) in zip(DemoMetrics.latencyBuckets, metrics.bucketCounts) {
            text += "http_request_duration_seconds_bucket{le=\"\(number(bound))\"} \(count)\n"
        }
        text += """
        http_request_duration_seconds_bucket{le="+Inf"} \(metrics.requests)
        http_request_duration_seconds_sum \(number(metrics.latencySum))
        http_request_duration_seconds_count \(metrics.requests)
        # HELP http_error_ratio Share of 5xx answers over the last \(DemoProfile.errorWindowSeconds) s of traffic.
        # TYPE http_error_ratio gauge
        http_error_ratio \(errorRatio.map(number) ?? "NaN")
        # HELP demo_build_info The demo service's version, service and environment.
        # TYPE demo_build_info gauge
        demo_build_info{version=\(quoted(identity.version)),service=\(quoted(identity.service)),environment=\(quoted(identity.environment))} 1

        """
        return text
    }

    /// Shortest text that reads back as the same Double (`0.025`, `12`, `0.123456`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A label value with the format's escapes.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

/// Which service this is: its name, environment and version, as every page and log line says.
public struct DemoIdentity: Sendable, Equatable {
    public var service: String
    public var environment: String
    public var version: String

    public init(service: String, environment: String, version: String) {
        self.service = service
        self.environment = environment
        self.version = version
    }
}
