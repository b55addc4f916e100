import Foundation
import OpsCore
import OpsUI

/// What the console's UI thread does with a big namespace once kubectl has answered, in process:
/// the reducer taking the listing, then a 200x60 frame of it. kubectl and the parse are not in
/// these figures: they run off that thread.
struct KubeFrameCost {
    var reduce: Double
    var render: Double
    var services: Int

    static func measure(deployments: Int, pods: Int, runs: Int) async throws -> KubeFrameCost {
        let generator = KubeListingJSON(deployments: deployments, pods: pods)
        let runner = CannedKubectl(deployments: generator.deploymentList(), pods: generator.podList())
        let targets = Dictionary(uniqueKeysWithValues: (0..<deployments).map { index in
            (ServiceKey(service: "svc-\(index)", environment: "production"),
             KubernetesTarget(context: "bench", namespace: "shop", workload: .deployment("svc-\(index)")))
        })
        let provider = KubernetesProvider(runner: runner, endpoint: KubernetesEndpoint(context: "bench", namespace: "shop"),
                                          targets: targets)
        let snapshots = try await provider.services()
        let now = LogTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9))
        let endpoint = ListingEndpoint(id: 0, name: "kubernetes", keys: targets.keys.sorted())
        var state = DashboardState(environmentOrder: ["production"], endpoints: [endpoint])
        _ = DashboardReducer.reduce(&state, .tick(now))
        let reduce = try ConsoleBenchmark.median(runs) {
            var fresh = state
            let started = MonotonicClock.now()
            _ = DashboardReducer.reduce(&fresh, .endpointListed(0, snapshots, at: now))
            return MonotonicClock.seconds(since: started)
        }
        _ = DashboardReducer.reduce(&state, .endpointListed(0, snapshots, at: now))
        let cache = DashboardLineCache()
        let render = try ConsoleBenchmark.median(runs) {
            let started = MonotonicClock.now()
            _ = DashboardRenderer.render(state, size: Size(columns: 200, rows: 60), cache: cache)
            return MonotonicClock.seconds(since: started)
        }
        return KubeFrameCost(reduce: reduce, render: render, services: snapshots.count)
    }
}
