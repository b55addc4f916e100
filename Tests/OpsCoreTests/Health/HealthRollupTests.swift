import Testing
@testable import OpsCore

@Suite struct HealthRollupTests {
    @Test func theWorstVerdictWinsAndNamesItsCauses() {
        let rollup = HealthRollup([
            HealthSignal(platform: .healthy),
            HealthSignal(probe: "health", state: .failing, reason: "status 503"),
            HealthSignal(probe: "ready", state: .degraded, reason: "slow"),
            HealthSignal(source: "metric error_rate", verdict: .failing, detail: "0.12"),
        ])
        #expect(rollup.verdict == .failing)
        #expect(rollup.causeText == "probe health: status 503; metric error_rate: 0.12")
    }

    @Test func signalsWithoutAVerdictAreLeftOut() {
        #expect(HealthRollup([HealthSignal(platform: .none), HealthSignal(probe: "health", state: .unknown, reason: nil)])
            .verdict == .unknown)
        #expect(HealthRollup([]).verdict == .unknown)
        let starting = HealthRollup([HealthSignal(platform: .starting), HealthSignal(probe: "health", state: .ok, reason: nil)])
        #expect(starting.verdict == .starting)
        #expect(starting.causeText == "container")
        let healthy = HealthRollup([HealthSignal(platform: .none), HealthSignal(probe: "health", state: .ok, reason: "old")])
        #expect(healthy.verdict == .healthy)
        #expect(healthy.causeText == nil)
    }

    @Test func anUnhealthyContainerIsFailing() {
        let rollup = HealthRollup([HealthSignal(platform: .unhealthy)])
        #expect(rollup.verdict == .failing)
        #expect(rollup.causeText == "container: unhealthy")
        #expect(RolledHealth.allCases.map(\.word) == ["healthy", "-", "starting", "degraded", "failing"])
    }
}
