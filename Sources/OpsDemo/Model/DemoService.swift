import OpsCore

/// The demo service's behaviour without its sockets: the model clock, the synthetic traffic, the
/// metrics and the answers of `/health`, `/ready`, `/metrics` and every other path, and what it logs.
///
/// Model time is real time since the start multiplied by `timeScale`; every duration of the
/// behaviour (warm-up, the decline, the error ratio's window, the traffic's pace) is in model time,
/// so a test at scale 20 sees the whole story twenty times faster.
public final class DemoService: Sendable {
    public let identity: DemoIdentity
    public let profile: DemoProfile
    public let timeScale: Double
    private let log: @Sendable (DemoLogEvent) -> Void
    /// Real seconds since the start.
    private let uptime: @Sendable () -> Double
    private let wallClock: @Sendable () -> LogTimestamp
    private let state: LockedValue<State>

    private struct State: Sendable {
        var metrics = DemoMetrics()
        var random: SplitMix64
        var synthetic = 0
        var requestNumber = 0
    }

    /// The most synthetic requests one `generateTraffic` makes up for: after a long stall (a
    /// stopped process, a suspended laptop) the service carries on instead of replaying the gap.
    static let maximumBurst = 200

    public init(identity: DemoIdentity, behaviour: DemoBehaviour, timeScale: Double = 1, seed: UInt64,
                log: @escaping @Sendable (DemoLogEvent) -> Void,
                uptime: @escaping @Sendable () -> Double, wallClock: @escaping @Sendable () -> LogTimestamp) {
        self.identity = identity
        profile = DemoProfile(behaviour)
        self.timeScale = timeScale.isFinite && timeScale > 0 ? timeScale : 1
        self.log = log
        self.uptime = uptime
        self.wallClock = wallClock
        state = LockedValue(State(random: SplitMix64(seed: seed)))
    }

    public var modelSeconds: Double { uptime() * timeScale }

    /// Real seconds between synthetic requests.
    public var trafficInterval: Double { 1 / (DemoProfile.requestsPerSecond * timeScale) }

    // MARK: - Endpoints

    public func respond(method: String, path: String) -> DemoResponse {
        let route = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        switch route {
        case "/health": return health()
        case "/ready": return ready()
        case "/metrics": return DemoResponse(status: 200, contentType: DemoExposition.contentType, body: metricsPage())
        default:
            let outcome = simulate(method: method, path: route)
            return DemoResponse(status: outcome.status, body: outcome.status == 200 ? "ok\n" : "internal error\n",
                                delay: outcome.latency / timeScale)
        }
    }

    /// 503 once a degrading version's error ratio passes `DemoProfile.unhealthyErrorRatio` (over
    /// enough requests that one early failure is not a ratio of 1).
    public func health() -> DemoResponse {
        isUnhealthy() ? DemoResponse(status: 503, body: "unhealthy: error ratio above 0.25\n") : DemoResponse(status: 200, body: "ok")
    }

    public func ready() -> DemoResponse {
        modelSeconds >= profile.warmUpSeconds ? DemoResponse(status: 200, body: "ready\n")
            : DemoResponse(status: 503, body: "warming up\n")
    }

    public func metricsPage() -> String {
        let now = modelSeconds
        let metrics = state.withLock { $0.metrics }
        return DemoExposition.page(metrics, errorRatio: metrics.errorRatio(at: now), identity: identity)
    }

    public func errorRatio() -> Double? {
        let now = modelSeconds
        return state.withLock { $0.metrics.errorRatio(at: now) }
    }

    private func isUnhealthy() -> Bool {
        guard profile.behaviour == .degrading else { return false }
        let now = modelSeconds
        let (total, errors) = state.withLock { $0.metrics.recent(at: now) }
        return total >= 20 && Double(errors) / Double(total) > DemoProfile.unhealthyErrorRatio
    }

    // MARK: - Traffic

    /// Makes the synthetic requests due by now (`requestsPerSecond` a model second since the start);
    /// returns how many it made.
    @discardableResult
    public func generateTraffic() -> Int {
        let due = Int(min(max(modelSeconds * DemoProfile.requestsPerSecond, 0), 1e15))
        let count = state.withLock { state -> Int in
            let missing = max(due - state.synthetic, 0)
            let made = min(missing, Self.maximumBurst)
            // A gap longer than a burst is skipped, not replayed.
            state.synthetic = missing > made ? due : state.synthetic + made
            return made
        }
        for _ in 0..<count {
            let route = state.withLock { DemoTraffic.routes[Int($0.random.next() % UInt64(DemoTraffic.routes.count))] }
            _ = simulate(method: route.method, path: route.path)
        }
        return count
    }

    /// One request handled: its outcome drawn from the profile, counted, and logged.
    func simulate(method: String, path: String) -> (status: Int, latency: Double) {
        let now = modelSeconds
        let draw = state.withLock { state -> Draw in
            let failed = Self.unit(&state.random) < profile.errorProbability(at: now)
            let latency = profile.latency(at: now, unit: Self.unit(&state.random))
            state.metrics.record(failed: failed, latency: latency, at: now)
            state.requestNumber &+= 1
            return Draw(failed: failed, latency: latency, number: state.requestNumber,
                        userID: 1000 + Int(state.random.next() % 9000), order: Int(state.random.next() % 90000) + 10000,
                        pick: Int(state.random.next() % 1000), extra: Self.unit(&state.random))
        }
        logRequest(method: method, path: path, draw, at: now)
        return (draw.failed ? 500 : 200, draw.latency)
    }

    private struct Draw {
        var failed: Bool
        var latency: Double
        var number: Int
        var userID: Int
        var order: Int
        var pick: Int
        var extra: Double
    }

    private func logRequest(method: String, path: String, _ draw: Draw, at now: Double) {
        let time = wallClock()
        let latencyMS = JSONValue.number(String(Int((draw.latency * 1000).rounded())))
        let ids = [JSONMember("user_id", .number(String(draw.userID))), JSONMember("order_id", .string("ord-\(draw.order)"))]
        var fields = [JSONMember("request_id", .string("req-\(draw.number)")), JSONMember("method", .string(method)),
                      JSONMember("path", .string(path)), JSONMember("status", .number(draw.failed ? "500" : "200")),
                      JSONMember("latency_ms", latencyMS)]
        if draw.failed {
            let failure = DemoTraffic.failures[draw.pick % DemoTraffic.failures.count]
            log(DemoLogEvent(level: .error, message: "request failed", time: time, fields: fields + ids, failure: failure))
            return
        }
        fields.append(ids[0])
        log(DemoLogEvent(level: draw.pick < 50 ? .debug : .info, message: "request completed", time: time, fields: fields))
        // Now and then a warning, more often as a degrading version declines.
        if draw.extra < 0.03 + 0.1 * profile.decline(at: now) {
            let message = DemoTraffic.warnings[draw.pick % DemoTraffic.warnings.count]
            log(DemoLogEvent(level: .warn, message: message, time: time, fields: ids + [JSONMember("latency_ms", latencyMS)]))
        }
    }

    /// A random number in 0..<1.
    private static func unit(_ random: inout SplitMix64) -> Double {
        Double(random.next() >> 11) / Double(1 << 53)
    }

    // MARK: - Lifecycle lines

    public func logStartup(port: Int) {
        log(DemoLogEvent(level: .info, message: "listening on 127.0.0.1:\(port)", time: wallClock(), fields: [
            JSONMember("port", .number(String(port))), JSONMember("environment", .string(identity.environment)),
            JSONMember("behaviour", .string(profile.behaviour.rawValue)),
            JSONMember("time_scale", .number(DemoExposition.number(timeScale))),
        ]))
    }

    public func logShutdown(signal: String) {
        let requests = state.withLock { $0.metrics.requests }
        log(DemoLogEvent(level: .info, message: "shutting down on \(signal)", time: wallClock(), fields: [
            JSONMember("requests", .number(String(requests))),
        ]))
    }
}
