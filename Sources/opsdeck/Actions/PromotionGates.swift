import Foundation
import OpsCore

/// The checks a promotion must pass before it runs, each with its verdict in words. A red gate
/// blocks (exit 3) unless the operator overrides it, which the journal records.
///
/// - staging healthy: its containers run, none unhealthy;
/// - staging probes: every probe the configuration gives the service in the source environment
///   passes when run once now (a service without probes passes, and says so);
/// - soak: the version has run in the source environment at least its `soak` (off when unset);
/// - nothing in flight: no other action holds the source environment's lock (the promotion then
///   holds it, so the source cannot change under it).
/// The error-rate gate of the console needs metrics, which the headless commands do not read.
struct PromotionGates {
    struct Gate: Sendable {
        var name: String
        var passed: Bool
        var detail: String
    }

    var gates: [Gate] = []

    var failing: [Gate] { gates.filter { !$0.passed } }

    static func sourceHealth(_ snapshot: ServiceSnapshot) -> Gate {
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

    /// Runs the source environment's probes once.
    static func probes(config: OpsdeckConfig, service: String, environment: String) -> Gate {
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
        let reports = BlockingWait.run { await scheduler.runOnce() }
        let bad = reports.filter { $0.result.state == .failing || $0.result.state == .unknown }
        if bad.isEmpty {
            return Gate(name: "source probes", passed: true, detail: "\(reports.count) probe(s) passing")
        }
        let words = bad.map { "\($0.probe.name): \($0.result.failedCondition ?? $0.result.state.rawValue)" }
        return Gate(name: "source probes", passed: false, detail: words.joined(separator: "; "))
    }

    /// Whether what the source runs has run there for `soak`.
    static func soak(_ soak: Duration?, snapshot: ServiceSnapshot, environment: String, now: LogTimestamp) -> Gate {
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
