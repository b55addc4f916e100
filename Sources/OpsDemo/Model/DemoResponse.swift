/// What the service answers to one HTTP request.
public struct DemoResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String
    /// Real seconds to wait before answering: a simulated request takes its latency.
    public var delay: Double

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: String, delay: Double = 0) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.delay = delay
    }
}
