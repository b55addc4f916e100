import Foundation

/// Queries one Prometheus server over its HTTP API (`GET /api/v1/query`, `/api/v1/query_range`),
/// with the server's Authorization header, a deadline on every request and a cap on the answer's size.
///
/// Every failure comes back as a `PrometheusError` value, never thrown: a metric that cannot be read
/// is a reading with an error, shown like any other.
public struct PrometheusClient: Sendable {
    public static let defaultTimeout: Duration = .seconds(10)
    /// A sparkline of a few series is a few kilobytes; a query that matches every series in the server
    /// can be hundreds of megabytes, and is cut off here instead of filling memory.
    public static let defaultMaxAnswerBytes = 8 << 20

    public let server: PrometheusServer
    public let timeout: Duration
    public let maxAnswerBytes: Int
    /// Made once: it holds the TLS context, whose trust roots are read from disk.
    private let http: Result<HTTPClient, PrometheusError>

    public init(server: PrometheusServer, timeout: Duration = defaultTimeout, maxAnswerBytes: Int = defaultMaxAnswerBytes,
                trustRoots: HTTPClient.TrustRoots = .system) {
        self.server = server
        self.timeout = timeout
        self.maxAnswerBytes = max(0, maxAnswerBytes)
        do {
            http = .success(try HTTPClient(trustRoots: trustRoots, maxBodyBytes: self.maxAnswerBytes,
                                           userAgent: "opsdeck-metrics"))
        } catch {
            http = .failure(.unusableClient("\(error)"))
        }
    }

    /// The value of `query` at `time` (nil: the server's now, so that a skewed local clock does not
    /// ask for a moment the server has no samples of). A vector gives one sample per series, a scalar
    /// one sample without labels.
    public func instant(query: String, at time: Date? = nil) async -> Result<[PrometheusSample], PrometheusError> {
        let url = PrometheusQueryURL.instant(base: server.url, query: query, at: time)
        return await answer(url).flatMap { payload -> Result<[PrometheusSample], PrometheusError> in
            switch payload {
            case .vector(let samples): .success(samples)
            case .scalar(let sample): .success([sample])
            case .matrix: .failure(.unsupportedResultType("range vector (use rate() or an *_over_time function)"))
            case .string: .failure(.unsupportedResultType("string"))
            }
        }
    }

    /// The values of `query` from `start` to `end`, one every `step`; one series per label set. The API
    /// refuses more than 11,000 points a series.
    public func range(query: String, start: Date, end: Date, step: Duration) async
        -> Result<[PrometheusSeries], PrometheusError> {
        let url = PrometheusQueryURL.range(base: server.url, query: query, start: start, end: end, step: step)
        return await answer(url).flatMap { payload -> Result<[PrometheusSeries], PrometheusError> in
            switch payload {
            case .matrix(let series): .success(series)
            case .vector, .scalar: .failure(.malformedAnswer("a range query answered without a matrix"))
            case .string: .failure(.unsupportedResultType("string"))
            }
        }
    }

    private func answer(_ url: String) async -> Result<PrometheusAnswer.Payload, PrometheusError> {
        if let problem = server.credentialsProblem { return .failure(.missingCredentials(problem)) }
        guard HTTPURL(server.url) != nil else { return .failure(.invalidURL(server.url)) }
        let client: HTTPClient
        switch http {
        case .success(let made): client = made
        case .failure(let error): return .failure(error)
        }
        var headers = [HTTPHeader("Accept", "application/json")]
        if let authorization = server.authorization {
            headers.append(HTTPHeader("Authorization", authorization.headerValue))
        }
        do {
            let response = try await client.send(HTTPRequest(url: url, headers: headers), timeout: timeout)
            return PrometheusAnswer.parse(response, maxBodyBytes: maxAnswerBytes)
        } catch let error as HTTPClientError {
            if case .invalidURL = error { return .failure(.invalidURL(server.url)) }
            return .failure(.transport(error))
        } catch {
            return .failure(.cancelled)
        }
    }
}
