import OpsCore
import Testing
@testable import OpsUI

@Suite struct DashboardDetailsTests {
    @Test func aFullCommitIsShownAsGitShortensIt() {
        let key = ServiceKey(service: "api", environment: "staging")
        func commitLine(_ commit: String) -> String? {
            let snapshot = ServiceSnapshot(key: key, provider: "docker", commit: commit)
            return DashboardDetails.lines(for: snapshot, now: nil).map(\.plainText).first { $0.contains("commit") }
        }
        #expect(commitLine("874a6b521594c55e69da91ccd19c5949b9e6833f")?.hasSuffix("874a6b521594") == true)
        #expect(commitLine("874a6b521594c55e69da91ccd19c5949b9e6833f")?.contains("874a6b5215940") == false)
        #expect(commitLine("9f3c2a1")?.contains("9f3c2a1") == true)
        #expect(commitLine("release/2026-11-29")?.contains("release/2026-11-29") == true)
    }

    @Test func withoutACommitTheLastChangeHasALineOfItsOwn() {
        let snapshot = ServiceSnapshot(key: ServiceKey(service: "api", environment: "production"), provider: "kubernetes",
                                       updatedAt: LogTimestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000, zoneAssumed: false))
        let lines = DashboardDetails.lines(for: snapshot, now: LogTimestamp(nanosecondsSinceEpoch: 1_700_003_600_000_000_000, zoneAssumed: false))
            .map(\.plainText)
        #expect(lines.contains { $0.hasPrefix("updated") && $0.contains("1h ago") })
        #expect(!lines.contains { $0.contains("commit") })
    }
}
