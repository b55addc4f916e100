import Testing
@testable import OpsDemo

@Suite struct DemoBehaviourTests {
    @Test(arguments: [
        ("1.4.0", DemoBehaviour.healthy), ("1.4.9", .healthy), ("1.5.0", .degrading), ("1.5.3", .degrading),
        ("v1.6.0", .degrading), ("2.0.0", .degrading), ("0.9.1", .healthy), ("1.10.0", .degrading),
        ("latest", .healthy), ("", .healthy), ("1", .healthy), ("1.5", .degrading), ("1.5.0-rc.1", .degrading),
        ("99999999999999999999.1", .degrading),
    ])
    func automaticBehaviourFollowsTheVersion(version: String, expected: DemoBehaviour) {
        #expect(DemoBehaviour.automatic(forVersion: version) == expected)
    }

    @Test func anExplicitChoiceOverridesTheVersion() {
        #expect(DemoBehaviourChoice.healthy.resolved(forVersion: "1.5.0") == .healthy)
        #expect(DemoBehaviourChoice.degrading.resolved(forVersion: "1.0.0") == .degrading)
        #expect(DemoBehaviourChoice.auto.resolved(forVersion: "1.5.0") == .degrading)
    }

    @Test func healthyStaysLowAndFast() {
        let profile = DemoProfile(.healthy)
        for seconds in [0.0, 60, 600, 36_000] {
            #expect(profile.errorProbability(at: seconds) == 0.005)
            #expect((0.020...0.040).contains(profile.latency(at: seconds, unit: 0)))
            #expect((0.020...0.040).contains(profile.latency(at: seconds, unit: 1)))
        }
        #expect(profile.warmUpSeconds == 0.3)
    }

    @Test func degradingRisesFromTwoToFortyPercentOverTwoMinutes() {
        let profile = DemoProfile(.degrading)
        #expect(abs(profile.errorProbability(at: 0) - 0.02) < 1e-9)
        #expect(abs(profile.errorProbability(at: 60) - 0.21) < 1e-9)
        #expect(abs(profile.errorProbability(at: 120) - 0.40) < 1e-9)
        #expect(abs(profile.errorProbability(at: 10_000) - 0.40) < 1e-9)
        #expect(profile.errorProbability(at: .nan) == 0.02)
        #expect(profile.latency(at: 120, unit: 0.5) > 5 * profile.latency(at: 0, unit: 0.5))
        #expect(profile.warmUpSeconds == 6)
    }
}
