import OpsCore

/// Pieces several loggers share: level vocabularies, the nested request object that HTTP
/// middlewares log, HTTP statuses that agree with the record's level.
extension RecordComposer {
    /// 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 fatal: the index into each logger's six level names.
    var levelIndex: Int {
        switch level {
        case .unknown, .trace: 0
        case .debug: 1
        case .info, .notice: 2
        case .warn: 3
        case .error: 4
        case .fatal: 5
        }
    }

    func levelName(_ names: [StaticString]) -> StaticString { names[levelIndex] }

    /// About half of the records carry a nested object (`req{headers{…}}`, `user{roles[…]}`).
    mutating func drawNested() -> Bool { rng.chance(perMille: 500) }

    var httpStatus: Int {
        mutating get {
            switch level {
            case .error, .fatal: rng.pick([500, 502, 503, 504])
            case .warn: rng.pick([404, 409, 429])
            default: rng.pick([200, 200, 200, 201, 204, 304])
            }
        }
    }

    /// pino-http's `req`: `{id, method, url, headers{host, user-agent, x-request-id}, remoteAddress}`.
    mutating func requestObject() {
        openObject()
        field("id", int: rng.inRange(1...999_999))
        field("method", pick: Vocabulary.methods)
        key("url"); string(rng.pick(Vocabulary.paths))
        key("headers"); headersObject()
        key("remoteAddress"); ipString()
        closeObject()
    }

    mutating func headersObject() {
        openObject()
        field("host", "api.example.com")
        field("user-agent", pick: Vocabulary.userAgents)
        if rng.chance(perMille: 400) { key("x-request-id"); uuidString() }
        closeObject()
    }

    /// An authenticated user with an array of roles (nested object + array).
    mutating func userObject() {
        openObject()
        field("id", int: rng.inRange(1...99_999))
        key("name"); string(rng.pick(Vocabulary.users))
        key("roles"); openArray()
        nextItem(); string("customer")
        if rng.chance(perMille: 300) { nextItem(); string("admin") }
        closeArray()
        closeObject()
    }

    mutating func ipString() {
        out.append(UInt8(ascii: "\""))
        out.appendIPv4(bits: rng.next())
        out.append(UInt8(ascii: "\""))
    }

    /// The short error text Go loggers put in `error`/`err`.
    mutating func goErrorString() { string(rng.pick(goErrors)) }
}

private let goErrors: [StaticString] = [
    "dial tcp 10.0.3.7:5432: connect: connection refused",
    "context deadline exceeded",
    "rpc error: code = Unavailable desc = connection error",
    "json: cannot unmarshal string into Go struct field Order.total of type float64",
    "open /var/lib/data/orders.db: permission denied",
]
