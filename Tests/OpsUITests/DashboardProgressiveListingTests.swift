import Testing
import OpsCore
@testable import OpsUI

/// The Services table filled endpoint by endpoint: a Docker engine that answers at once shows
/// its rows while a dead cluster still holds out; each answer replaces only its own rows.
@Suite struct DashboardProgressiveListingTests {
    static let docker = ListingEndpoint(id: 0, name: "docker", keys: [Fleet.key("api", "staging")])
    static let cluster = ListingEndpoint(id: 1, name: "kubernetes context prod, namespace shop",
                                         keys: [Fleet.key("api", "production"), Fleet.key("worker", "production")])

    static func started() -> (DashboardState, [DashboardEffect]) {
        var state = DashboardState(environmentOrder: Fleet.environments, endpoints: [docker, cluster])
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        let effects = DashboardReducer.reduce(&state, .refresh)
        return (state, effects)
    }

    static func snapshot(_ service: String, _ environment: String, _ provider: String) -> ServiceSnapshot {
        Fleet.snapshots.first { $0.key == Fleet.key(service, environment) }
            ?? ServiceSnapshot(key: Fleet.key(service, environment), provider: provider)
    }

    static func table(_ state: DashboardState, columns: Int = 100) -> String {
        DashboardRendererTests.screen(DashboardRendererTests.render(state, columns, 30).grid)
    }

    @Test func theFirstEndpointToAnswerShowsItsRowsAndTheOthersSayLoading() {
        var (state, _) = Self.started()
        _ = DashboardReducer.reduce(&state, .endpointListed(0, [Self.snapshot("api", "staging", "docker")], at: Fleet.ago(1)))
        #expect(state.services.isLoading) // the cluster has not answered
        #expect(state.listings.status(of: Fleet.key("api", "staging")) == nil)
        #expect(state.listings.status(of: Fleet.key("api", "production")) == .loading)
        let screen = Self.table(state)
        #expect(screen.contains("1s ago, refreshing…"))
        let apiStaging = screen.split(separator: "\n").first { $0.contains("api") && $0.contains("staging") }
        #expect(apiStaging?.contains("running") == true)
        let workerProduction = screen.split(separator: "\n").first { $0.contains("worker") && $0.contains("production") }
        #expect(workerProduction?.contains("loading") == true)
        #expect(workerProduction?.contains("failed") == false)
    }

    @Test func aPartialAnswerShowsItsRowsAndTheEndpointStillRefreshes() {
        var state = DashboardState(environmentOrder: Fleet.environments, endpoints: [Self.cluster])
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        _ = DashboardReducer.reduce(&state, .refresh)
        let rows = [Self.snapshot("api", "production", "kubernetes"), Self.snapshot("worker", "production", "kubernetes")]
        _ = DashboardReducer.reduce(&state, .endpointListed(1, rows, at: Fleet.ago(1), partial: true))
        // The workloads' rows are in; their pods are still to come.
        #expect(state.listings.status(of: Fleet.key("api", "production")) == nil)
        #expect(state.services.isLoading && Self.table(state).contains("1s ago, refreshing…"))
        _ = DashboardReducer.reduce(&state, .endpointListed(1, rows, at: Fleet.now))
        #expect(!state.services.isLoading && !Self.table(state).contains("refreshing"))
    }

    @Test func aPlaceholderSelectedAsksForItsLogsAndHistoryOnceListed() {
        var (state, _) = Self.started()
        // The cluster answers nothing; the selection lands on api/production's placeholder (the
        // first row), which has nothing to follow yet.
        var effects = DashboardReducer.reduce(&state, .endpointListed(0, [Self.snapshot("api", "staging", "docker")],
                                                                      at: Fleet.ago(2)))
        #expect(state.selectedKey == Fleet.key("api", "staging"))
        effects = DashboardReducer.reduce(&state, .key(.character("j")))
        #expect(state.selectedKey == Fleet.key("api", "production"))
        #expect(effects == [.followLogs(nil)])
        effects = DashboardReducer.reduce(&state, .endpointListed(
            1, [Self.snapshot("api", "production", "kubernetes"), Self.snapshot("worker", "production", "kubernetes")],
            at: Fleet.ago(1)))
        #expect(effects.contains(.followLogs(Fleet.key("api", "production"))))
        #expect(effects.contains(.loadReleases(Fleet.key("api", "production"))))
        #expect(!state.services.isLoading)
    }

    @Test func aFailureDegradesOnlyItsOwnRowsWithItsMessage() {
        var (state, _) = Self.started()
        let clusterRows = [Self.snapshot("api", "production", "kubernetes"), Self.snapshot("worker", "production", "kubernetes")]
        _ = DashboardReducer.reduce(&state, .endpointListed(1, clusterRows, at: Fleet.ago(30)))
        _ = DashboardReducer.reduce(&state, .endpointListed(0, [Self.snapshot("api", "staging", "docker")], at: Fleet.ago(29)))
        // The next round: Docker answers, the cluster times out.
        _ = DashboardReducer.reduce(&state, .refresh)
        _ = DashboardReducer.reduce(&state, .endpointListed(0, [Self.snapshot("api", "staging", "docker")], at: Fleet.ago(3)))
        _ = DashboardReducer.reduce(&state, .endpointFailed(1, "timed out after 2s", at: Fleet.ago(1)))
        #expect(!state.services.isLoading)
        #expect(state.services.value?.count == 3) // the cluster's rows from before stay
        #expect(state.servicesFailure?.message == "kubernetes context prod, namespace shop: timed out after 2s")
        let screen = Self.table(state)
        #expect(screen.contains("kubernetes context prod, namespace shop: timed out after 2s"))
        let workerProduction = screen.split(separator: "\n").first { $0.contains("worker") && $0.contains("production") }
        #expect(workerProduction?.contains("failed") == true) // its last known state, not a placeholder
        // The cluster comes back: the message goes.
        _ = DashboardReducer.reduce(&state, .endpointListed(1, clusterRows, at: Fleet.now))
        #expect(state.servicesFailure == nil)
    }

    @Test func anEndpointThatNeverAnsweredShowsNoDataAfterItsFailure() {
        var (state, _) = Self.started()
        _ = DashboardReducer.reduce(&state, .endpointListed(0, [Self.snapshot("api", "staging", "docker")], at: Fleet.ago(2)))
        _ = DashboardReducer.reduce(&state, .endpointFailed(1, "connection refused", at: Fleet.ago(1)))
        #expect(state.listings.status(of: Fleet.key("worker", "production")) == .unreachable)
        let workerProduction = Self.table(state).split(separator: "\n").first { $0.contains("worker") && $0.contains("production") }
        #expect(workerProduction?.contains("no data") == true)
    }

    @Test func anAnswerFromAnEndpointNobodyDeclaredChangesNothing() {
        var (state, _) = Self.started()
        let effects = DashboardReducer.reduce(&state, .endpointListed(7, [Self.snapshot("api", "staging", "docker")],
                                                                      at: Fleet.ago(1)))
        #expect(effects.isEmpty)
        #expect(state.services.value == nil)
    }
}

/// A scale or a rollout of the followed service asks its log sources again; a reload that
/// changes nothing about its replicas does not.
@Suite struct DashboardLogRescanTests {
    @Test func newReplicasOfTheFollowedServiceAskForItsLogSourcesAgain() {
        var state = Fleet.dashboard()
        let key = Fleet.key("api", "production")
        #expect(state.selectedKey == key)
        var snapshots = Fleet.snapshots
        #expect(DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: Fleet.ago(1))).isEmpty)
        guard let index = snapshots.firstIndex(where: { $0.key == key }) else { Issue.record("no api/production"); return }
        snapshots[index].replicas.append(Fleet.replica("api-7d9c5-x4", .running))
        #expect(DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: Fleet.now)) == [.rescanLogs(key)])
        // Another service's replicas are not followed.
        guard let other = snapshots.firstIndex(where: { $0.key == Fleet.key("web", "production") }) else { return }
        snapshots[other].replicas.removeLast()
        #expect(DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: Fleet.now)).isEmpty)
    }

    @Test func anEndpointsAnswerAsksTooAndTheLogsPaneKeepsItsLines() {
        let endpoint = ListingEndpoint(id: 0, name: "kubernetes", keys: [])
        var state = DashboardState(environmentOrder: Fleet.environments, endpoints: [endpoint])
        let key = Fleet.key("api", "production")
        var rows = Fleet.snapshots.filter { $0.key == key }
        _ = DashboardReducer.reduce(&state, .endpointListed(0, rows, at: Fleet.ago(5)))
        _ = DashboardReducer.reduce(&state, .logRecords(Fleet.logRecords(3), for: key))
        rows[0].replicas.removeFirst()
        #expect(DashboardReducer.reduce(&state, .endpointListed(0, rows, at: Fleet.ago(1))) == [.rescanLogs(key)])
        #expect(state.logs.store.count == 3)
    }

    @Test func anotherImageOfTheSelectedServiceReadsItsHistoryAgain() {
        var state = Fleet.dashboard()
        let key = Fleet.key("api", "production")
        var snapshots = Fleet.snapshots
        #expect(DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: Fleet.ago(1))).isEmpty)
        guard let index = snapshots.firstIndex(where: { $0.key == key }) else { Issue.record("no api/production"); return }
        // Deployed by someone else: the listing shows the new image, History asks for its releases.
        snapshots[index].image = ImageReference("registry.example.com/api:9.9.9", digest: "sha256:99")
        #expect(DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: Fleet.now)) == [.loadReleases(key)])
        #expect(state.releases[key]?.isLoading == true)
    }
}
