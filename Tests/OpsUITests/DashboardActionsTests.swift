import Foundation
import Testing
import OpsCore
@testable import OpsUI

/// `d`, `p`, `R`: the dialog from the request to the yes, the progress box, the watch window and
/// auto_rollback, quitting during an action, and what refuses.
@Suite struct DashboardActionsTests {
    static let staging = Fleet.key("api", "staging")
    static let production = Fleet.key("api", "production")

    static func dashboard(changes: ChangePolicy = ChangePolicy(), probes: [Probe] = []) -> DashboardState {
        var state = DashboardState(environmentOrder: Fleet.environments, probes: probes, changes: changes)
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(Fleet.snapshots, at: Fleet.ago(3)))
        return state
    }

    static func plan(_ kind: ActionPlan.Kind, _ key: ServiceKey, from: String = "1.4.0", to: String = "1.5.0") -> PreparedAction {
        PreparedAction(plan: ActionPlan(kind: kind, key: key, from: from, to: to, steps: [
            ActionPlan.Step("swap the container", Command("docker", ["run", "-d", "api:\(to)"])),
            ActionPlan.Step("wait until it is healthy", Command("opsdeck", ["docker-wait"])),
        ]))
    }

    static func press(_ keys: String, on state: inout DashboardState) -> [DashboardEffect] {
        keys.flatMap { DashboardReducer.reduce(&state, .key(.character($0))) }
    }

    static func screen(_ state: DashboardState, columns: Int = 120, rows: Int = 40) -> String {
        DashboardRenderer.render(state, size: Size(columns: columns, rows: rows)).grid.text
    }

    @Test func deployPicksAVersionPlansItAndRunsItOnYes() throws {
        var state = Self.dashboard()
        #expect(state.selectedKey == Self.staging)
        #expect(Self.press("d", on: &state) == [.loadVersions(Self.staging)])
        _ = DashboardReducer.reduce(&state, .versionsLoaded(Self.staging, ["1.5.0", "1.4.0", "1.3.2"], at: Fleet.now))
        #expect(Self.screen(state).contains("1.3.2"))
        _ = DashboardReducer.reduce(&state, .key(.down))
        let request = ActionRequest(key: Self.staging, what: .deploy(version: "1.4.0"))
        #expect(DashboardReducer.reduce(&state, .key(.enter)) == [.prepareAction(request)])
        #expect(Self.screen(state).contains("planning"))

        let proposal = ActionProposal(request: request, action: Self.plan(.deploy, Self.staging, to: "1.4.0"))
        _ = DashboardReducer.reduce(&state, .actionPrepared(proposal))
        let dialog = Self.screen(state)
        #expect(dialog.contains("deploy api/staging 1.4.0 -> 1.4.0"))
        #expect(dialog.contains("$ docker run -d api:1.4.0"))
        #expect(dialog.contains("y / Enter run it"))
        #expect(Self.press("y", on: &state) == [.runAction(proposal)])
        #expect(state.dialog == nil)
        #expect(state.running?.isRunning == true)
    }

    @Test func typingAVersionFiltersTheListAndAnUnlistedOneIsDeployedAsTyped() {
        var state = Self.dashboard()
        _ = Self.press("d", on: &state)
        _ = DashboardReducer.reduce(&state, .versionsLoaded(Self.staging, ["1.5.0", "1.4.0"], at: Fleet.now))
        _ = Self.press("2.0.0-rc1", on: &state)
        #expect(state.dialog?.offeredVersions == [])
        #expect(DashboardReducer.reduce(&state, .key(.enter))
            == [.prepareAction(ActionRequest(key: Self.staging, what: .deploy(version: "2.0.0-rc1")))])
    }

    @Test func aProtectedEnvironmentWantsTheNameTypedAndARedGateWantsOverride() {
        var state = Self.dashboard()
        let request = ActionRequest(key: Self.production, what: .promote(from: Self.staging))
        _ = DashboardReducer.reduce(&state, .key(.character("p")))
        let red = PromotionGate(name: "soak", passed: false, detail: "has run in staging for 5m, needs 30m")
        let proposal = ActionProposal(request: request, action: Self.plan(.promote, Self.production), gates: [red],
                                      protected: true)
        #expect(proposal.phrase == "override api")
        // The request the dialog waits for carries the gates the dashboard judged; answer it.
        guard case .planning(let asked) = state.dialog?.stage else {
            Issue.record("p did not plan")
            return
        }
        var answered = proposal
        answered.request = asked
        _ = DashboardReducer.reduce(&state, .actionPrepared(answered))
        let dialog = Self.screen(state)
        #expect(dialog.contains("production is protected"))
        #expect(dialog.contains("soak: has run in staging for 5m, needs 30m"))
        #expect(dialog.contains("type 'override api' then Enter"))
        // y and Enter alone do not run it.
        #expect(Self.press("y", on: &state).isEmpty)
        #expect(DashboardReducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.message?.contains("type 'override api'") == true)
        #expect(state.dialog?.input.text == "")
        _ = Self.press("override api", on: &state)
        #expect(DashboardReducer.reduce(&state, .key(.enter)) == [.runAction(answered)])
    }

    @Test func escapeDropsAPlanAndLetsGoOfWhatItHolds() {
        var state = Self.dashboard()
        _ = Self.press("R", on: &state)
        guard case .planning(let request) = state.dialog?.stage else {
            Issue.record("R did not plan")
            return
        }
        #expect(request == ActionRequest(key: Self.staging, what: .rollback(to: nil)))
        let proposal = ActionProposal(request: request, action: Self.plan(.rollback, Self.staging, from: "1.5.0", to: "1.4.0"))
        _ = DashboardReducer.reduce(&state, .actionPrepared(proposal))
        #expect(DashboardReducer.reduce(&state, .key(.escape)) == [.dropAction(proposal)])
        #expect(state.dialog == nil)
        // A plan arriving after its dialog was closed is let go of at once.
        _ = Self.press("R", on: &state)
        _ = DashboardReducer.reduce(&state, .key(.escape))
        #expect(DashboardReducer.reduce(&state, .actionPrepared(proposal)) == [.dropAction(proposal)])
    }

    @Test func promotingTheLastEnvironmentAndChangingAReadOnlyOneAreRefused() {
        var state = Self.dashboard(changes: ChangePolicy(readOnlyEnvironments: ["production"]))
        _ = DashboardReducer.reduce(&state, .key(.character("j")))
        #expect(state.selectedKey == Self.production)
        #expect(Self.press("d", on: &state).isEmpty)
        #expect(state.message?.contains("production is read-only") == true)
        _ = DashboardReducer.reduce(&state, .key(.character("k")))
        #expect(Self.press("p", on: &state).isEmpty)
        #expect(state.message?.contains("read-only") == true)

        var discovered = Self.dashboard(changes: .none)
        #expect(Self.press("dpR", on: &discovered).isEmpty)
        #expect(discovered.message?.contains("no configuration") == true)
    }

    @Test func aPlanThatFailsSaysWhyAndNothingRuns() {
        var state = Self.dashboard()
        _ = Self.press("R", on: &state)
        _ = DashboardReducer.reduce(&state, .actionPlanFailed(ActionRequest(key: Self.staging, what: .rollback(to: nil)),
                                                              "no release older than 1.5.0 that did not fail"))
        let screen = Self.screen(state)
        #expect(screen.contains("cannot plan"))
        #expect(screen.contains("no release older than 1.5.0"))
        #expect(DashboardReducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(state.dialog == nil)
    }

    @Test func theProgressBoxShowsStepsAndOutputAndEscHidesItWhileItRuns() {
        var state = Self.dashboard()
        let proposal = ActionProposal(request: ActionRequest(key: Self.staging, what: .deploy(version: "1.5.0")),
                                      action: Self.plan(.deploy, Self.staging))
        _ = DashboardReducer.reduce(&state, .actionPrepared(proposal))  // no dialog waits: dropped
        state.dialog = ActionDialog(.confirming(proposal))
        _ = Self.press("y", on: &state)
        _ = DashboardReducer.reduce(&state, .actionEvent(.progress(.stepStarted(index: 0, count: 2, summary: "swap the container",
                                                                                 commandLine: "docker run -d api:1.5.0"))))
        _ = DashboardReducer.reduce(&state, .actionEvent(.progress(.output(index: 0, line: "f00dfeed"))))
        var screen = Self.screen(state)
        #expect(screen.contains("step 1/2"))
        #expect(screen.contains("$ docker run -d api:1.5.0"))
        #expect(screen.contains("f00dfeed"))
        #expect(screen.contains("Esc hides it"))
        _ = DashboardReducer.reduce(&state, .key(.escape))
        screen = Self.screen(state)
        #expect(!screen.contains("f00dfeed"))
        #expect(screen.contains("(o shows it)"))
        // Another action cannot start while one runs.
        #expect(Self.press("d", on: &state).isEmpty)
        #expect(state.message?.contains("still running") == true)
        _ = Self.press("o", on: &state)
        #expect(Self.screen(state).contains("f00dfeed"))
    }

    @Test func qDuringAnActionStopsItAfterItsStepAndQuitsWhenItHasEnded() {
        var state = Self.dashboard()
        let proposal = ActionProposal(request: ActionRequest(key: Self.staging, what: .deploy(version: "1.5.0")),
                                      action: Self.plan(.deploy, Self.staging))
        state.dialog = ActionDialog(.confirming(proposal))
        _ = Self.press("y", on: &state)
        #expect(Self.press("q", on: &state) == [.stopAction])
        #expect(state.message?.contains("then quitting") == true)
        let report = ActionReport(id: "a1", key: Self.staging, kind: .deploy, outcome: .cancelled, steps: [],
                                  durationMilliseconds: 900)
        let effects = DashboardReducer.reduce(&state, .actionEnded(ActionRun.Outcome(report: report), at: Fleet.now))
        #expect(effects.first == .quit)
    }

    // MARK: - The watch window

    static let healthProbe = Probe(id: ProbeID(service: "api", environment: "staging", name: "health"),
                                   config: ProbeConfig(name: "health", check: .http(.init(url: "http://127.0.0.1:1/health")),
                                                       interval: .seconds(5), timeout: .seconds(2), consecutive: 1))

    static func health(_ state: ProbeState, secondsAgo: Double) -> DashboardAction {
        .probeResult(ProbeReport(probe: healthProbe.id,
                                 result: ProbeResult(state: state, latency: .milliseconds(5),
                                                     failedCondition: state == .failing ? "status 503" : nil,
                                                     at: Date(timeIntervalSince1970: 1_795_860_000 - secondsAgo))))
    }

    static func deployed(autoRollback: Bool) -> DashboardState {
        var state = Self.dashboard(probes: [healthProbe])
        _ = DashboardReducer.reduce(&state, health(.ok, secondsAgo: 30))
        let proposal = ActionProposal(request: ActionRequest(key: staging, what: .deploy(version: "1.5.0")),
                                      action: plan(.deploy, staging), autoRollback: autoRollback, watch: .seconds(300))
        state.dialog = ActionDialog(.confirming(proposal))
        _ = press("y", on: &state)
        let report = ActionReport(id: "a1", key: staging, kind: .deploy, outcome: .ok, steps: [], durationMilliseconds: 4000)
        _ = DashboardReducer.reduce(&state, .actionEnded(ActionRun.Outcome(report: report), at: Fleet.now))
        return state
    }

    @Test func aProbeFailingAfterADeployRaisesTheBannerAndROffersTheRollback() {
        var state = Self.deployed(autoRollback: false)
        #expect(state.watch?.worse == nil)
        _ = DashboardReducer.reduce(&state, .key(.escape))  // the progress box, and the message of its end
        #expect(Self.screen(state).contains("watching api/staging after deploy 1.5.0"))
        let effects = DashboardReducer.reduce(&state, Self.health(.failing, secondsAgo: 1))
        #expect(Self.planned(effects).isEmpty)
        #expect(state.watch?.worse == "probe health failing")
        let screen = Self.screen(state)
        #expect(screen.contains("api/staging worse since deploy 1.5.0: probe health failing"))
        #expect(screen.contains("R rolls back to 1.4.0"))
        #expect(Self.press("R", on: &state)
            == [.prepareAction(ActionRequest(key: Self.staging, what: .rollback(to: "1.4.0")))])
    }

    @Test func autoRollbackRollsBackByItselfAndSaysSo() {
        var state = Self.deployed(autoRollback: true)
        let request = ActionRequest(key: Self.staging, what: .rollback(to: "1.4.0"), automatic: true)
        #expect(Self.planned(DashboardReducer.reduce(&state, Self.health(.failing, secondsAgo: 1))) == [.prepareAction(request)])
        #expect(state.dialog == nil)
        let proposal = ActionProposal(request: request, action: Self.plan(.rollback, Self.staging, from: "1.5.0", to: "1.4.0"))
        #expect(DashboardReducer.reduce(&state, .actionPrepared(proposal)) == [.runAction(proposal)])
        #expect(state.message?.contains("auto_rollback: rollback api/staging 1.5.0 -> 1.4.0") == true)
    }

    @Test func worseWhileTheActionRanIsCaughtAtItsEnd() {
        var state = Self.dashboard(probes: [Self.healthProbe])
        _ = DashboardReducer.reduce(&state, Self.health(.ok, secondsAgo: 30))
        let proposal = ActionProposal(request: ActionRequest(key: Self.staging, what: .deploy(version: "1.5.0")),
                                      action: Self.plan(.deploy, Self.staging), autoRollback: true)
        state.dialog = ActionDialog(.confirming(proposal))
        _ = Self.press("y", on: &state)
        // The new version fails before the plan's last step is done.
        _ = DashboardReducer.reduce(&state, Self.health(.failing, secondsAgo: 2))
        let report = ActionReport(id: "a1", key: Self.staging, kind: .deploy, outcome: .ok, steps: [], durationMilliseconds: 4000)
        let effects = DashboardReducer.reduce(&state, .actionEnded(ActionRun.Outcome(report: report), at: Fleet.now))
        #expect(state.watch?.worse == "probe health failing")
        #expect(effects.contains(.followLogs(Self.staging)), "the new replicas' logs are followed")
        #expect(Self.planned(effects)
            == [.prepareAction(ActionRequest(key: Self.staging, what: .rollback(to: "1.4.0"), automatic: true))])
    }

    @Test func nothingWorseOnceTheWindowHasClosed() {
        var state = Self.deployed(autoRollback: true)
        _ = DashboardReducer.reduce(&state, .tick(LogTimestamp(secondsSinceEpoch: 1_795_860_000 + 301)))
        #expect(state.watch == nil)
        #expect(Self.planned(DashboardReducer.reduce(&state, Self.health(.failing, secondsAgo: 1))).isEmpty)
    }

    /// The effects that plan an action (a probe failing also raises its alert).
    static func planned(_ effects: [DashboardEffect]) -> [DashboardEffect] {
        effects.filter { if case .prepareAction = $0 { true } else { false } }
    }
}
