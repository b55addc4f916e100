import Testing
import OpsCore
@testable import OpsUI

/// The History pane's NOTE column: a Kubernetes revision's change-cause where the pane has room
/// for it, gone first on a narrow pane, absent when no release has a note.
@Suite struct DashboardHistoryNoteTests {
    static let apiProduction = Fleet.key("api", "production")

    /// api/production's history as a Kubernetes provider gives it: change-causes as notes.
    static func dashboardWithNotes() -> DashboardState {
        var state = Fleet.dashboard()
        let releases = [
            Release(id: "3", version: "1.4.2", createdAt: Fleet.ago(3 * 3600), status: .live,
                    note: "kubectl set image deployment/api api=shop/api:1.4.2 · 3/3 pods ready"),
            Release(id: "2", version: "1.4.1", createdAt: Fleet.ago(2 * 86_400), status: .superseded, note: "hotfix \u{1B}[2J"),
            Release(id: "1", version: "1.4.0", createdAt: Fleet.ago(5 * 86_400), status: .superseded),
        ]
        _ = DashboardReducer.reduce(&state, .releasesLoaded(apiProduction, releases, at: Fleet.ago(2)))
        return state
    }

    @Test func at120ColumnsTheNoteFollowsTheStatus() {
        let pane = DashboardHistoryJournalTests.historyPane(Self.dashboardWithNotes(), 120, 30)
        #expect(pane.count > 4)
        #expect(pane[1] == "│  VERSION        WHEN BY      STATUS      NOTE            │")
        #expect(pane[2] == "│● 1.4.2        3h ago -       live        kubectl set ima…│")
        // Text from outside is cleaned like every other cell: the escape byte is shown, not sent.
        #expect(pane[3] == "│  1.4.1        2d ago -       superseded  hotfix \\e[2J    │")
        #expect(!pane.joined().contains("\u{1B}"))
        #expect(!pane[1].contains("DIGEST")) // the note goes before the digest
    }

    @Test func at80ColumnsTheNoteIsDroppedBeforeAnyEssentialColumn() {
        let pane = DashboardHistoryJournalTests.historyPane(Self.dashboardWithNotes(), 80, 24)
        #expect(pane.count > 2)
        #expect(pane[1] == "│  VERSION      WHEN BY     STATUS     │")
        #expect(!pane.joined().contains("kubectl"))
    }

    @Test func wideScreensShowBothTheNoteAndTheDigest() {
        var state = Self.dashboardWithNotes()
        let releases = [Release(id: "3", version: "1.4.2", image: ImageReference("shop/api:1.4.2", digest: Fleet.digestA),
                                createdAt: Fleet.ago(3600), status: .live, note: "deploy")]
        _ = DashboardReducer.reduce(&state, .releasesLoaded(Self.apiProduction, releases, at: Fleet.ago(1)))
        let pane = DashboardHistoryJournalTests.historyPane(state, 240, 40)
        #expect(pane[1].contains("DIGEST") && pane[1].contains("NOTE"))
        #expect(pane[2].contains("4f1c2a9be0d3") && pane[2].contains("deploy"))
    }

    @Test func withoutNotesThePaneLooksAsBefore() {
        var state = Fleet.dashboard()
        let releases = [Release(id: "3", version: "1.4.2", createdAt: Fleet.ago(3600), status: .live)]
        _ = DashboardReducer.reduce(&state, .releasesLoaded(Self.apiProduction, releases, at: Fleet.ago(1)))
        #expect(!DashboardHistoryJournalTests.historyPane(state, 160, 40)[1].contains("NOTE"))
    }

    @Test func theFilterFindsAReleaseByItsNote() {
        var state = Self.dashboardWithNotes()
        _ = DashboardReducer.reduce(&state, .key(.character("2")))
        for key in "/hotfix" { _ = DashboardReducer.reduce(&state, .key(.character(key))) }
        _ = DashboardReducer.reduce(&state, .key(.enter))
        #expect(state.visibleHistory.map(\.id) == ["2"])
    }
}
