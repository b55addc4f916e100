import Testing
import OpsCore
@testable import OpsUI

/// A realistic fleet for the dashboard's tests: three services in staging and production, one
/// of them crash-looping in production, one unhealthy in staging, restarts here and there.
enum Fleet {
    /// 2026-11-28T10:00:00Z, the dashboard's clock in these tests.
    static let now = LogTimestamp(secondsSinceEpoch: 1_795_860_000)

    static func ago(_ seconds: Int64) -> LogTimestamp {
        LogTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch - seconds * 1_000_000_000)
    }

    static let environments = ["staging", "production"]
    static let digestA = "sha256:4f1c2a9be0d36a71c5e8f0b2d4a6c8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1"
    static let digestB = "sha256:9a8b7c6d5e4f30211f2e3d4c5b6a79880716253443526170819a2b3c4d5e6f70"

    static func key(_ service: String, _ environment: String) -> ServiceKey {
        ServiceKey(service: service, environment: environment)
    }

    static func replica(_ name: String, _ state: RunState, _ health: HealthState = .healthy, restarts: Int = 0,
                        exit: Int? = nil, detail: String? = nil) -> Replica {
        Replica(id: name + "-id", name: name, state: state, health: health, restarts: restarts, exitCode: exit,
                startedAt: ago(3600), detail: detail)
    }

    /// Listed out of order, as providers answer: the dashboard sorts.
    static let snapshots: [ServiceSnapshot] = [
        ServiceSnapshot(key: key("worker", "production"), provider: "kubernetes",
                        image: ImageReference("registry.example.com/shop/worker:2.0.1", digest: digestB), commit: "77e1f0c",
                        replicas: [replica("worker-5f6d8-abcde", .failed, .unhealthy, restarts: 12, exit: 137,
                                           detail: "CrashLoopBackOff")],
                        desiredReplicas: 2, updatedAt: ago(600), note: "ProgressDeadlineExceeded"),
        ServiceSnapshot(key: key("api", "production"), provider: "kubernetes",
                        image: ImageReference("registry.example.com/shop/api:1.4.2", digest: digestA), commit: "9f3c2a1",
                        replicas: [replica("api-7d9c5-x1", .running), replica("api-7d9c5-x2", .running, restarts: 4),
                                   replica("api-7d9c5-x3", .running)],
                        desiredReplicas: 3, updatedAt: ago(3 * 3600)),
        ServiceSnapshot(key: key("api", "staging"), provider: "docker",
                        image: ImageReference("registry.example.com/shop/api:1.5.0-rc.1"), commit: "c0ffee1",
                        replicas: [replica("api-staging-1", .running, detail: "Up 2 hours (healthy)")],
                        updatedAt: ago(2 * 3600)),
        ServiceSnapshot(key: key("web", "staging"), provider: "fly",
                        image: ImageReference("registry.fly.io/web:deployment-01JD"),
                        replicas: [replica("148e4d55", .running, .unhealthy, restarts: 2, detail: "1/2 checks failing")],
                        updatedAt: ago(45 * 60)),
        ServiceSnapshot(key: key("web", "production"), provider: "fly",
                        image: ImageReference("registry.fly.io/web:deployment-01JC"),
                        replicas: [replica("3d8e1a2f", .running), replica("9e2b7c41", .running)],
                        updatedAt: ago(2 * 86_400)),
        ServiceSnapshot(key: key("worker", "staging"), provider: "docker",
                        image: ImageReference("registry.example.com/shop/worker:2.0.1"),
                        replicas: [replica("worker-staging-1", .running, .none)], updatedAt: ago(20 * 60)),
    ]

    static let apiProductionReleases: [Release] = [
        Release(id: "12", version: "1.4.2", image: ImageReference("registry.example.com/shop/api:1.4.2", digest: digestA),
                commit: "9f3c2a1", createdAt: ago(3 * 3600), author: "alice", status: .live),
        Release(id: "11", version: "1.4.1", image: ImageReference("registry.example.com/shop/api:1.4.1", digest: digestB),
                commit: "1a2b3c4", createdAt: ago(2 * 86_400), author: "bob", status: .superseded),
        Release(id: "10", version: "1.4.0", createdAt: ago(5 * 86_400), status: .failed, note: "rolled back"),
    ]

    static func logRecords(_ count: Int, source: String = "api-7d9c5-x1") -> [LogRecord] {
        let levels: [LogLevel] = [.info, .info, .warn, .error, .debug]
        return (0..<count).map { n in
            LogRecord(line: n + 1, source: n % 2 == 0 ? source : "api-7d9c5-x2",
                      time: LogTimestamp(secondsSinceEpoch: 1_795_859_900 + Int64(n)), level: levels[n % levels.count],
                      message: "GET /orders/\(n) done", fields: [JSONMember("status", .number(n % 5 == 3 ? "500" : "200"))])
        }
    }

    /// A dashboard with the fleet loaded, the clock at `now`, api/production's history and
    /// some of its logs in.
    static func dashboard(discovery: Bool = false) -> DashboardState {
        var state = DashboardState(environmentOrder: environments, discovery: discovery)
        _ = DashboardReducer.reduce(&state, .tick(now))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: ago(3)))
        _ = DashboardReducer.reduce(&state, .key(.character("j"))) // api/staging -> api/production
        _ = DashboardReducer.reduce(&state, .releasesLoaded(key("api", "production"), apiProductionReleases, at: ago(2)))
        _ = DashboardReducer.reduce(&state, .logRecords(logRecords(12), for: key("api", "production")))
        return state
    }
}

extension Fleet {
    static let workerProductionReleases: [Release] = [
        Release(id: "7", version: "2.0.1", image: ImageReference("registry.example.com/shop/worker:2.0.1", digest: digestB),
                commit: "77e1f0c", createdAt: ago(600), author: "ci-bot", status: .inProgress),
        Release(id: "6", version: "2.0.0", image: ImageReference("registry.example.com/shop/worker:2.0.0", digest: digestA),
                commit: "5d4c3b2", createdAt: ago(9 * 86_400), author: "carol", status: .live),
    ]

    static let workerLogs: [LogRecord] = [
        LogRecord(line: 1, source: "worker-5f6d8-abcde", time: ago(70), level: .info, message: "starting worker",
                  fields: [JSONMember("queue", .string("orders"))]),
        LogRecord(line: 2, source: "worker-5f6d8-abcde", time: ago(69), level: .warn, message: "redis slow to answer",
                  fields: [JSONMember("ms", .number("950"))]),
        LogRecord(line: 3, source: "worker-5f6d8-abcde", time: ago(68), level: .fatal, message: "out of memory",
                  error: LogError(type: "OOMError", message: "heap limit reached", stack: "at Worker.run (worker.js:88)")),
    ]

    /// The dashboard with the crash-looping worker/production selected, its history and logs in.
    static func failingDashboard() -> DashboardState {
        var state = dashboard()
        _ = DashboardReducer.reduce(&state, .key(.character("G")))
        let key = key("worker", "production")
        _ = DashboardReducer.reduce(&state, .releasesLoaded(key, workerProductionReleases, at: ago(5)))
        _ = DashboardReducer.reduce(&state, .logRecords(workerLogs, for: key))
        return state
    }
}

@Suite struct DashboardFleetTests {
    /// The fixture is what the other tests claim it is.
    @Test func theFleetHasAFailingAnUnhealthyAndARestartingService() {
        let byKey = Dictionary(uniqueKeysWithValues: Fleet.snapshots.map { ($0.key, $0) })
        #expect(byKey[Fleet.key("worker", "production")]?.state == .failed)
        #expect(byKey[Fleet.key("web", "staging")]?.health == .unhealthy)
        #expect(byKey[Fleet.key("api", "production")]?.restarts == 4)
        #expect(Fleet.snapshots.count == 6)
    }
}
