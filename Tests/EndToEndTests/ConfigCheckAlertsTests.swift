import Foundation
import Testing

/// `opsdeck config check` says what `alerts:` sets, and only when it sets something.
@Suite struct ConfigCheckAlertsTests {
    @Test func alertsAreListedWhenSet() throws {
        let sandbox = try ConfigCheckTests.Sandbox()
        defer { sandbox.remove() }
        let file = sandbox.work + "/opsdeck.yml"
        try sandbox.write(ConfigCheckTests.minimal + """

            alerts:
              bell: true
              on_alert: [page-oncall, --team, "ops team", "\\e[2J"]
              hook_timeout: 30s
            """, to: file)
        let result = try sandbox.run([])
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.last == #"Alerts: bell; on_alert page-oncall --team 'ops team' '\e[2J' (within 30s)"#)

        try sandbox.write(ConfigCheckTests.minimal, to: file)
        let plain = try sandbox.run([])
        #expect(plain.exitCode == 0)
        #expect(!plain.stdoutText.contains("Alerts:"))
    }
}
