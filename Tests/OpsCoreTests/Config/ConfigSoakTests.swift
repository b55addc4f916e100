import Testing
@testable import OpsCore

/// `soak:` of an environment: how long a version must have run there before it is promoted on.
@Suite struct ConfigSoakTests {
    static func text(_ staging: String) -> String {
        """
        environments:
          staging: \(staging)
          production: {}
        services:
          web:
            staging: { provider: docker, container: web }
        """
    }

    @Test func readsADuration() throws {
        let config = try #require(ConfigText.config(Self.text("{ soak: 1h30m }")))
        #expect(config.environment(named: "staging")?.soak == .seconds(5400))
        #expect(config.environment(named: "production")?.soak == nil)
    }

    @Test func aNumberWithoutAUnitIsAnError() {
        let issues = ConfigText.issues(Self.text("{ soak: 30 }"))
        #expect(issues.count == 1)
        #expect(issues.first?.contains("soak in environment staging") == true)
        #expect(issues.first?.contains("a number needs a unit") == true)
    }
}
