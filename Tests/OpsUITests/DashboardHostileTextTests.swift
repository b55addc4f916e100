import Testing
import OpsCore
@testable import OpsUI

/// Names, images, details and errors come from providers, and anyone who can name a container
/// can put escape sequences in them: none reaches the screen as a control character, wide
/// characters keep columns aligned, and very long names are cut.
@Suite struct DashboardHostileTextTests {
    static let escape = "\u{1B}[2J\u{1B}]0;pwned\u{07}evil"
    static let long = String(repeating: "very-long-service-name-", count: 20)

    static func hostileState() -> DashboardState {
        let snapshots = [
            ServiceSnapshot(key: ServiceKey(service: escape, environment: "production"), provider: "docker\u{0}",
                            image: ImageReference("reg/\u{202E}gnp.exe:1\u{1B}[31m", digest: "sha256:\u{1B}]52;c;Zm9v\u{07}"),
                            commit: "\u{9B}31m", replicas: [Replica(id: "1", name: "c\u{1B}[H", state: .running,
                                                                     detail: "Up\u{1B}[31m 3 minutes\u{7F}")],
                            note: "line one\nline two\r\u{1B}[1A"),
            ServiceSnapshot(key: ServiceKey(service: "東京-checkout", environment: "本番"), provider: "fly",
                            image: ImageReference("registry.fly.io/東京:v1"), replicas: [Replica(id: "2", name: "東京-1", state: .running)]),
            ServiceSnapshot(key: ServiceKey(service: long, environment: "staging"), provider: "kubernetes",
                            image: ImageReference("registry.example.com/" + long + ":1"),
                            replicas: [Replica(id: "3", name: long, state: .running)]),
        ]
        var state = DashboardState(environmentOrder: ["staging", "production"])
        _ = DashboardReducer.reduce(&state, .tick(Fleet.now))
        _ = DashboardReducer.reduce(&state, .servicesLoaded(snapshots, at: Fleet.now))
        let key = ServiceKey(service: escape, environment: "production")
        // Sorted by name, the escape character first.
        _ = DashboardReducer.reduce(&state, .releasesLoaded(key, [
            Release(id: "1", version: "v\u{1B}[2K1", author: "mallory\u{202E}", status: .live),
        ], at: Fleet.now))
        _ = DashboardReducer.reduce(&state, .logRecords([LogRecord(line: 1, source: "c\u{1B}[H", level: .error,
                                                                   message: "boom\u{1B}]0;x\u{07}")], for: key))
        _ = DashboardReducer.reduce(&state, .logsFailed(key, "stderr: \u{1B}[?1049h\u{1B}[31mEOF", at: Fleet.now))
        return state
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x202E
    }

    @Test func noControlCharacterReachesTheGrid() {
        var state = Self.hostileState()
        #expect(state.selectedKey?.service == Self.escape)
        for zoomedPane in [nil, "1", "2", "3", "4"] as [Character?] {
            if let zoomedPane {
                _ = DashboardReducer.reduce(&state, .key(.character(zoomedPane)))
                _ = DashboardReducer.reduce(&state, .key(.character("Z")))
            }
            for size in [Size(columns: 80, rows: 24), Size(columns: 160, rows: 48), Size(columns: 40, rows: 10)] {
                let grid = DashboardRenderer.render(state, size: size).grid
                for row in 0..<grid.size.rows {
                    #expect(!grid.rowText(row).unicodeScalars.contains(where: Self.isControl), "\(grid.rowText(row))")
                }
            }
            if zoomedPane != nil { _ = DashboardReducer.reduce(&state, .key(.character("Z"))) }
        }
        let text = DashboardRenderer.render(state, size: Size(columns: 200, rows: 50)).grid.text
        #expect(text.contains(#"\e[2J\e]0;pwned\x07evil"#))
        #expect(text.contains(#"reg/<U+202E>gnp.exe:1\e[31m"#))
        #expect(text.contains(#"Up\e[31m 3 minutes\x7f"#))
        #expect(text.contains(#"line one\nline two\x0d\e[1A"#))
        #expect(text.contains(#"stderr: \e[?1049h\e[31mEOF"#))
        #expect(text.contains(#"v\e[2K1"#) && text.contains("mallory<U+202E>"))
    }

    @Test func wideCharactersKeepTheColumnsAlignedAndLongNamesAreCut() {
        let state = Self.hostileState()
        let grid = DashboardRenderer.render(state, size: Size(columns: 80, rows: 24)).grid
        let rows = (2...4).filter { grid.rowText($0).contains("running") || grid.rowText($0).contains("failed") }
        #expect(rows.count == 3)
        let stateColumns = Set(rows.compactMap { DashboardRendererTests.column(of: "running", row: $0, in: grid) })
        #expect(stateColumns.count == 1, "\(DashboardRendererTests.screen(grid))")
        #expect(DashboardRendererTests.screen(grid).contains("東京-checkout"))
        #expect(DashboardRendererTests.screen(grid).contains("very-long-servi…"))
        #expect(!DashboardRendererTests.screen(grid).contains(Self.long))
    }

    @Test func filtersMatchTheTextAsShown() {
        var state = Self.hostileState()
        DashboardReducerTests.press(&state, .character("/"))
        DashboardReducerTests.type(&state, "東京")
        DashboardReducerTests.press(&state, .enter)
        #expect(state.visibleServices.map(\.key.service) == ["東京-checkout"])
        DashboardReducerTests.press(&state, .character("/"), .control("u"))
        DashboardReducerTests.type(&state, #"\e[2j"#)
        DashboardReducerTests.press(&state, .enter)
        #expect(state.visibleServices.map(\.key.service) == [Self.escape])
    }
}
