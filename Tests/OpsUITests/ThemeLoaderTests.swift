import Foundation
import Testing
@testable import OpsUI

@Suite struct ThemeLoaderTests {
    /// A fresh folder for theme files, removed by the caller's `defer`.
    func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: StockThemes.names)
    func stockThemesLoadByNameWithoutAnyFolder(name: String) throws {
        let (theme, warning) = ThemeLoader.load(named: name, searchPaths: [])
        #expect(warning == nil)
        #expect(theme.name == name)
    }

    @Test func aMissingThemeGivesTheStockThemeAndAWarning() {
        let (theme, warning) = ThemeLoader.load(named: "solarized", searchPaths: ["/nonexistent/themes", ""])
        #expect(theme == Theme.stock)
        let text = warning ?? ""
        #expect(text.contains("no theme 'solarized'"))
        #expect(text.contains("/nonexistent/themes"))
        #expect(text.contains("default, light, high-contrast, mono"))
        #expect(text.hasSuffix("using the default theme"))
    }

    @Test func theFirstFolderWithTheFileWins() throws {
        let first = try makeFolder(), second = try makeFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try "roles: {log.error: {fg: blue}}".write(to: second.appendingPathComponent("ocean.yml"), atomically: true, encoding: .utf8)
        try "roles: {log.error: {fg: cyan}}".write(to: first.appendingPathComponent("ocean.yml"), atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(named: "ocean", searchPaths: [first.path + "/", second.path])
        #expect(warning == nil)
        #expect(theme.name == "ocean")
        #expect(theme.style(for: .logError).foreground == .ansi(6))
    }

    @Test func aUserFileOverridesTheStockThemeOfTheSameName() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: mine\nroles: {text: {bold: true}}".write(to: folder.appendingPathComponent("mono.yml"), atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(named: "mono", searchPaths: [folder.path])
        #expect(warning == nil)
        #expect(theme.name == "mine")
        #expect(theme.style(for: .text).bold)
    }

    @Test func aBadFileGivesTheStockThemeAndAWarningWithLineAndColumn() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.yml")
        try "roles:\n  log.error: {fg: rd}\n".write(to: file, atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(named: "broken", searchPaths: [folder.path])
        #expect(theme == Theme.stock)
        #expect(warning?.contains("\(file.path):2:19: unknown colour 'rd'") == true)
    }

    @Test func unreadableContentIsAWarningNotACrash() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x6E, 0x61, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("binary.yml"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.yml"), withIntermediateDirectories: true)
        let binary = ThemeLoader.load(named: "binary", searchPaths: [folder.path])
        #expect(binary.theme == Theme.stock)
        #expect(binary.warning?.contains("not UTF-8") == true)
        let directory = ThemeLoader.load(named: "dir", searchPaths: [folder.path])
        #expect(directory.theme == Theme.stock)
        #expect(directory.warning != nil)
    }

    @Test func namesThatLeaveTheFolderAreRefused() {
        for name in ["../secret", "", ".hidden", "a/b"] {
            let (theme, warning) = ThemeLoader.load(named: name, searchPaths: ["/tmp"])
            #expect(theme == Theme.stock)
            #expect(warning?.contains("not a plain file name") == true, "\(name)")
        }
    }
}
