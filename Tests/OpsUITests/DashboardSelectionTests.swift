import Testing
import OpsCore
@testable import OpsUI

/// The selection is a service and environment, not a row number: it survives reloads, new rows
/// and reordering, and moves to the neighbour only when its row goes.
@Suite struct DashboardSelectionTests {
    static func without(_ keys: ServiceKey...) -> [ServiceSnapshot] {
        Fleet.snapshots.filter { !keys.contains($0.key) }
    }

    @Test func aReloadInAnotherOrderWithNewRowsKeepsTheSelection() {
        var state = Fleet.dashboard()
        var changed = Fleet.snapshots.reversed().map { $0 }
        changed.append(ServiceSnapshot(key: Fleet.key("aardvark", "staging"), provider: "docker"))
        changed[0].replicas = [] // worker/production lost its last replica
        let effects = DashboardReducer.reduce(&state, .servicesLoaded(changed, at: Fleet.now))
        #expect(effects.isEmpty) // same service: the log stream and the history go on
        #expect(state.selectedKey == Fleet.key("api", "production"))
        #expect(state.logs.store.count == 12)
        #expect(state.visibleServices.first?.key.service == "aardvark")
    }

    @Test func aRowThatDisappearsHandsTheSelectionToTheRowAfterIt() {
        var state = Fleet.dashboard()
        let generation = state.logGeneration
        let effects = DashboardReducer.reduce(&state, .servicesLoaded(Self.without(Fleet.key("api", "production")),
                                                                       at: Fleet.now))
        #expect(state.selectedKey == Fleet.key("web", "staging"))
        #expect(effects == [.followLogs(Fleet.key("web", "staging")), .loadReleases(Fleet.key("web", "staging"))])
        #expect(state.logs.store.isEmpty && state.logGeneration == generation + 1 && state.logStream == .connecting)
    }

    @Test func theLastRowDisappearingHandsTheSelectionToTheNewLastRow() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .key(.character("G")))
        #expect(state.selectedKey == Fleet.key("worker", "production"))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(Self.without(Fleet.key("worker", "production")), at: Fleet.now))
        #expect(state.selectedKey == Fleet.key("worker", "staging"))
    }

    @Test func anEmptyFleetSelectsNothingAndFollowsNothing() {
        var state = Fleet.dashboard()
        #expect(DashboardReducer.reduce(&state, .servicesLoaded([], at: Fleet.now)) == [.followLogs(nil)])
        #expect(state.selectedKey == nil && state.selectedService == nil && state.logStream == .idle)
        #expect(state.visibleReleases.isEmpty)
        #expect(DashboardReducer.reduce(&state, .key(.character("j"))).isEmpty)
        #expect(DashboardReducer.reduce(&state, .key(.character("r"))) == [.refresh])
        _ = DashboardReducer.reduce(&state, .logRecords(Fleet.logRecords(3), for: Fleet.key("api", "production")))
        #expect(state.logs.store.isEmpty)
        // The fleet coming back selects its first row again.
        #expect(DashboardReducer.reduce(&state, .servicesLoaded(Fleet.snapshots, at: Fleet.now)).first
                == .followLogs(Fleet.key("api", "staging")))
    }

    @Test func aFailedReloadKeepsTheSelectionAndTheRows() {
        var state = Fleet.dashboard()
        #expect(DashboardReducer.reduce(&state, .servicesFailed("exit status 1", at: Fleet.now)).isEmpty)
        #expect(state.selectedKey == Fleet.key("api", "production") && state.visibleServices.count == 6)
    }

    @Test func anotherServiceEmptiesTheLogsButKeepsHowTheyAreShown() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .key(.character("3")))
        _ = DashboardReducer.reduce(&state, .key(.character("l")))
        _ = DashboardReducer.reduce(&state, .key(.character("l"))) // level >= info
        _ = DashboardReducer.reduce(&state, .key(.character("z"))) // wrap
        _ = DashboardReducer.reduce(&state, .key(.character("t"))) // relative times
        _ = DashboardReducer.reduce(&state, .key(.character("1")))
        _ = DashboardReducer.reduce(&state, .key(.character("j")))
        #expect(state.logs.store.isEmpty)
        #expect(state.logs.levelOverride == .info && state.logs.wrap && state.logs.timeStyle == .relative)
        _ = DashboardReducer.reduce(&state, .logRecords(Fleet.logRecords(5), for: Fleet.key("web", "staging")))
        #expect(state.logs.store.count == 5 && state.logs.visibleCount == 4) // the debug record is below the level
    }
}
