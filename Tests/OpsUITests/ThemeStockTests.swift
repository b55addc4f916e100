import Foundation
import Testing
@testable import OpsUI

@Suite struct ThemeStockTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: StockThemes.names)
    func embeddedTextEqualsTheFileOnDisk(name: String) throws {
        let onDisk = try String(contentsOf: Self.packageRoot.appendingPathComponent("Themes/\(name).yml"),
                                encoding: .utf8)
        #expect(StockThemes.yaml(named: name) == onDisk)
    }

    @Test(arguments: StockThemes.names)
    func everyStockThemeNamesEveryRoleItself(name: String) throws {
        let document = try ThemeDocument.parse(yaml: try #require(StockThemes.yaml(named: name)), file: name)
        #expect(document.name == name)
        let missing = Role.allCases.filter { document.styles[$0] == nil }
        #expect(missing.isEmpty, "roles missing from \(name).yml: \(missing)")
    }

    @Test func theStockThemeIsTheEmbeddedDefault() throws {
        let document = try ThemeDocument.parse(yaml: StockThemes.defaultTheme, file: "default.yml")
        #expect(Theme.stock.name == "default")
        for role in Role.allCases {
            #expect(Theme.stock.style(for: role) == document.styles[role])
        }
        #expect(Theme.stock.style(for: .logError).foreground == .rgb(red: 0xFF, green: 0x5F, blue: 0x5F))
        #expect(Theme.stock.style(for: .logError).bold)
    }

    @Test(arguments: StockThemes.names)
    func levelsStayDistinctWithoutColour(name: String) throws {
        let theme = try #require(ThemeLoader.stockTheme(named: name)).degraded(to: .none)
        let levels: [Role] = [.logInfo, .logWarn, .logError, .logFatal]
        let styles = Set(levels.map { theme.style(for: $0) })
        #expect(styles.count == levels.count)
        #expect(theme.style(for: .logError).bold)
        #expect(theme.style(for: .selection).reverse)
        #expect(theme.style(for: .searchMatch).reverse)
        #expect(theme.style(for: .searchMatch) != theme.style(for: .selection))
        #expect(theme.style(for: .statusWarning) != theme.style(for: .statusError))
    }

    @Test func monoUsesAttributesOnly() throws {
        let mono = try #require(ThemeLoader.stockTheme(named: "mono"))
        for role in Role.allCases {
            #expect(mono.style(for: role).foreground == .terminalDefault)
            #expect(mono.style(for: role).background == .terminalDefault)
            // Degrading a theme without colour changes nothing.
            #expect(mono.style(for: role).degraded(to: .none) == mono.style(for: role))
        }
        for role in [Role.logTime, .logFieldKey, .dim, .logTrace, .logDebug] {
            #expect(mono.style(for: role).dim, "\(role) is dim in mono")
        }
        #expect(!mono.style(for: .logInfo).dim)
        #expect(mono.style(for: .logWarn).underline)
        #expect(mono.style(for: .logFatal) == RoleStyle(bold: true, reverse: true))
    }
}
