/// Why a query has no answer, in words for the person on call.
public enum PrometheusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configured credentials cannot be used (the words say which variable and why): nothing was sent.
    case missingCredentials(String)
    /// The configured URL is not an http or https URL.
    case invalidURL(String)
    /// The client could not be set up (its trust roots).
    case unusableClient(String)
    /// No answer: refused, unresolvable, timed out, closed, TLS.
    case transport(HTTPClientError)
    /// The API said `status: error`: `errorType` (`bad_data`, `execution`, `timeout`, `canceled`,
    /// `unavailable`, `internal`) and its message, with the HTTP status it came with.
    case api(errorType: String, message: String, httpStatus: Int)
    /// An HTTP error status without an API error body (a proxy's 502, a 401 for wrong credentials).
    case httpStatus(Int, reason: String)
    /// The answer is longer than the client reads.
    case answerTooLarge(limit: Int)
    /// The answer is not what the API sends (not JSON, or JSON of another shape).
    case malformedAnswer(String)
    /// The query gives a string, which has no number to show.
    case unsupportedResultType(String)
    /// The task asking was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .missingCredentials(let problem):
            problem
        case .invalidURL(let url):
            "not an http or https URL for Prometheus: \(url)"
        case .unusableClient(let reason):
            "cannot query Prometheus: \(reason)"
        case .transport(let error):
            Self.transportWords(error)
        case .api(let errorType, let message, _):
            "\(errorType): \(message)"
        case .httpStatus(let status, let reason):
            Self.statusWords(status, reason: reason)
        case .answerTooLarge(let limit):
            "Prometheus's answer is larger than \(Self.size(limit)); narrow the query"
        case .malformedAnswer(let reason):
            "not a Prometheus API answer: \(reason)"
        case .unsupportedResultType(let type):
            "the query gives a \(type), not numbers"
        case .cancelled:
            "cancelled"
        }
    }

    private static func transportWords(_ error: HTTPClientError) -> String {
        switch error {
        case .timedOut, .connectionClosed:
            "Prometheus did not answer: \(error)"
        default:
            "cannot reach Prometheus: \(error)"
        }
    }

    private static func statusWords(_ status: Int, reason: String) -> String {
        let head = reason.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(reason)"
        switch status {
        case 401: return "\(head): Prometheus wants credentials, or refused the ones given"
        case 403: return "\(head): the credentials may not query Prometheus"
        case 404: return "\(head): no Prometheus API at this URL (check the path prefix)"
        default: return "\(head) from Prometheus"
        }
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB"
            : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
