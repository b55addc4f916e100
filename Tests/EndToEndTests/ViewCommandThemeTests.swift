import Foundation
import Testing

/// Themes and `NO_COLOR` in `opsdeck view`: an unknown theme warns but the view works.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandThemeTests {
    private let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
    }

    /// No user themes: the folder has none.
    private var environment: [String: String] { ["XDG_CONFIG_HOME": folder.path] }

    /// The colours an SGR sequence in `screen` sets: foreground or background parameters
    /// (30–38, 40–48, 90–97, 100–107); 39 and 49 only reset to the terminal's own colours.
    private func colourParameters(_ screen: String) -> [String] {
        var found: [String] = []
        for sequence in screen.components(separatedBy: "\u{1B}[").dropFirst() {
            guard let end = sequence.firstIndex(of: "m") else { continue }
            let parameters = sequence[..<end].split(separator: ";").compactMap { Int($0) }
            var i = 0
            while i < parameters.count {
                let p = parameters[i]
                if (30...37).contains(p) || (40...47).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                    found.append(String(p))
                } else if p == 38 || p == 48 {
                    found.append(String(p))
                    i += parameters.count > i + 1 && parameters[i + 1] == 2 ? 4 : 2
                }
                i += 1
            }
        }
        return found
    }

    @Test func anUnknownThemeWarnsAndTheViewStillWorks() throws {
        let session = try startView("--theme nosuch app.log", in: folder, environment: environment)
        #expect(session.waitUntil("the warning") { statusBar($0).contains("no theme 'nosuch'") })
        try session.keys("g")
        #expect(session.waitUntil("1/10 after a key") { statusBar($0).contains(" 1/10 ") && !$0.contains("no theme") })
    }

    @Test func theMonoThemeWorks() throws {
        let session = try startView("--theme mono app.log", in: folder, environment: environment)
        #expect(session.waitFor("10/10  ? help"))
        #expect(!statusBar(try session.screen()).contains("theme"))
        try session.keys("e")
        #expect(session.waitUntil("the view answering keys") { statusBar($0).contains("no next error") })
    }

    @Test func noColorDrawsWithAttributesOnly() throws {
        let coloured = try startView("app.log", in: folder, environment: environment)
        #expect(coloured.waitFor("10/10  ? help"))
        // The check below must be able to fail: the default theme does colour the screen.
        #expect(!colourParameters(try coloured.screenWithEscapes()).isEmpty)

        let plain = try startView("app.log", in: folder, environment: environment.merging(["NO_COLOR": "1"]) { _, new in new })
        #expect(plain.waitFor("10/10  ? help"))
        let screen = try plain.screenWithEscapes()
        #expect(colourParameters(screen) == [])
        #expect(screen.contains("server started"))
        try plain.keys("g")
        #expect(plain.waitUntil("1/10") { statusBar($0).contains(" 1/10 ") })
    }
}
