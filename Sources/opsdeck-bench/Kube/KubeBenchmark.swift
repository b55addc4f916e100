import Foundation
import OpsCore

/// `opsdeck-bench kube`: the Kubernetes provider's listing of a big namespace, from kubectl's
/// output to the services table's snapshots. kubectl itself is not run: a canned runner hands the
/// provider generated `get deployments` and `get pods` output, so the figures are opsdeck's alone.
enum KubeBenchmark {
    static func run(_ options: KubeOptions) async throws {
        let generator = KubeListingJSON(deployments: options.deployments, pods: options.pods)
        printToStandardError("generating \(options.deployments) deployments and \(options.pods) pods…")
        let deployments = generator.deploymentList()
        let pods = generator.podList()
        let runner = CannedKubectl(deployments: deployments, pods: pods)
        let endpoint = KubernetesEndpoint(context: "bench", namespace: "shop")
        let targets = Dictionary(uniqueKeysWithValues: (0..<options.deployments).map { index in
            (ServiceKey(service: "svc-\(index)", environment: "production"),
             KubernetesTarget(context: "bench", namespace: "shop", workload: .deployment("svc-\(index)")))
        })
        let provider = KubernetesProvider(runner: runner, endpoint: endpoint, targets: targets)

        var parseDeployments: [Double] = [], parsePods: [Double] = [], listing: [Double] = []
        var snapshots: [ServiceSnapshot] = []
        for _ in 0..<options.runs {
            parseDeployments.append(try time { _ = try KubernetesDeployment.parse(deployments) })
            parsePods.append(try time { _ = try KubernetesPod.parse(pods) })
            let start = MonotonicClock.now()
            snapshots = try await provider.services()
            listing.append(MonotonicClock.seconds(since: start))
        }
        let replicas = snapshots.reduce(0) { $0 + $1.replicas.count }
        guard snapshots.count == options.deployments, replicas == options.pods else {
            throw BenchError("the listing gave \(snapshots.count) services and \(replicas) replicas, expected "
                             + "\(options.deployments) and \(options.pods)")
        }
        let unwell = snapshots.count { $0.state != .running }
        print("opsdeck-bench kube: \(Format.grouped(options.deployments)) deployments (\(Format.megabytes(deployments.count)))"
              + " and \(Format.grouped(options.pods)) pods (\(Format.megabytes(pods.count))) as kubectl prints them,"
              + " median of \(options.runs) runs")
        print(TextTable.render([
            ["step", "median ms", "min ms", "per object", "notes"],
            row("parse get deployments -o json", parseDeployments, per: options.deployments, "KubernetesDeployment.parse"),
            row("parse get pods -o json", parsePods, per: options.pods, "KubernetesPod.parse"),
            row("services(): both, into snapshots", listing, per: options.deployments,
                "\(snapshots.count) snapshots, \(replicas) replicas, \(unwell) not running"),
        ]))
    }

    private static func time(_ body: () throws -> Void) throws -> Double {
        let start = MonotonicClock.now()
        try body()
        return MonotonicClock.seconds(since: start)
    }

    private static func row(_ name: String, _ seconds: [Double], per count: Int, _ note: String) -> [String] {
        let sorted = seconds.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        return [name, Format.fixed(median * 1e3, 1), Format.fixed((sorted.first ?? 0) * 1e3, 1),
                Format.fixed(median * 1e6 / Double(max(1, count)), 1) + " µs", note]
    }
}

/// Answers the provider's `get deployments` and `get pods` with the generated output.
struct CannedKubectl: CommandRunner {
    let deployments: [UInt8]
    let pods: [UInt8]

    func run(_ command: Command) async throws -> CommandResult {
        let arguments = command.arguments
        if arguments.contains("deployments") { return CommandResult(termination: .exited(0), standardOutput: deployments) }
        if arguments.contains("pods") { return CommandResult(termination: .exited(0), standardOutput: pods) }
        return CommandResult(termination: .exited(1), standardError: "error: the benchmark has no answer to \(command)")
    }

    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        try await run(command)
    }
}
