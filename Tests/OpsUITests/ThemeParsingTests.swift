import Testing
@testable import OpsUI

@Suite struct ThemeParsingTests {
    @Test func readsPaletteReferencesAndLiterals() throws {
        let theme = try ThemeLoader.parse(yaml: """
            name: ocean
            palette:
              red: "#ff5f5f"
              accent: 33
              fg: default
              soft: accent
            roles:
              log.error: {fg: red, bg: default, bold: true}
              log.warn: {fg: bright-yellow, underline: true}
              selection: {fg: "#00FF80", bg: 236, reverse: true}
              pane.title: {fg: soft, dim: true}
              text: {fg: fg}
              log.info: {fg: green}
            """, file: "ocean.yml")
        #expect(theme.name == "ocean")
        #expect(theme.style(for: .logError) == RoleStyle(foreground: .rgb(red: 255, green: 95, blue: 95), bold: true))
        #expect(theme.style(for: .logWarn) == RoleStyle(foreground: .ansi(11), underline: true))
        #expect(theme.style(for: .selection)
                == RoleStyle(foreground: .rgb(red: 0, green: 255, blue: 128), background: .indexed(236), reverse: true))
        #expect(theme.style(for: .paneTitle) == RoleStyle(foreground: .indexed(33), dim: true))
        #expect(theme.style(for: .text) == .plain)
        // An ANSI name the palette does not redefine is the ANSI colour.
        #expect(theme.style(for: .logInfo) == RoleStyle(foreground: .ansi(2)))
    }

    @Test func rolesLeftOutTakeTheStockStyle() throws {
        let theme = try ThemeLoader.parse(yaml: "roles:\n  log.error: {fg: magenta}\n", file: "/home/x/themes/tiny.yml")
        #expect(theme.name == "tiny")
        #expect(theme.style(for: .logError) == RoleStyle(foreground: .ansi(5)))
        for role in Role.allCases where role != .logError {
            #expect(theme.style(for: role) == Theme.stock.style(for: role))
        }
    }

    @Test func anEmptyStyleIsPlainNotStock() throws {
        let theme = try ThemeLoader.parse(yaml: "roles: {log.error: {}}", file: "t.yml")
        #expect(theme.style(for: .logError) == .plain)
    }

    @Test func colourLiterals() {
        #expect(ThemeColor.literal("default") == .terminalDefault)
        #expect(ThemeColor.literal("black") == .ansi(0))
        #expect(ThemeColor.literal("white") == .ansi(7))
        #expect(ThemeColor.literal("bright-black") == .ansi(8))
        #expect(ThemeColor.literal("bright-white") == .ansi(15))
        #expect(ThemeColor.literal("0") == .indexed(0))
        #expect(ThemeColor.literal("255") == .indexed(255))
        #expect(ThemeColor.literal("#0a0B0c") == .rgb(red: 10, green: 11, blue: 12))
        for bad in ["256", "-1", "1000", "#fff", "#ff00zz", "#ff00ff0", "Red", "brightred", "", "#"] {
            #expect(ThemeColor.literal(bad) == nil, "\(bad) is not a colour")
        }
    }

    @Test func defaultNameComesFromTheFile() {
        #expect(ThemeDocument.defaultName(forFile: "/a/b/ocean.yml") == "ocean")
        #expect(ThemeDocument.defaultName(forFile: "sea.yaml") == "sea")
        #expect(ThemeDocument.defaultName(forFile: "plain") == "plain")
    }
}
