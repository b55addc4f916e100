import Testing
import OpsCore
@testable import OpsUI

/// The dashboard as text: whole screens of the realistic fleet, then the parts that matter on
/// their own (colours by state, failures, small screens, hostile names).
@Suite struct DashboardRendererTests {
    /// The screen's rows without their trailing spaces (the snapshots below are typed that way).
    static func screen(_ grid: CellGrid) -> String {
        (0..<grid.size.rows).map { row in
            var text = grid.rowText(row)
            while text.last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n")
    }

    static func render(_ state: DashboardState, _ columns: Int, _ rows: Int,
                       style: BoxStyle = .unicode) -> DashboardRenderer.Frame {
        DashboardRenderer.render(state, size: Size(columns: columns, rows: rows), style: style)
    }

    @Test func at80x24ServicesHistoryDetailsAndLogsAllFit() {
        let frame = Self.render(Fleet.dashboard(), 80, 24)
        #expect(Self.screen(frame.grid) == """
            ┌─ 1 Services · 3s ago · 6 ────────────────────────────────────────────────────┐
            │SERVICE          ENV        VERSION          STATE    HEALTH       UP RST  AGE│
            │api              staging    1.5.0-rc.1       running  healthy     1/1   0   2h│
            │api              production 1.4.2            running  healthy     3/3   4   3h│
            │web              staging    deployment-01JD  running  failing     1/1   2  45m│
            │web              production deployment-01JC  running  healthy     2/2   0   2d│
            │worker           staging    2.0.1            running  -           1/1   0  20m│
            │worker           production 2.0.1            failed   failing     0/2  12  10m│
            └──────────────────────────────────────────────────────────────────────────────┘
            ┌─ 2 History · api/production · 2s ago ┐┌─ 4 Details · api/production · kuber… ┐
            │  VERSION      WHEN BY     STATUS     ││ image    registry.example.com/shop/a…│
            │● 1.4.2      3h ago alice  live       ││ digest   sha256:4f1c2a9be0d36a71c5e8…│
            │  1.4.1      2d ago bob    superseded ││ commit   9f3c2a1 · updated 3h ago    │
            │  1.4.0      5d ago -      failed     ││ replicas 3 up of 3 wanted            │
            │                                      ││   api-7d9c5-x1  running  healthy   0…│
            └──────────────────────────────────────┘└──────────────────────────────────────┘
            ┌─ 3 Logs · api/production · 12 of 12 records · 0s ago ────────────────────────┐
            │2026-11-28T09:58:27.000Z WARN   api-7d9c5-x2 GET /orders/7 done status=200    │
            │2026-11-28T09:58:28.000Z ERROR  api-7d9c5-x1 GET /orders/8 done status=500    │
            │2026-11-28T09:58:29.000Z DEBUG  api-7d9c5-x2 GET /orders/9 done status=200    │
            │2026-11-28T09:58:30.000Z INFO   api-7d9c5-x1 GET /orders/10 done status=200   │
            │2026-11-28T09:58:31.000Z INFO   api-7d9c5-x2 GET /orders/11 done status=200   │
            └──────────────────────────────────────────────────────────────────────────────┘
             SERVICES                                                           2/6  ? help
            """)
        #expect(frame.cursor == nil)
    }

    @Test func at160x48ServicesAndHistorySitSideBySideOverTheDetailsStrip() {
        let frame = Self.render(Fleet.failingDashboard(), 160, 48)
        #expect(Self.screen(frame.grid) == """
            ┌─ 1 Services · 3s ago · 6 ────────────────────────────────────────────────────────────────────┐┌─ 2 History · worker/production · 5s ago ─────────────────────┐
            │SERVICE            ENV        PROVIDER   VERSION             STATE    HEALTH       UP RST  AGE││  VERSION         DIGEST           WHEN BY         STATUS     │
            │api                staging    docker     1.5.0-rc.1          running  healthy     1/1   0   2h││  2.0.1           9a8b7c6d5e4f  10m ago ci-bot     rolling out│
            │api                production kubernetes 1.4.2               running  healthy     3/3   4   3h││● 2.0.0           4f1c2a9be0d3   9d ago carol      live       │
            │web                staging    fly        deployment-01JD     running  failing     1/1   2  45m││                                                              │
            │web                production fly        deployment-01JC     running  healthy     2/2   0   2d││                                                              │
            │worker             staging    docker     2.0.1               running  -           1/1   0  20m││                                                              │
            │worker             production kubernetes 2.0.1               failed   failing     0/2  12  10m││                                                              │
            └──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
            ┌─ 4 Details · worker/production · kubernetes ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
            │ image    registry.example.com/shop/worker:2.0.1                                                                                                              │
            │ digest   sha256:9a8b7c6d5e4f30211f2e3d4c5b6a79880716253443526170819a2b3c4d5e6f70                                                                             │
            │ commit   77e1f0c · updated 10m ago                                                                                                                           │
            │ note     ProgressDeadlineExceeded                                                                                                                            │
            │ replicas 0 up of 2 wanted                                                                                                                                    │
            │   worker-5f6d8-abcde  failed   unhealthy 12 restarts  exit 137  CrashLoopBackOff                                                                             │
            └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
            ┌─ 3 Logs · worker/production · 3 of 3 records · 0s ago ───────────────────────────────────────────────────────────────────────────────────────────────────────┐
            │2026-11-28T09:58:50.000Z INFO   worker-5f6d8-abcde starting worker queue=orders                                                                               │
            │2026-11-28T09:58:51.000Z WARN   worker-5f6d8-abcde redis slow to answer ms=950                                                                                │
            │2026-11-28T09:58:52.000Z FATAL  worker-5f6d8-abcde out of memory error.type=OOMError error.message="heap limit reached"  (+1 lines)                           │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            │                                                                                                                                                              │
            └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
             SERVICES                                                                                                                                           6/6  ? help
            """)
    }

    /// The column at which `text` starts on `row`, counting cells (a wide character's two).
    static func column(of text: String, row: Int, in grid: CellGrid) -> Int? {
        let cells = Array(grid.row(row))
        let wanted = Array(text).map(String.init)
        guard wanted.count <= cells.count else { return nil }
        for start in 0...(cells.count - wanted.count) where cells[start].text == wanted[0] {
            var index = start, matched = 0
            while matched < wanted.count, index < cells.count {
                if cells[index].isContinuation { index += 1; continue }
                guard cells[index].text == wanted[matched] else { break }
                matched += 1
                index += 1
            }
            if matched == wanted.count { return start }
        }
        return nil
    }

    static func role(of text: String, row: Int, in grid: CellGrid) -> Role? {
        column(of: text, row: row, in: grid).map { grid[row, $0].role }
    }

    @Test func statesAreDrawnInTheirRoles() {
        let grid = Self.render(Fleet.dashboard(), 80, 24).grid
        // api/staging: well, so calm but for its state.
        #expect(Self.role(of: "api", row: 2, in: grid) == .text)
        #expect(Self.role(of: "running", row: 2, in: grid) == .statusRunning)
        #expect(Self.role(of: "healthy", row: 2, in: grid) == .statusRunning)
        // api/production is selected: the whole row in the selection role.
        #expect((1..<79).allSatisfy { grid[3, $0].role == .selection })
        // web/staging runs but is unhealthy (the column rolls it up: failing) and restarted.
        #expect(Self.role(of: "web", row: 4, in: grid) == .statusDegraded)
        #expect(Self.role(of: "failing", row: 4, in: grid) == .statusFailed)
        let restarts = (Self.column(of: "1/1   2", row: 4, in: grid) ?? 0) + 6
        #expect(grid[4, restarts].text == "2" && grid[4, restarts].role == .statusDegraded)
        // worker/production is down.
        #expect(Self.role(of: "worker", row: 7, in: grid) == .statusFailed)
        #expect(Self.role(of: "failed", row: 7, in: grid) == .statusFailed)
        #expect(Self.role(of: "0/2", row: 7, in: grid) == .statusFailed)
        #expect(Self.role(of: "12", row: 7, in: grid) == .statusDegraded)
        // worker/staging has no health check.
        #expect(Self.role(of: "-", row: 6, in: grid) == .dim)
        // History: the live release is marked and coloured; a failed one is red.
        #expect(Self.role(of: "● 1.4.2", row: 11, in: grid) == .selection) // selected: the live one
        #expect(Self.role(of: "failed", row: 13, in: grid) == .statusFailed)
        // The focused pane's border.
        #expect(grid[0, 0].role == .paneBorderFocused && grid[9, 0].role == .paneBorder)
    }

    @Test func theDetailsOfAFailingServiceShowItsNoteExitCodeAndPlatformWords() {
        let grid = Self.render(Fleet.failingDashboard(), 160, 48).grid
        let row = (0..<48).first { grid.rowText($0).contains("worker-5f6d8-abcde  failed") } ?? 0
        #expect(Self.role(of: "exit 137", row: row, in: grid) == .statusFailed)
        #expect(Self.role(of: "12 restarts", row: row, in: grid) == .statusDegraded)
        #expect(Self.role(of: "CrashLoopBackOff", row: row, in: grid) == .dim)
        let note = (0..<48).first { grid.rowText($0).contains("note     ProgressDeadlineExceeded") } ?? 0
        #expect(Self.role(of: "ProgressDeadlineExceeded", row: note, in: grid) == .statusDegraded)
    }

    @Test func aFailedSourceShowsItsErrorAboveTheStaleDataWhileOtherPanesGoOn() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .servicesFailed(
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n\nIs the docker daemon running?\nthird\nfourth",
            at: Fleet.ago(1)))
        let grid = Self.render(state, 160, 48).grid
        #expect(grid.rowText(0).hasPrefix("┌─ 1 Services · failed 1s ago, stale data from 3s ago · 6 ─"))
        #expect(grid.rowText(1).hasPrefix("│ Cannot connect to the Docker daemon at unix:///var/run/docker.sock."))
        #expect(grid.rowText(2).hasPrefix("│ Is the docker daemon running?"))
        #expect(Self.role(of: "Cannot", row: 1, in: grid) == .statusFailed)
        #expect(!Self.screen(grid).contains("fourth")) // the first lines only
        #expect(Self.screen(grid).contains("SERVICE") && Self.screen(grid).contains("worker"))
        #expect(Self.screen(grid).contains("┌─ 2 History · api/production · 2s ago"))
        #expect(Self.screen(grid).contains("4 Details · api/production · kubernetes · stale"))
        #expect(Self.screen(grid).contains("GET /orders/11 done"))
    }

    @Test func aSourceThatNeverLoadedShowsOnlyItsError() {
        var state = DashboardState(environmentOrder: Fleet.environments)
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        _ = DashboardReducer.reduce(&state, .refresh)
        #expect(Self.screen(Self.render(state, 80, 24).grid).contains("│ loading services…"))
        #expect(Self.render(state, 80, 24).grid.rowText(0).hasPrefix("┌─ 1 Services · loading… ─"))
        _ = DashboardReducer.reduce(&state, .servicesFailed("kubectl: error: You must be logged in to the server (Unauthorized)",
                                                            at: Fleet.ago(4)))
        let text = Self.screen(Self.render(state, 80, 24).grid)
        #expect(text.contains("┌─ 1 Services · failed 4s ago ─"))
        #expect(text.contains("│ kubectl: error: You must be logged in to the server (Unauthorized)"))
        #expect(!text.contains("SERVICE "))
        #expect(text.contains("│ no service selected"))
    }

    @Test func historyAndLogsFailuresStayInTheirPanes() {
        var state = Fleet.dashboard()
        let key = Fleet.key("api", "production")
        _ = DashboardReducer.reduce(&state, .releasesFailed(key, "Error from server (Forbidden): replicasets.apps is forbidden",
                                                            at: Fleet.ago(1)))
        _ = DashboardReducer.reduce(&state, .logsFailed(key, "error: unexpected EOF", at: Fleet.ago(1)))
        let text = Self.screen(Self.render(state, 200, 50).grid)
        #expect(text.contains("2 History · api/production · failed 1s ago, stale data from 2s ago"))
        #expect(text.contains("│ Error from server (Forbidden): replicasets.apps is forbidden"))
        #expect(text.contains("1.4.1")) // the stale history stays
        #expect(text.contains("3 Logs · api/production · 12 of 12 records · failed 1s ago"))
        #expect(text.contains("│ error: unexpected EOF"))
        #expect(text.contains("1 Services · 3s ago · 6"))
        // A history not loaded yet says so; an empty one too.
        var other = Fleet.dashboard()
        _ = DashboardReducer.reduce(&other, .key(.character("j")))
        #expect(Self.screen(Self.render(other, 80, 24).grid).contains("│ loading history…"))
        _ = DashboardReducer.reduce(&other, .releasesLoaded(Fleet.key("web", "staging"), [], at: Fleet.now))
        #expect(Self.screen(Self.render(other, 80, 24).grid).contains("│ no releases known"))
        #expect(Self.screen(Self.render(other, 80, 24).grid).contains("waiting for records…"))
    }

    @Test func theTitleTellsHowFreshEachPaneIs() {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .tick(Fleet.ago(-57)))
        var text = Self.screen(Self.render(state, 160, 48).grid)
        #expect(text.contains("1 Services · 1m ago · 6"))
        #expect(text.contains("2 History · api/production · 59s ago"))
        #expect(text.contains("3 Logs · api/production · 12 of 12 records · 57s ago"))
        _ = DashboardReducer.reduce(&state, .key(.character("r")))
        text = Self.screen(Self.render(state, 160, 48).grid)
        #expect(text.contains("1 Services · 1m ago, refreshing… · 6"))
        _ = DashboardReducer.reduce(&state, .logsEnded(Fleet.key("api", "production"), at: Fleet.ago(-50)))
        #expect(Self.screen(Self.render(state, 160, 48).grid).contains("12 of 12 records · ended 7s ago"))
    }

    @Test func discoveryModeSaysSoInOneLine() {
        var state = Fleet.dashboard(discovery: true)
        #expect(Self.render(state, 200, 50).grid.rowText(0).hasPrefix(
            " discovery: no opsdeck.yml — showing every container of the local engine; write one: opsdeck config check --help"))
        #expect(Self.render(state, 80, 24).grid.rowText(0).hasPrefix(
            " discovery (no opsdeck.yml): local containers — opsdeck config check --help"))
        #expect(Self.render(state, 40, 10).grid.rowText(0).hasPrefix(" discovery: no opsdeck.yml"))
        #expect(Self.render(state, 80, 24).grid[0, 1].role == .statusWarning)
        #expect(Self.render(state, 80, 24).grid.rowText(1).hasPrefix("┌─ 1 Services"))
        _ = DashboardReducer.reduce(&state, .servicesLoaded([], at: Fleet.now))
        #expect(Self.screen(Self.render(state, 80, 24).grid).contains("│ no containers on the local engine"))
        let ascii = Self.render(state, 200, 50, style: .ascii).grid.rowText(0)
        #expect(ascii.contains("discovery: no opsdeck.yml - showing") && ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func at40x10OnlyTheFocusedPaneShows() {
        var state = Fleet.dashboard()
        #expect(Self.screen(Self.render(state, 40, 10).grid) == """
            ┌─ 1 Services · 3s ago · 6 ────────────┐
            │SERVICE        ENV        STATE    RST│
            │api            staging    running    0│
            │api            production running    4│
            │web            staging    running    2│
            │web            production running    0│
            │worker         staging    running    0│
            │worker         production failed    12│
            └──────────────────────────────────────┘
             SERVICES         2/6  Tab more  ? help
            """)
        _ = DashboardReducer.reduce(&state, .key(.tab))
        #expect(Self.render(state, 40, 10).grid.rowText(0).hasPrefix("┌─ 2 History · api/production · 2s ago ┐"))
        _ = DashboardReducer.reduce(&state, .key(.tab))
        #expect(Self.render(state, 40, 10).grid.rowText(0).hasPrefix("┌─ 3 Logs · api/production · 12 of 12"))
        #expect(Self.render(state, 40, 10).grid.rowText(9).hasPrefix(" FOLLOW"))
    }

    @Test func noSizeAndNoStateCrashes() {
        var states: [DashboardState] = [DashboardState(), Fleet.dashboard(), Fleet.failingDashboard(), Fleet.dashboard(discovery: true)]
        var loading = DashboardState()
        _ = DashboardReducer.reduce(&loading, .refresh)
        _ = DashboardReducer.reduce(&loading, .servicesFailed("x\ny\nz", at: Fleet.now))
        states.append(loading)
        for keys in [[Key.enter], [.character("2"), .enter], [.character("3"), .enter], [.character("3"), .character("Z")],
                     [.character("4"), .enter], [.character("?")], [.character("/"), .character("a")],
                     [.character("3"), .character("/"), .character("a")], [.character(":"), .character("e")]] {
            var state = Fleet.dashboard()
            for key in keys { _ = DashboardReducer.reduce(&state, .key(key)) }
            states.append(state)
        }
        let sizes = [(0, 0), (1, 1), (19, 4), (20, 5), (25, 6), (40, 10), (59, 14), (60, 15), (80, 24), (139, 30),
                     (140, 30), (300, 100), (1000, 3), (3, 1000)]
        for state in states {
            for (columns, rows) in sizes {
                let frame = Self.render(state, columns, rows)
                #expect(frame.grid.size == Size(columns: columns, rows: rows))
                if let cursor = frame.cursor { #expect(frame.grid.bounds.contains(cursor)) }
            }
        }
        #expect(Self.render(Fleet.dashboard(), 19, 10).grid.rowText(0).hasPrefix("opsdeck: terminal t"))
    }

    @Test func promptsTakeTheStatusLineAndPlaceTheCursor() {
        var state = Fleet.dashboard()
        DashboardReducerTests.press(&state, .character("/"))
        DashboardReducerTests.type(&state, "we")
        var frame = Self.render(state, 80, 24)
        #expect(frame.grid.rowText(23).hasPrefix("filter services: we "))
        #expect(frame.cursor == Point(column: 19, row: 23))
        DashboardReducerTests.press(&state, .escape, .character(":"))
        DashboardReducerTests.type(&state, "env")
        frame = Self.render(state, 80, 24)
        #expect(frame.grid.rowText(23).hasPrefix(":env ") && frame.cursor == Point(column: 4, row: 23))
        DashboardReducerTests.press(&state, .enter, .character(":"))
        DashboardReducerTests.type(&state, "bogus")
        DashboardReducerTests.press(&state, .enter)
        frame = Self.render(state, 80, 24)
        #expect(frame.grid.rowText(23).hasPrefix(" unknown command 'bogus': env NAME"))
        #expect(frame.grid[23, 1].role == .statusError && frame.cursor == nil)
        // The Logs pane's prompts are the log view's.
        DashboardReducerTests.press(&state, .character("3"), .character("/"))
        DashboardReducerTests.type(&state, "orders")
        frame = Self.render(state, 80, 24)
        #expect(frame.grid.rowText(23).hasPrefix("/orders ") && frame.cursor == Point(column: 7, row: 23))
    }

    @Test func theStatusLineShowsScopesAndTheFilter() {
        var state = Fleet.dashboard()
        DashboardReducerTests.command(&state, "env production")
        DashboardReducerTests.press(&state, .character("j"))
        DashboardReducerTests.press(&state, .character("/"))
        DashboardReducerTests.type(&state, "w")
        DashboardReducerTests.press(&state, .enter)
        let grid = Self.render(state, 80, 24).grid
        #expect(grid.rowText(23).hasPrefix(" SERVICES  env production  /w"))
        #expect(grid.rowText(23).hasSuffix("1/2  ? help "))
        #expect(grid.rowText(0).hasPrefix("┌─ 1 Services · 3s ago · 2 of 6 · env production · /w ─"))
    }

    @Test func zoomGivesTheFocusedPaneTheScreen() {
        var state = Fleet.dashboard()
        DashboardReducerTests.press(&state, .character("4"), .enter)
        let grid = Self.render(state, 80, 24).grid
        #expect(grid.rowText(0).hasPrefix("┌─ 4 Details · api/production · kubernetes · zoomed ─"))
        #expect(grid.rowText(22).hasPrefix("└"))
        #expect(Self.screen(grid).contains("api-7d9c5-x3  running  healthy   0 restarts"))
        #expect(!Self.screen(grid).contains("Services"))
    }

    @Test func enterInLogsOpensTheRecordInThePane() {
        var state = Fleet.dashboard()
        DashboardReducerTests.press(&state, .character("3"), .enter)
        var text = Self.screen(Self.render(state, 80, 24).grid)
        #expect(text.contains("record at line 12 · Esc closes")) // a small pane: the record takes it
        #expect(!text.contains("GET /orders/11 done status=200"))
        text = Self.screen(Self.render(state, 160, 48).grid)
        #expect(text.contains("record at line 12 · Esc closes") && text.contains("GET /orders/11 done status=200"))
    }

    @Test func helpListsTheDashboardsKeysThenTheLogPanes() {
        var state = Fleet.dashboard()
        DashboardReducerTests.press(&state, .character("?"))
        let frame = Self.render(state, 80, 50)
        let text = Self.screen(frame.grid)
        #expect(text.contains("keys · j/k scroll · Esc closes"))
        #expect(text.contains("Z           zoom the focused pane, again to unzoom"))
        #expect(text.contains("Logs pane: Move"))
        #expect(frame.cursor == nil)
    }

    @Test func theViewportReportsWhatWasDrawnAndPagingUsesIt() {
        var state = Fleet.dashboard()
        let frame = Self.render(state, 80, 24)
        #expect(frame.viewport.servicesRows == 6 && frame.viewport.servicesTop == 0)
        #expect(frame.viewport.historyRows == 4 && frame.viewport.detailsRows == 5)
        #expect(frame.viewport.logsRows == 5 && frame.viewport.logsTop == 7)
        // A fleet longer than the pane scrolls to keep the selection in view.
        let many = (0..<40).map { ServiceSnapshot(key: Fleet.key("svc-" + ($0 < 10 ? "0" : "") + String($0), "production"),
                                                  provider: "docker") }
        _ = DashboardReducer.reduce(&state, .servicesLoaded(many, at: Fleet.now))
        _ = DashboardReducer.reduce(&state, .viewport(frame.viewport))
        DashboardReducerTests.press(&state, .pageDown)
        #expect(state.selectedKey?.service == "svc-06")
        DashboardReducerTests.press(&state, .character("G"))
        let bottom = Self.render(state, 80, 24)
        #expect(bottom.viewport.servicesTop == 34)
        #expect(Self.screen(bottom.grid).contains("svc-39"))
    }

    @Test func framesAreTheSameWithAndWithoutTheLineCache() {
        let cache = DashboardLineCache()
        var state = Fleet.dashboard()
        for step in 0..<12 {
            if step % 4 == 3 { _ = DashboardReducer.reduce(&state, .key(.character(step % 8 == 3 ? "j" : "k"))) }
            if let key = state.selectedKey {
                let records = Fleet.logRecords(step + 1, source: "\(key.service)-\(step)")
                _ = DashboardReducer.reduce(&state, .logRecords(records, for: key))
            }
            let cached = DashboardRenderer.render(state, size: Size(columns: 120, rows: 40), cache: cache)
            let fresh = DashboardRenderer.render(state, size: Size(columns: 120, rows: 40))
            #expect(cached.grid == fresh.grid, "step \(step)")
            _ = DashboardReducer.reduce(&state, .viewport(fresh.viewport))
        }
    }

    @Test func anASCIIScreenHasNoOtherCharacters() {
        let text = Self.render(Fleet.dashboard(), 160, 48, style: .ascii).grid.text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        #expect(text.contains("+- 1 Services - 3s ago - 6 -") && text.contains("* 1.4.2"))
    }
}
