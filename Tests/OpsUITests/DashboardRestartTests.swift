import Testing
import OpsCore
@testable import OpsUI

/// `S`: a restart of the selected service, planned and shown like `d`, `p` and `R`.
@Suite struct DashboardRestartTests {
    @Test func sPlansARestartOfTheSelectedServiceAndRunsItOnYes() {
        var state = DashboardActionsTests.dashboard()
        let key = DashboardActionsTests.staging
        #expect(DashboardActionsTests.press("S", on: &state) == [.prepareAction(ActionRequest(key: key, what: .restart))])
        guard case .planning(let request) = state.dialog?.stage else {
            Issue.record("S did not plan")
            return
        }
        #expect(request.kind == .restart)
        let proposal = ActionProposal(request: request, action: DashboardActionsTests.plan(.restart, key, from: "1.4.0", to: "1.4.0"))
        _ = DashboardReducer.reduce(&state, .actionPrepared(proposal))
        #expect(DashboardActionsTests.screen(state).contains("restart api/staging 1.4.0 -> 1.4.0"))
        #expect(DashboardReducer.reduce(&state, .key(.enter)) == [.runAction(proposal)])
    }

    @Test func aReadOnlyEnvironmentRefusesIt() {
        var state = DashboardActionsTests.dashboard(changes: ChangePolicy(refusal: "read-only (--read-only): no deploy, promote or rollback"))
        #expect(DashboardActionsTests.press("S", on: &state).isEmpty)
        #expect(state.dialog == nil && state.messageIsError && state.message?.contains("read-only") == true)
    }
}
