import Testing
import OpsCore
@testable import OpsUI

/// `P` and `X`: the two moves of an Argo Rollout canary under way, planned and shown like `d`.
@Suite struct DashboardCanaryTests {
    @Test func pPlansGoingOnPastTheCanarysPause() {
        var state = DashboardActionsTests.dashboard()
        let key = DashboardActionsTests.staging
        #expect(DashboardActionsTests.press("P", on: &state) == [.prepareAction(ActionRequest(key: key, what: .promoteCanaryStep))])
        guard case .planning(let request) = state.dialog?.stage else {
            Issue.record("P did not plan")
            return
        }
        #expect(request.kind == .promote)
        let proposal = ActionProposal(request: request, action: DashboardActionsTests.plan(.promote, key, from: "1.4.0", to: "1.5.0"))
        _ = DashboardReducer.reduce(&state, .actionPrepared(proposal))
        #expect(DashboardActionsTests.screen(state).contains("promote api/staging 1.4.0 -> 1.5.0"))
        #expect(DashboardReducer.reduce(&state, .key(.enter)) == [.runAction(proposal)])
    }

    @Test func xPlansAnAbortAsARollbackToTheStableVersion() {
        var state = DashboardActionsTests.dashboard()
        let key = DashboardActionsTests.staging
        #expect(DashboardActionsTests.press("X", on: &state) == [.prepareAction(ActionRequest(key: key, what: .abortCanary))])
        guard case .planning(let request) = state.dialog?.stage else {
            Issue.record("X did not plan")
            return
        }
        #expect(request.kind == .rollback)
    }

    @Test func aReadOnlyEnvironmentRefusesBoth() {
        for key in ["P", "X"] {
            var state = DashboardActionsTests.dashboard(changes: ChangePolicy(refusal: "read-only (--read-only): no deploy, promote or rollback"))
            #expect(DashboardActionsTests.press(key, on: &state).isEmpty)
            #expect(state.dialog == nil && state.messageIsError && state.message?.contains("read-only") == true)
        }
    }
}
