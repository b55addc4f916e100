/// Why a scraped metric has no value, in words for the person on call.
public enum ScrapeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL to scrape is not an http or https URL.
    case invalidURL(String)
    /// The client could not be set up (its trust roots).
    case unusableClient(String)
    /// No answer: refused, unresolvable, timed out, closed, TLS.
    case transport(url: String, HTTPClientError)
    /// An answer with an error status.
    case httpStatus(url: String, status: Int, reason: String)
    /// The page is longer than the client reads.
    case pageTooLarge(url: String, limit: Int)
    /// Nothing on the page reads as exposition text (an HTML page served with 200, say).
    case notExposition(url: String, skippedLines: Int)
    /// The page has no series the metric names; the words say what it has instead.
    case noSuchSeries(String)
    /// The task asking was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .invalidURL(let url):
            "not an http or https URL to scrape: \(url)"
        case .unusableClient(let reason):
            "cannot scrape: \(reason)"
        case .transport(let url, let error):
            switch error {
            case .timedOut, .connectionClosed: "\(url) did not answer: \(error)"
            default: "cannot reach \(url): \(error)"
            }
        case .httpStatus(let url, let status, let reason):
            Self.statusWords(url: url, status: status, reason: reason)
        case .pageTooLarge(let url, let limit):
            "\(url) is larger than \(limit >> 10) KiB; scrape a smaller page"
        case .notExposition(let url, let skipped):
            "\(url) is not a metrics page: none of its \(skipped) lines is a sample"
        case .noSuchSeries(let words):
            words
        case .cancelled:
            "cancelled"
        }
    }

    private static func statusWords(url: String, status: Int, reason: String) -> String {
        let head = reason.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(reason)"
        switch status {
        case 404: return "\(head): no metrics at \(url) (not found; check base_url and scrape_url)"
        case 401, 403: return "\(head): \(url) refuses to be scraped without credentials"
        default: return "\(head) from \(url)"
        }
    }
}
