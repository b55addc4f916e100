import Foundation

/// One check a promotion must pass, with its verdict in words.
public struct PromotionGate: Hashable, Sendable {
    public var name: String
    public var passed: Bool
    public var detail: String

    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}

/// The checks a promotion must pass before it runs. A red gate blocks (headless: exit 3) unless
/// the operator overrides it (`--override-gates`, or `override` typed in the console's dialog),
/// which the journal records.
///
/// - source running: its containers (instances, pods) run, none unhealthy;
/// - source probes: every probe the configuration gives the service in the source environment
///   passes (headless: run once now; the console: as its probes see them);
/// - source metrics: no metric of the service in the source environment is at its critical
///   threshold (the error rate, for one), when it has metrics;
/// - soak: the version has run in the source environment at least its `soak` (off when unset);
/// - nothing in flight: no other action holds the source environment's lock (the promotion then
///   holds it, so the source cannot change under it).
public enum PromotionGates {
    public typealias Gate = PromotionGate

    public static func failing(_ gates: [Gate]) -> [Gate] { gates.filter { !$0.passed } }

    public static func sourceHealth(_ snapshot: ServiceSnapshot) -> Gate {
        let up = snapshot.replicasUp
        let unhealthy = snapshot.replicas.filter { $0.health == .unhealthy }.map(\.name)
        if snapshot.replicas.isEmpty {
            return Gate(name: "source running", passed: false, detail: snapshot.note ?? "no containers")
        }
        if !unhealthy.isEmpty {
            return Gate(name: "source running", passed: false, detail: "unhealthy: " + unhealthy.joined(separator: ", "))
        }
        return Gate(name: "source running", passed: up > 0, detail: "\(up) of \(snapshot.replicas.count) running")
    }

    /// Runs the source environment's probes once (the headless promote).
    public static func probes(config: OpsdeckConfig, service: String, environment: String) async -> Gate {
        let probes: [Probe]
        do {
            probes = try ProbePlan.probes(in: config, service: service, environment: environment)
        } catch {
            return Gate(name: "source probes", passed: false, detail: "\(error)")
        }
        guard !probes.isEmpty else {
            return Gate(name: "source probes", passed: true, detail: "no probes configured for \(service) in \(environment)")
        }
        let client: HTTPClient
        do {
            let roots = ProcessInfo.processInfo.environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            client = try HTTPClient(trustRoots: roots.map(HTTPClient.TrustRoots.file) ?? .system)
        } catch {
            return Gate(name: "source probes", passed: false, detail: "cannot probe: \(error)")
        }
        let scheduler = ProbeScheduler(probes: probes, runner: LiveProbeRunner(client: client))
        let reports = await scheduler.runOnce()
        let bad = reports.filter { $0.result.state == .failing || $0.result.state == .unknown }
        if bad.isEmpty {
            return Gate(name: "source probes", passed: true, detail: "\(reports.count) probe(s) passing")
        }
        let words = bad.map { "\($0.probe.name): \($0.result.failedCondition ?? $0.result.state.rawValue)" }
        return Gate(name: "source probes", passed: false, detail: words.joined(separator: "; "))
    }

    /// The source's probes as a watcher of them already sees them (the console's damped states):
    /// red when one is failing, or has no verdict yet.
    public static func probes(states: [(name: String, state: ProbeState, reason: String?)], service: String,
                              environment: String) -> Gate {
        guard !states.isEmpty else {
            return Gate(name: "source probes", passed: true, detail: "no probes configured for \(service) in \(environment)")
        }
        let bad = states.filter { $0.state == .failing || $0.state == .unknown }
        if bad.isEmpty {
            return Gate(name: "source probes", passed: true, detail: "\(states.count) probe(s) passing")
        }
        let words = bad.map { "\($0.name): \($0.state == .unknown ? "no result yet" : $0.reason ?? $0.state.word)" }
        return Gate(name: "source probes", passed: false, detail: words.joined(separator: "; "))
    }

    /// The source's metrics: red when one is at its critical threshold. A metric without a value
    /// (no data, Prometheus unreachable) does not block, and is named.
    public static func metrics(_ readings: [MetricReading], thresholds: [String: String] = [:], service: String,
                               environment: String) -> Gate {
        guard !readings.isEmpty else {
            return Gate(name: "source metrics", passed: true, detail: "no metrics configured for \(service) in \(environment)")
        }
        let critical = readings.filter { $0.level == .critical }
        let unread = readings.filter { $0.value == nil }.map(\.id.name)
        if critical.isEmpty {
            var detail = "\(readings.count - unread.count) metric(s) under their critical threshold"
            if !unread.isEmpty { detail += "; no value: " + unread.joined(separator: ", ") }
            return Gate(name: "source metrics", passed: true, detail: detail)
        }
        let words = critical.map { reading in
            let value = reading.value?.text ?? "?"
            return "\(reading.id.name) \(value)" + (thresholds[reading.id.name].map { " (\($0))" } ?? "")
        }
        return Gate(name: "source metrics", passed: false, detail: "critical: " + words.joined(separator: ", "))
    }

    /// Reads the source's metrics once (the headless promote).
    public static func metrics(config: OpsdeckConfig, service: String, environment: String) async -> Gate {
        let planned = MetricPlan.metrics(in: config).filter { $0.id.service == service && $0.id.environment == environment }
        guard !planned.isEmpty else {
            return metrics([], service: service, environment: environment)
        }
        let readings = await MetricPoller(metrics: planned).readOnce()
        return metrics(readings, service: service, environment: environment)
    }

    /// Whether nothing else holds the source's lock, from an attempt to take it.
    public static func inFlight(_ key: ServiceKey, lockError: ActionLockError?) -> Gate {
        guard let lockError else {
            return Gate(name: "nothing in flight", passed: true, detail: "\(key) is not locked")
        }
        return Gate(name: "nothing in flight", passed: false, detail: "\(lockError)")
    }

    /// Whether what the source runs has run there for `soak`.
    public static func soak(_ soak: Duration?, snapshot: ServiceSnapshot, environment: String, now: LogTimestamp) -> Gate {
        guard let soak else {
            return Gate(name: "soak", passed: true, detail: "off (no soak set for \(environment))")
        }
        let needed = ConfigDuration.format(soak)
        guard let since = snapshot.updatedAt else {
            return Gate(name: "soak", passed: false, detail: "unknown since when \(environment) runs it; needs \(needed)")
        }
        let elapsedSeconds = max(0, now.secondsSinceEpoch - since.secondsSinceEpoch)
        let elapsed = ConfigDuration.format(.seconds(elapsedSeconds))
        return Gate(name: "soak", passed: Duration.seconds(elapsedSeconds) >= soak,
                    detail: "has run in \(environment) for \(elapsed), needs \(needed)")
    }
}
