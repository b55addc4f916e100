import Foundation
import Testing
import OpsCore
@testable import OpsUI

/// The Probes pane and the health column's roll-up, on the realistic fleet with probes on api
/// (both environments) and a fixed-place tcp probe on worker.
@Suite struct DashboardProbesTests {
    static let nowDate = Date(timeIntervalSince1970: 1_795_860_000)

    static func probe(_ service: String, _ environment: String?, _ name: String, _ check: ProbeConfig.Check) -> Probe {
        Probe(id: ProbeID(service: service, environment: environment, name: name),
              config: ProbeConfig(name: name, check: check, interval: .seconds(30), timeout: .seconds(2)))
    }

    static let probes: [Probe] = [
        probe("api", "production", "health", .http(.init(url: "https://api.example.com/health"))),
        probe("api", "staging", "health", .http(.init(url: "https://api.staging.example.com/health"))),
        probe("worker", nil, "redis", .tcp(host: "redis", port: 6379)),
    ]

    static func report(_ service: String, _ environment: String?, _ name: String, _ state: ProbeState,
                       secondsAgo: Double, latency: Int = 12, reason: String? = nil, tls: TLSFacts? = nil) -> DashboardAction {
        .probeResult(ProbeReport(probe: ProbeID(service: service, environment: environment, name: name),
                                 result: ProbeResult(state: state, latency: .milliseconds(latency), failedCondition: reason,
                                                     tls: tls, at: nowDate.addingTimeInterval(-secondsAgo))))
    }

    static let certificate = TLSFacts(subject: "CN=api.example.com", issuer: "CN=Example CA",
                                      notBefore: nowDate.addingTimeInterval(-86_400 * 60),
                                      notAfter: nowDate.addingTimeInterval(86_400 * 29.5), subjectAlternativeNames: [],
                                      verification: .trusted)

    /// The fleet with probes: api/production failing twice in a row (so its state is failing),
    /// api/staging ok, worker's redis ok; api/production selected.
    static func dashboard() -> DashboardState {
        var state = DashboardState(environmentOrder: Fleet.environments, probes: probes)
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(Fleet.snapshots, at: Fleet.ago(3)))
        _ = DashboardReducer.reduce(&state, .key(.character("j")))
        for action in [
            report("api", "production", "health", .ok, secondsAgo: 120, tls: certificate),
            report("api", "production", "health", .failing, secondsAgo: 60, latency: 8,
                   reason: "status 503, expected 200-299", tls: certificate),
            report("api", "production", "health", .failing, secondsAgo: 30, latency: 9,
                   reason: "status 503, expected 200-299", tls: certificate),
            report("api", "staging", "health", .ok, secondsAgo: 30, latency: 40, tls: certificate),
            report("worker", nil, "redis", .ok, secondsAgo: 20, latency: 1),
        ] {
            _ = DashboardReducer.reduce(&state, action)
        }
        return state
    }

    static func row(_ screen: String, starting prefix: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.dropFirst().hasPrefix(prefix) }
    }

    @Test func theHealthColumnRollsProbesIntoThePlatformsVerdict() {
        let state = Self.dashboard()
        let health = { (service: String, environment: String) in
            state.services.value?.first { $0.key == Fleet.key(service, environment) }.map { state.health(of: $0) }
        }
        // The platform says healthy, the probe says failing: failing, and why.
        #expect(health("api", "production")?.verdict == .failing)
        #expect(health("api", "production")?.causeText == "probe health: status 503, expected 200-299")
        #expect(health("api", "staging")?.verdict == .healthy)
        // No platform check, but the fixed-place probe answers: healthy in both environments.
        #expect(health("worker", "staging")?.verdict == .healthy)
        // The platform's unhealthy stays failing whatever the probe says.
        #expect(health("worker", "production")?.verdict == .failing)
        // Nothing probed and no probe: the platform alone.
        #expect(health("web", "staging")?.verdict == .failing)
        #expect(health("web", "production")?.verdict == .healthy)
    }

    @Test func oneFailureIsNotEnoughToTurnAProbeFailing() {
        var state = DashboardState(environmentOrder: Fleet.environments, probes: Self.probes)
        _ = DashboardReducer.reduce(&state, Self.report("api", "staging", "health", .ok, secondsAgo: 60))
        _ = DashboardReducer.reduce(&state, Self.report("api", "staging", "health", .failing, secondsAgo: 30, reason: "timed out"))
        let id = ProbeID(service: "api", environment: "staging", name: "health")
        #expect(state.probes.entries[id]?.tracker.state == .ok)
        #expect(state.probes.entries[id]?.tracker.lastFailure?.failedCondition == "timed out")
        // A result of a probe the board does not know changes nothing.
        _ = DashboardReducer.reduce(&state, Self.report("ghost", nil, "x", .failing, secondsAgo: 1))
        #expect(state.probes.order.count == 3)
    }

    @Test func theProbesPaneListsFailingFirstWithLatencyCertificateAndReason() {
        let frame = DashboardRendererTests.render(Self.dashboard(), 120, 40)
        let screen = DashboardRendererTests.screen(frame.grid)
        #expect(screen.contains("5 Probes · 3 · 1 failing"))
        let lines = screen.split(separator: "\n").map(String.init)
        let header = lines.firstIndex { $0.contains("PROBE") && $0.contains("LAST HOUR") }
        #expect(header != nil)
        guard let header else { return }
        let failing = lines[header + 1]
        #expect(failing.contains("api/production/health") && failing.contains("failing") && failing.contains("9ms"))
        #expect(failing.contains("30d") || failing.contains("29d"))
        #expect(failing.contains("status 503, expected 200-299"))
        #expect(lines[header + 2].contains("api/staging/health") && lines[header + 2].contains("ok"))
        #expect(lines[header + 3].contains("worker/redis"))
        // The target needs a wide screen.
        #expect(!screen.contains("TARGET"))
        var zoomed = Self.dashboard()
        _ = DashboardReducer.reduce(&zoomed, .key(.character("5")))
        _ = DashboardReducer.reduce(&zoomed, .key(.character("Z")))
        let wide = DashboardRendererTests.screen(DashboardRendererTests.render(zoomed, 160, 30).grid)
        #expect(wide.contains("TARGET") && wide.contains("tcp redis:6379"))
        // The services table rolls the failing probe into the row.
        #expect(Self.row(screen, starting: "api              production")?.contains("failing") == true
            || screen.split(separator: "\n").contains { $0.contains("api") && $0.contains("production") && $0.contains("failing") })
    }

    @Test func theDetailsPaneSaysWhyAndShowsEachProbeWithItsCertificate() {
        let state = Self.dashboard()
        let lines = state.selectedService.map { DashboardDetails.lines(for: $0, in: state) } ?? []
        let text = lines.map { $0.map(\.text).joined() }
        #expect(text.first == "health   failing · probe health: status 503, expected 200-299")
        #expect(text.dropFirst().first?.hasPrefix("probe    health failing 9ms · status 503, expected 200-299 · 29 days left, trusted, CN=api.example.com") == true)
    }

    @Test func fiveFocusesTheProbesAndTheyMoveAndFilterLikeTheOtherTables() {
        var state = Self.dashboard()
        _ = DashboardReducer.reduce(&state, .key(.character("5")))
        #expect(state.focus == .probes)
        #expect(state.selectedProbeID?.description == "api/production/health")
        _ = DashboardReducer.reduce(&state, .key(.character("j")))
        #expect(state.selectedProbeID?.description == "api/staging/health")
        _ = DashboardReducer.reduce(&state, .key(.character("/")))
        for character in "redis" { _ = DashboardReducer.reduce(&state, .key(.character(character))) }
        _ = DashboardReducer.reduce(&state, .key(.enter))
        #expect(state.visibleProbes.map(\.id.description) == ["worker/redis"])
        #expect(state.selectedProbeID?.description == "worker/redis")
        _ = DashboardReducer.reduce(&state, .key(.escape))
        #expect(state.visibleProbes.count == 3)
        // :env keeps the probes of that environment and those of a fixed place.
        _ = DashboardReducer.reduce(&state, .key(.character(":")))
        for character in "env staging" { _ = DashboardReducer.reduce(&state, .key(.character(character))) }
        _ = DashboardReducer.reduce(&state, .key(.enter))
        #expect(state.visibleProbes.map(\.id.description) == ["api/staging/health", "worker/redis"])
        // Tab goes round all five panes.
        var seen: [DashboardPane] = []
        for _ in 0..<5 {
            _ = DashboardReducer.reduce(&state, .key(.tab))
            seen.append(state.focus)
        }
        #expect(Set(seen) == Set(DashboardPane.allCases))
    }

    @Test func withoutProbesThereIsNoProbesPaneAndFiveSaysWhy() {
        var state = Fleet.dashboard()
        #expect(!state.panes.contains(.probes))
        _ = DashboardReducer.reduce(&state, .key(.character("5")))
        #expect(state.focus == .services)
        #expect(state.messageIsError && state.message?.contains("nothing is probed") == true)
        for _ in 0..<4 { _ = DashboardReducer.reduce(&state, .key(.tab)) }
        #expect(state.focus == .services)
        let screen = DashboardRendererTests.screen(DashboardRendererTests.render(state, 120, 40).grid)
        #expect(!screen.contains("Probes"))
    }

    @Test func at80x24TheProbesPaneStillShowsTheFailingProbe() {
        let screen = DashboardRendererTests.screen(DashboardRendererTests.render(Self.dashboard(), 80, 24).grid)
        #expect(screen.contains("5 Probes"))
        #expect(screen.contains("api/production/health"))
        for line in screen.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
    }

    @Test func anExpiredCertificateReadsExpInItsColumn() {
        var state = Self.dashboard()
        var expired = Self.certificate
        expired.notAfter = Self.nowDate.addingTimeInterval(-86_400 * 2500)
        expired.verification = .expired
        _ = DashboardReducer.reduce(&state, Self.report("api", "staging", "health", .failing, secondsAgo: 5,
                                                        reason: "certificate expired", tls: expired))
        let table = ProbeTable(width: 200, ascii: false)
        let entry = state.probes.entries[ProbeID(service: "api", environment: "staging", name: "health")]
        let cells = entry.map { table.row($0, now: Fleet.now).cells.map(\.text) } ?? []
        #expect(cells.contains("exp"))
    }

    @Test func theLastHourSparklineIsScaledToTheTimeoutAndFailuresStandTall() {
        var history = ProbeHistory(interval: .seconds(30))
        let start = Self.nowDate.addingTimeInterval(-3600)
        for minute in 0..<60 {
            let failing = minute >= 54
            history.append(.init(at: start.addingTimeInterval(Double(minute) * 60 + 30), state: failing ? .failing : .ok,
                                 latency: .milliseconds(failing ? 2000 : 20)))
        }
        let strip = ProbeSparkline.render(history, timeout: .seconds(2), now: Fleet.now, width: 20, ascii: false)
        #expect(strip.count == 20)
        // Fast answers sit low; the last six minutes of failures are two full columns.
        #expect(strip.hasSuffix("██"))
        #expect(strip.dropLast(2).allSatisfy { $0 == "▂" })
        // No history: blank, never a fake baseline.
        #expect(ProbeSparkline.render(ProbeHistory(interval: .seconds(30)), timeout: .seconds(2), now: Fleet.now,
                                      width: 5, ascii: false) == "     ")
    }
}

/// Alerts in the console: a probe turning failing (or recovering) puts a banner on the status
/// line until `a`, and asks the runtime to bell, journal and hook it.
@Suite struct DashboardAlertTests {
    static func failing(_ state: inout DashboardState, secondsAgo: Double) -> [DashboardEffect] {
        DashboardReducer.reduce(&state, DashboardProbesTests.report("api", "staging", "health", .failing,
                                                                    secondsAgo: secondsAgo, reason: "status 503"))
    }

    @Test func aProbeTurningFailingRaisesOneAlertAndItsRecoveryAnother() {
        var state = DashboardProbesTests.dashboard()
        // api/staging is ok; one failure is a blip, the second makes it failing.
        #expect(Self.failing(&state, secondsAgo: 20).isEmpty)
        let raised = Self.failing(&state, secondsAgo: 10)
        guard case .alert(let alert)? = raised.first else {
            Issue.record("expected an alert effect, got \(raised)")
            return
        }
        #expect(alert.transition == .raised && alert.path == "api/staging/health" && alert.state == "failing")
        // Beside api/production's, raised while the fixture was built.
        #expect(state.pendingAlerts.count == 2)
        // Staying failing raises nothing more.
        #expect(Self.failing(&state, secondsAgo: 5).isEmpty)
        _ = DashboardReducer.reduce(&state, DashboardProbesTests.report("api", "staging", "health", .ok, secondsAgo: 2))
        let recovered = DashboardReducer.reduce(&state, DashboardProbesTests.report("api", "staging", "health", .ok, secondsAgo: 1))
        guard case .alert(let recovery)? = recovered.first else {
            Issue.record("expected a recovery, got \(recovered)")
            return
        }
        #expect(recovery.transition == .recovered)
        #expect(state.pendingAlerts.count == 3)
    }

    @Test func theBannerShowsTheNewestAlertUntilAcknowledged() {
        var state = DashboardProbesTests.dashboard()
        // api/production went failing while the dashboard was built: its alert is pending.
        #expect(state.pendingAlerts.map(\.path) == ["api/production/health"])
        _ = Self.failing(&state, secondsAgo: 20)
        _ = Self.failing(&state, secondsAgo: 10)
        let frame = DashboardRendererTests.render(state, 120, 40)
        let status = frame.grid.rowText(39)
        #expect(status.hasPrefix(" ALERT api/staging/health failing: status 503"))
        #expect(status.hasSuffix("+1 more · a ack "))
        #expect(frame.grid[39, 1].role == .statusError)
        // Any key's message goes first; the banner comes back after it.
        _ = DashboardReducer.reduce(&state, .key(.character("a")))
        #expect(state.pendingAlerts.isEmpty)
        #expect(state.message == "acknowledged 2 alerts")
        _ = DashboardReducer.reduce(&state, .key(.character("a")))
        #expect(state.message == "no alert to acknowledge")
        // `a` acknowledges from the Logs pane too: it is not a log view key.
        _ = DashboardReducer.reduce(&state, .key(.character("3")))
        _ = DashboardReducer.reduce(&state, DashboardProbesTests.report("api", "staging", "health", .ok, secondsAgo: 2))
        _ = DashboardReducer.reduce(&state, DashboardProbesTests.report("api", "staging", "health", .ok, secondsAgo: 1))
        #expect(state.pendingAlerts.count == 1)
        _ = DashboardReducer.reduce(&state, .key(.character("a")))
        #expect(state.pendingAlerts.isEmpty)
    }

    @Test func pendingAlertsAreBounded() {
        var state = DashboardProbesTests.dashboard()
        for round in 0..<120 {
            let failing = round % 2 == 0
            for step in 0..<2 {
                _ = DashboardReducer.reduce(&state, DashboardProbesTests.report(
                    "api", "staging", "health", failing ? .failing : .ok, secondsAgo: Double(2000 - round * 4 - step)))
            }
        }
        #expect(state.pendingAlerts.count == DashboardState.pendingAlertLimit)
    }
}
