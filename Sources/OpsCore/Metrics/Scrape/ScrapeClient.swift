/// Fetches a service's own metrics page (`GET …/metrics`) and reads it as exposition text, with a
/// deadline on every request and a cap on the page's size. Failures come back as `ScrapeError`
/// values, never thrown.
public struct ScrapeClient: Sendable {
    public static let defaultTimeout: Duration = .seconds(5)
    public static let defaultMaxPageBytes = 4 << 20

    public let timeout: Duration
    public let maxPageBytes: Int
    /// Made once: it holds the TLS context, whose trust roots are read from disk.
    private let http: Result<HTTPClient, ScrapeError>

    public init(timeout: Duration = defaultTimeout, maxPageBytes: Int = defaultMaxPageBytes,
                trustRoots: HTTPClient.TrustRoots = .system) {
        self.timeout = timeout
        self.maxPageBytes = max(0, maxPageBytes)
        do {
            http = .success(try HTTPClient(trustRoots: trustRoots, maxBodyBytes: self.maxPageBytes,
                                           userAgent: "opsdeck-scrape"))
        } catch {
            http = .failure(.unusableClient("\(error)"))
        }
    }

    public func page(at url: String) async -> Result<ExpositionPage, ScrapeError> {
        guard HTTPURL(url) != nil else { return .failure(.invalidURL(url)) }
        let client: HTTPClient
        switch http {
        case .success(let made): client = made
        case .failure(let error): return .failure(error)
        }
        // The text format, which every client library serves; not protobuf or OpenMetrics-only.
        let headers = [HTTPHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1")]
        let response: HTTPResponse
        do {
            response = try await client.send(HTTPRequest(url: url, headers: headers), timeout: timeout)
        } catch let error as HTTPClientError {
            if case .invalidURL = error { return .failure(.invalidURL(url)) }
            return .failure(.transport(url: url, error))
        } catch {
            return .failure(.cancelled)
        }
        guard response.status == 200 else {
            return .failure(.httpStatus(url: url, status: response.status,
                                        reason: PrometheusAnswer.text(response.reason, limit: 80)))
        }
        guard !response.bodyTruncated else { return .failure(.pageTooLarge(url: url, limit: maxPageBytes)) }
        return .success(ExpositionParser.parse(response.body, maxBytes: maxPageBytes))
    }
}
