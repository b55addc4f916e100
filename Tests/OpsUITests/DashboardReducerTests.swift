import Testing
import OpsCore
@testable import OpsUI

/// Every key and action of the dashboard, through the reducer alone.
@Suite struct DashboardReducerTests {
    @discardableResult
    static func press(_ state: inout DashboardState, _ keys: Key...) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        for key in keys { effects += DashboardReducer.reduce(&state, .key(key)) }
        return effects
    }

    @discardableResult
    static func type(_ state: inout DashboardState, _ text: String) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        for character in text { effects += DashboardReducer.reduce(&state, .key(.character(character))) }
        return effects
    }

    /// `:` then the command, then Enter.
    @discardableResult
    static func command(_ state: inout DashboardState, _ text: String) -> [DashboardEffect] {
        press(&state, .character(":"))
        type(&state, text)
        return press(&state, .enter)
    }

    static let apiStaging = Fleet.key("api", "staging")
    static let apiProduction = Fleet.key("api", "production")
    static let webStaging = Fleet.key("web", "staging")

    @Test func theFirstListSelectsTheFirstRowFollowsItsLogsAndLoadsItsHistory() {
        var state = DashboardState(environmentOrder: Fleet.environments)
        #expect(DashboardReducer.reduce(&state, .tick(Fleet.now)).isEmpty)
        #expect(state.now == Fleet.now)
        let effects = DashboardReducer.reduce(&state, .servicesLoaded(Fleet.snapshots, at: Fleet.ago(3)))
        #expect(effects == [.followLogs(Self.apiStaging), .loadReleases(Self.apiStaging)])
        #expect(state.selectedKey == Self.apiStaging)
        #expect(state.services.loadedAt == Fleet.ago(3) && !state.services.isLoading)
        #expect(state.releases[Self.apiStaging]?.isLoading == true)
        #expect(state.logStream == .connecting)
    }

    @Test func servicesSortByServiceThenTheConfiguredEnvironmentOrder() {
        let state = Fleet.dashboard()
        #expect(state.visibleServices.map(\.key.description) == [
            "api/staging", "api/production", "web/staging", "web/production", "worker/staging", "worker/production",
        ])
        // Environments the configuration does not name come after, by name.
        var unordered = DashboardState(environmentOrder: ["staging"])
        let extra = ServiceSnapshot(key: Fleet.key("api", "canary"), provider: "docker")
        _ = DashboardReducer.reduce(&unordered, .servicesLoaded(Fleet.snapshots + [extra], at: Fleet.now))
        #expect(unordered.visibleServices.prefix(3).map(\.key.environment) == ["staging", "canary", "production"])
    }

    @Test func tabShiftTabAndDigitsMoveTheFocus() {
        var state = Fleet.dashboard()
        #expect(state.focus == .services)
        Self.press(&state, .tab)
        #expect(state.focus == .history)
        Self.press(&state, .tab, .tab, .tab)
        #expect(state.focus == .services) // wraps around
        Self.press(&state, .backTab)
        #expect(state.focus == .details)
        for (digit, pane) in [("1", DashboardPane.services), ("2", .history), ("3", .logs), ("4", .details)] {
            Self.press(&state, .character(Character(digit)))
            #expect(state.focus == pane)
        }
        // Tab leaves the Logs pane: the dashboard takes it before the log view.
        Self.press(&state, .character("3"), .tab)
        #expect(state.focus == .details)
    }

    @Test func enterZoomsATablePaneAndEnterOrEscUnzooms() {
        var state = Fleet.dashboard()
        Self.press(&state, .enter)
        #expect(state.zoomed)
        Self.press(&state, .enter)
        #expect(!state.zoomed)
        Self.press(&state, .character("2"), .enter)
        #expect(state.zoomed && state.focus == .history)
        Self.press(&state, .tab) // the zoom follows the focus
        #expect(state.zoomed && state.focus == .logs)
        Self.press(&state, .escape)
        #expect(!state.zoomed)
    }

    @Test func inLogsEnterOpensTheRecordAndZZooms() {
        var state = Fleet.dashboard()
        Self.press(&state, .character("3"), .enter)
        #expect(state.logs.detail == 11 && !state.zoomed)
        Self.press(&state, .character("Z"))
        #expect(state.zoomed)
        Self.press(&state, .escape) // closes the record first, as in the log view
        #expect(state.logs.detail == nil && state.zoomed)
        Self.press(&state, .escape) // nothing of the log view's open: unzooms
        #expect(!state.zoomed)
        Self.press(&state, .character("Z"), .character("Z"))
        #expect(!state.zoomed)
    }

    @Test func movingInServicesFollowsTheNewServiceAndLoadsHistoryOnlyWhenNoneIsAtHand() {
        var state = Fleet.dashboard()
        #expect(state.selectedKey == Self.apiProduction)
        #expect(Self.press(&state, .character("j")) == [.followLogs(Self.webStaging), .loadReleases(Self.webStaging)])
        #expect(Self.press(&state, .character("k")) == [.followLogs(Self.apiProduction)]) // its history is loaded
        #expect(Self.press(&state, .down) == [.followLogs(Self.webStaging)]) // loading already
        Self.press(&state, .up, .up)
        #expect(state.selectedKey == Self.apiStaging)
        #expect(Self.press(&state, .up).isEmpty) // at the top: nothing changes
        Self.press(&state, .character("G"))
        #expect(state.selectedKey == Fleet.key("worker", "production"))
        Self.press(&state, .character("g"))
        #expect(state.selectedKey == Self.apiStaging)
        Self.press(&state, .end)
        #expect(state.selectedKey == Fleet.key("worker", "production"))
        Self.press(&state, .home)
        _ = DashboardReducer.reduce(&state, .viewport(Self.viewport(servicesRows: 2)))
        Self.press(&state, .pageDown)
        #expect(state.selectedKey == Self.webStaging)
        Self.press(&state, .pageDown, .pageDown)
        #expect(state.selectedKey == Fleet.key("worker", "production")) // clamped to the last row
        Self.press(&state, .pageUp)
        #expect(state.selectedKey == Fleet.key("web", "production"))
    }

    static func viewport(servicesRows: Int = 10, historyRows: Int = 10, logsRows: Int = 10,
                         detailsRows: Int = 5) -> DashboardViewport {
        var viewport = DashboardViewport()
        viewport.servicesRows = servicesRows
        viewport.historyRows = historyRows
        viewport.logsRows = logsRows
        viewport.detailsRows = detailsRows
        return viewport
    }

    @Test func historyStartsOnTheLiveReleaseAndMovesByRelease() {
        var state = Fleet.dashboard()
        #expect(state.selectedReleaseID == "12")
        Self.press(&state, .character("2"), .character("j"))
        #expect(state.selectedReleaseID == "11")
        Self.press(&state, .character("G"))
        #expect(state.selectedReleaseID == "10")
        Self.press(&state, .character("k"), .character("g"))
        #expect(state.selectedReleaseID == "12")
        _ = DashboardReducer.reduce(&state, .viewport(Self.viewport(historyRows: 2)))
        Self.press(&state, .pageDown)
        #expect(state.selectedReleaseID == "10")
        Self.press(&state, .pageUp)
        #expect(state.selectedReleaseID == "12")
        // A reload that keeps the selected release keeps the selection.
        Self.press(&state, .character("j"))
        _ = DashboardReducer.reduce(&state, .releasesLoaded(Self.apiProduction, Fleet.apiProductionReleases.reversed(),
                                                             at: Fleet.now))
        #expect(state.selectedReleaseID == "11")
    }

    @Test func detailsScrollWithinItsLines() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .viewport(Self.viewport(detailsRows: 3)))
        let lines = DashboardDetails.lines(for: try! #require(state.selectedService), now: Fleet.now).count
        Self.press(&state, .character("4"), .character("j"))
        #expect(state.detailsScroll == 1)
        Self.press(&state, .character("G"))
        #expect(state.detailsScroll == lines - 3)
        Self.press(&state, .character("j"))
        #expect(state.detailsScroll == lines - 3)
        Self.press(&state, .pageUp, .pageUp, .pageUp)
        #expect(state.detailsScroll == 0)
        Self.press(&state, .pageDown)
        #expect(state.detailsScroll == 3)
        Self.press(&state, .character("g"))
        #expect(state.detailsScroll == 0)
        // Another service starts at its top.
        Self.press(&state, .character("G"), .character("1"), .character("j"))
        #expect(state.detailsScroll == 0)
    }

    @Test func slashFiltersServicesMovingTheSelectionToItsNeighbour() {
        var state = Fleet.dashboard()
        Self.press(&state, .character("/"))
        #expect(state.prompt == .filter(.services))
        Self.type(&state, "WEB ")
        #expect(state.servicesFilter.isEmpty) // applied on Enter, not while typing
        #expect(Self.press(&state, .enter) == [.followLogs(Self.webStaging), .loadReleases(Self.webStaging)])
        #expect(state.servicesFilter == "WEB" && state.prompt == nil)
        #expect(state.visibleServices.map(\.key.service) == ["web", "web"])
        // Image and state are searched too.
        Self.press(&state, .character("/"), .control("u"))
        Self.type(&state, "failed")
        Self.press(&state, .enter)
        #expect(state.visibleServices.map(\.key.description) == ["worker/production"])
        Self.press(&state, .character("/"), .control("u"))
        Self.type(&state, "shop/api:1.5")
        Self.press(&state, .enter)
        #expect(state.visibleServices.map(\.key.description) == ["api/staging"])
        // Esc clears it; the selection stays where it is.
        Self.press(&state, .escape)
        #expect(state.servicesFilter.isEmpty && state.visibleServices.count == 6 && state.selectedKey == Self.apiStaging)
        // Esc in the prompt drops what was typed.
        Self.press(&state, .character("/"))
        Self.type(&state, "web")
        Self.press(&state, .escape)
        #expect(state.prompt == nil && state.servicesFilter.isEmpty)
    }

    @Test func aFilterMatchingNothingSaysSo() {
        var state = Fleet.dashboard()
        Self.press(&state, .character("/"))
        Self.type(&state, "nothing-like-this")
        #expect(Self.press(&state, .enter) == [.followLogs(nil)])
        #expect(state.selectedKey == nil && state.messageIsError)
        #expect(state.message?.contains("no service matches") == true)
    }

    @Test func slashFiltersHistoryAndTheDetailsPaneHasNoFilter() {
        var state = Fleet.dashboard()
        Self.press(&state, .character("2"), .character("/"))
        #expect(state.prompt == .filter(.history))
        Self.type(&state, "bob")
        Self.press(&state, .enter)
        #expect(state.visibleReleases.map(\.id) == ["11"] && state.selectedReleaseID == "11")
        Self.press(&state, .escape)
        #expect(state.visibleReleases.count == 3 && state.selectedReleaseID == "11")
        Self.press(&state, .character("4"), .character("/"))
        #expect(state.prompt == nil && state.messageIsError && state.message == "the Details pane has no filter")
    }

    @Test func envAndSvcCommandsScopeTheTable() {
        var state = Fleet.dashboard()
        #expect(Self.command(&state, "env production").isEmpty) // api/production stays selected
        #expect(state.environmentScope == "production")
        #expect(state.visibleServices.map(\.key.environment) == ["production", "production", "production"])
        #expect(!state.messageIsError)
        Self.command(&state, "env")
        #expect(state.environmentScope == nil && state.visibleServices.count == 6)
        #expect(Self.command(&state, "svc web") == [.followLogs(Self.webStaging), .loadReleases(Self.webStaging)])
        #expect(state.visibleServices.map(\.key.description) == ["web/staging", "web/production"])
        Self.command(&state, "svc")
        #expect(state.serviceScope == nil)
        // A name the fleet does not have is refused, so a typo never empties the screen.
        Self.command(&state, "env prod")
        #expect(state.environmentScope == nil && state.messageIsError)
        #expect(state.message == "no environment 'prod': staging, production")
        Self.command(&state, "svc nope")
        #expect(state.serviceScope == nil && state.message == "no service 'nope': api, web, worker")
    }

    @Test func themeRefreshQuitAndUnknownCommands() {
        var state = Fleet.dashboard()
        #expect(Self.command(&state, "theme light") == [.setTheme("light")])
        #expect(Self.command(&state, "theme").isEmpty && state.messageIsError)
        #expect(state.message?.hasPrefix("theme takes a name: default, light, high-contrast, mono") == true)
        #expect(Self.command(&state, "refresh") == [.refresh, .loadReleases(Self.apiProduction)])
        #expect(Self.command(&state, "q") == [.quit])
        #expect(Self.command(&state, "bogus arg").isEmpty)
        #expect(state.messageIsError && state.message?.hasPrefix("unknown command 'bogus': env NAME") == true)
        #expect(Self.command(&state, "").isEmpty && state.message == nil)
        // The next key clears the message.
        Self.command(&state, "bogus")
        Self.press(&state, .character("x"))
        #expect(state.message == nil)
    }

    @Test func rAndTheRefreshActionReloadServicesAndTheSelectedHistory() {
        var state = Fleet.dashboard()
        #expect(Self.press(&state, .character("r")) == [.refresh, .loadReleases(Self.apiProduction)])
        #expect(state.services.isLoading && state.releases[Self.apiProduction]?.isLoading == true)
        #expect(state.services.value?.count == 6) // the data stays while it reloads
        var empty = DashboardState()
        #expect(DashboardReducer.reduce(&empty, .refresh) == [.refresh])
        #expect(empty.services.isLoading)
    }

    @Test func helpOpensScrollsAndCloses() {
        var state = Fleet.dashboard()
        Self.press(&state, .character("?"))
        #expect(state.showingHelp)
        Self.press(&state, .character("j"), .character("j"), .character("k"))
        #expect(state.helpScroll == 1 && state.selectedKey == Self.apiProduction) // keys scroll the help only
        Self.press(&state, .pageDown)
        #expect(state.helpScroll > 1)
        Self.press(&state, .pageUp, .pageUp)
        #expect(state.helpScroll == 0)
        Self.press(&state, .escape)
        #expect(!state.showingHelp)
        Self.press(&state, .character("?"))
        #expect(Self.press(&state, .character("q")).isEmpty && !state.showingHelp) // q closes the help first
        Self.press(&state, .character("?"), .character("?"))
        #expect(!state.showingHelp)
    }

    @Test func qQuitsFromEveryPane() {
        for pane in DashboardPane.allCases {
            var state = Fleet.dashboard()
            Self.press(&state, .character(Character(String(pane.rawValue))))
            #expect(Self.press(&state, .character("q")) == [.quit], "\(pane)")
        }
    }

    @Test func theClockOnlyMovesWithTicks() {
        var state = Fleet.dashboard()
        #expect(DashboardText.freshness(state.services, now: state.now, ellipsis: "…") == "3s ago")
        _ = DashboardReducer.reduce(&state, .tick(Fleet.ago(-120)))
        #expect(DashboardText.freshness(state.services, now: state.now, ellipsis: "…") == "2m ago")
    }

    @Test func failuresKeepTheLastGoodDataMarkedStale() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .servicesFailed("docker: Cannot connect", at: Fleet.ago(1)))
        #expect(state.services.isStale && state.services.value?.count == 6)
        #expect(state.selectedKey == Self.apiProduction)
        _ = DashboardReducer.reduce(&state, .releasesFailed(Self.apiProduction, "Unauthorized", at: Fleet.ago(1)))
        #expect(state.releases[Self.apiProduction]?.isStale == true && state.visibleReleases.count == 3)
        #expect(DashboardText.freshness(state.services, now: state.now, ellipsis: "…")
                == "failed 1s ago, stale data from 3s ago")
        // The next success clears the failure.
        _ = DashboardReducer.reduce(&state, .servicesLoaded(Fleet.snapshots, at: Fleet.now))
        #expect(state.services.failure == nil && !state.services.isStale)
        // A history failing for another service does not touch this one.
        _ = DashboardReducer.reduce(&state, .releasesFailed(Self.webStaging, "boom", at: Fleet.now))
        #expect(state.releases[Self.webStaging]?.failure?.message == "boom" && state.releases[Self.webStaging]?.value == nil)
    }

    @Test func logRecordsOfAnotherServiceAreDropped() {
        var state = Fleet.dashboard()
        #expect(state.logs.store.count == 12 && state.logStream == .streaming(lastBatchAt: Fleet.now))
        _ = DashboardReducer.reduce(&state, .logRecords(Fleet.logRecords(5), for: Self.webStaging))
        #expect(state.logs.store.count == 12)
        _ = DashboardReducer.reduce(&state, .logsFailed(Self.webStaging, "gone", at: Fleet.now))
        _ = DashboardReducer.reduce(&state, .logsEnded(Self.webStaging, at: Fleet.now))
        #expect(state.logStream == .streaming(lastBatchAt: Fleet.now))
        _ = DashboardReducer.reduce(&state, .logsEnded(Self.apiProduction, at: Fleet.now))
        #expect(state.logStream == .ended(at: Fleet.now))
        _ = DashboardReducer.reduce(&state, .logsFailed(Self.apiProduction, "EOF", at: Fleet.now))
        #expect(state.logStream == .failed(SourceFailure(message: "EOF", at: Fleet.now)))
        #expect(state.logs.store.count == 12) // the records stay
    }

    @Test func viewportsReachTheLogView() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .viewport(Self.viewport(logsRows: 7)))
        #expect(state.logs.pageRows == 7 && state.viewport.logsRows == 7)
    }

    @Test func noticesFromTheRuntimeShowUntilTheNextKey() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .notice("theme 'x' not found", isError: true))
        #expect(state.message == "theme 'x' not found" && state.messageIsError)
        Self.press(&state, .character("j"))
        #expect(state.message == nil)
    }

    @Test func resizeAndUnboundKeysDoNothing() {
        var state = Fleet.dashboard()
        let before = state.selectedKey
        #expect(Self.press(&state, .resize, .function(5), .character("x"), .control("z")).isEmpty)
        #expect(state.selectedKey == before && state.focus == .services && !state.zoomed)
    }
}
