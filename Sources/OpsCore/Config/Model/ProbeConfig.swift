/// A health probe of a service: what to check, how often, and what counts as healthy.
public struct ProbeConfig: Sendable, Equatable {
    public enum Check: Sendable, Equatable {
        /// An HTTP(S) request. `url` is absolute, or a path (`/health`) under the base URL of the
        /// service in each environment.
        case http(HTTPCheck)
        /// A TCP connection to `host:port`.
        case tcp(host: String, port: Int)
        /// A program run with these arguments (no shell); exit status 0 is healthy.
        case command([String])
    }

    public struct HTTPCheck: Sendable, Equatable {
        public var url: String
        /// Upper case: GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.
        public var method: String
        public var headers: [String: String]
        public var body: String?
        /// Accept any certificate (self-signed staging hosts). Certificate facts are still read.
        public var insecure: Bool

        public init(url: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil,
                    insecure: Bool = false) {
            self.url = url
            self.method = method
            self.headers = headers
            self.body = body
            self.insecure = insecure
        }

        /// Whether `url` is a path to resolve against a base URL.
        public var isRelative: Bool { url.hasPrefix("/") }
    }

    public static let defaultInterval = Duration.seconds(30)
    public static let defaultTimeout = Duration.seconds(10)
    public static let defaultConsecutive = 2

    public var name: String
    public var check: Check
    public var interval: Duration
    public var timeout: Duration
    /// How many results in a row change the probe's state (one slow answer is not an outage).
    public var consecutive: Int
    public var expect: ProbeExpectation

    public init(name: String, check: Check, interval: Duration = defaultInterval, timeout: Duration = defaultTimeout,
                consecutive: Int = defaultConsecutive, expect: ProbeExpectation = ProbeExpectation()) {
        self.name = name
        self.check = check
        self.interval = interval
        self.timeout = timeout
        self.consecutive = consecutive
        self.expect = expect
    }
}

/// What a probe's answer must satisfy. Everything but `maxMilliseconds` applies to HTTP checks only.
public struct ProbeExpectation: Sendable, Equatable {
    /// 2xx unless the file says otherwise.
    public static let defaultStatus = [200...299]

    /// Accepted status codes: `200`, `[200, 204]` or `"200-299"`.
    public var status: [ClosedRange<Int>]
    /// `max_ms`: slower answers are failures.
    public var maxMilliseconds: Int?
    /// `body_contains`: text the body must contain.
    public var bodyContains: String?
    /// `json: {"$.status": "ok"}`: values at paths of a JSON body, in file order.
    public var json: [JSONExpectation]
    /// `header: [names]`: headers the answer must have.
    public var headers: [String]
    /// `cert_days`: the certificate must stay valid at least this many more days.
    public var certificateDays: Int?

    public init(status: [ClosedRange<Int>] = defaultStatus, maxMilliseconds: Int? = nil, bodyContains: String? = nil,
                json: [JSONExpectation] = [], headers: [String] = [], certificateDays: Int? = nil) {
        self.status = status
        self.maxMilliseconds = maxMilliseconds
        self.bodyContains = bodyContains
        self.json = json
        self.headers = headers
        self.certificateDays = certificateDays
    }

    public func accepts(status code: Int) -> Bool { status.contains { $0.contains(code) } }
}

/// One `"$.path": value` of a probe's `json` expectation.
public struct JSONExpectation: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// As written, e.g. `$.checks[0].status`.
    public var path: String
    /// The steps from the document's root: `.key("checks"), .index(0), .key("status")`.
    public var steps: [Step]
    /// The value expected there, typed as YAML typed it (`ok` a string, `1` a number, `true` a bool).
    public var value: JSONValue

    public init(path: String, steps: [Step], value: JSONValue) {
        self.path = path
        self.steps = steps
        self.value = value
    }

    /// The value at `steps` in `document`, nil when the path does not lead anywhere.
    public func find(in document: JSONValue) -> JSONValue? {
        var current = document
        for step in steps {
            switch (step, current) {
            case (.key(let key), .object(let members)):
                guard let member = members.first(where: { $0.key == key }) else { return nil }
                current = member.value
            case (.index(let index), .array(let items)):
                guard items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
