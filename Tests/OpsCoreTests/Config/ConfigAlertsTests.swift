import Testing
@testable import OpsCore

/// `alerts:` in opsdeck.yml.
@Suite struct ConfigAlertsTests {
    static func file(_ alerts: String) -> String {
        ConfigText.withService("""
              api:
                staging: { provider: docker, container: api }
            """) + "\n" + alerts
    }

    @Test func withoutAlertsThereIsNoBellAndNoHook() throws {
        let config = try #require(ConfigText.config(Self.file("")))
        #expect(config.alerts == AlertsConfig())
        #expect(config.alerts.bell == false)
        #expect(config.alerts.onAlert == nil)
        #expect(config.alerts.hookTimeout == .seconds(10))
        #expect(ConfigText.config(Self.file("alerts:\n"))?.alerts == AlertsConfig())
        #expect(ConfigText.config(Self.file("alerts: {}\n"))?.alerts == AlertsConfig())
    }

    @Test func everySettingIsRead() throws {
        let config = try #require(ConfigText.config(Self.file("""
            alerts:
              bell: true
              on_alert: [/usr/local/bin/page-oncall, --team, "ops; rm -rf /", "$HOME"]
              hook_timeout: 1m30s
            """)))
        #expect(config.alerts == AlertsConfig(bell: true,
                                              onAlert: ["/usr/local/bin/page-oncall", "--team", "ops; rm -rf /", "$HOME"],
                                              hookTimeout: .seconds(90)))
        let block = try #require(ConfigText.config(Self.file("""
            alerts:
              on_alert:
                - notify-chat
            """)))
        #expect(block.alerts.onAlert == ["notify-chat"])
    }

    @Test func aShellStringIsRefusedWithAnExample() {
        #expect(ConfigText.issues(Self.file("alerts: { on_alert: \"curl -d @- https://chat.example.com\" }")) == [
            "7:21: expected a command as a list of words for on_alert in alerts, found \"curl -d @- https://chat.example.com\"; "
                + "no shell is involved, e.g. on_alert: [notify-chat, --channel, ops]",
        ])
    }

    @Test func anEmptyOrBrokenListIsRefused() {
        #expect(ConfigText.issues(Self.file("alerts: { on_alert: [] }")) == [
            "7:21: expected a list of text with at least one item for on_alert in alerts, found an empty list",
        ])
        #expect(ConfigText.issues(Self.file("alerts: { on_alert: ~ }")) == [
            "7:21: expected a list of text with at least one item for on_alert in alerts, found nothing",
        ])
        #expect(ConfigText.issues(Self.file("alerts: { on_alert: { run: x } }")) == [
            "7:21: expected a list of text with at least one item for on_alert in alerts, found a map",
        ])
        #expect(ConfigText.issues(Self.file("alerts: { on_alert: [page, [a], \"\"] }")) == [
            "7:28: expected text for item 2 of on_alert in alerts, found a list",
            "7:33: expected text for item 3 of on_alert in alerts, found \"\"",
        ])
    }

    @Test func wrongTypesAndUnknownKeysArePlaced() {
        #expect(ConfigText.issues(Self.file("""
            alerts:
              bell: yes
              hook_timeout: 10
              hooks: [page]
            """)) == [
            "8:9: expected true or false for bell in alerts, found \"yes\"",
            "9:17: expected a duration for hook_timeout in alerts, found a number (10); a number needs a unit, "
                + "e.g. 500ms, 30s, 1m or 1h30m (at most 24h)",
            "10:3: unknown key \"hooks\" in alerts (expected one of: bell, on_alert, hook_timeout)",
        ])
        #expect(ConfigText.issues(Self.file("alerts: [bell]")) == [
            "7:9: expected a map with bell, on_alert or hook_timeout for alerts, found a list",
        ])
        #expect(ConfigText.issues(Self.file("alerts: { on_alrt: [page] }")).first?.hasSuffix(
            "(expected one of: bell, on_alert, hook_timeout; did you mean \"on_alert\"?)") == true)
    }
}
