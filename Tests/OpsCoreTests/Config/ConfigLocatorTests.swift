import Foundation
import Testing
@testable import OpsCore

@Suite struct ConfigLocatorTests {
    /// A working directory and a home with an XDG folder, each with or without a config file.
    struct Places {
        let root: URL
        var work: String { root.appendingPathComponent("work").path }
        var home: String { root.appendingPathComponent("home").path }
        var xdg: String { root.appendingPathComponent("xdg").path }

        init(inWork: Bool, inXDG: Bool, inHomeConfig: Bool) throws {
            root = try ConfigFileTests.makeFolder()
            let manager = FileManager.default
            for folder in [work, xdg + "/opsdeck", home + "/.config/opsdeck"] {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            if inWork { manager.createFile(atPath: work + "/opsdeck.yml", contents: Data()) }
            if inXDG { manager.createFile(atPath: xdg + "/opsdeck/config.yml", contents: Data()) }
            if inHomeConfig { manager.createFile(atPath: home + "/.config/opsdeck/config.yml", contents: Data()) }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func anExplicitPathWinsEvenWhenItDoesNotExist() throws {
        let places = try Places(inWork: true, inXDG: true, inHomeConfig: true)
        defer { places.remove() }
        let locator = ConfigLocator(environment: ["XDG_CONFIG_HOME": places.xdg, "HOME": places.home],
                                    workingDirectory: places.work)
        #expect(locator.locate(explicit: "conf/missing.yml") == ConfigLocation(path: "conf/missing.yml", origin: .commandLine))
    }

    @Test func theWorkingDirectoryComesBeforeXDG() throws {
        let places = try Places(inWork: true, inXDG: true, inHomeConfig: true)
        defer { places.remove() }
        let locator = ConfigLocator(environment: ["XDG_CONFIG_HOME": places.xdg, "HOME": places.home],
                                    workingDirectory: places.work)
        #expect(locator.locate() == ConfigLocation(path: places.work + "/opsdeck.yml", origin: .workingDirectory))
    }

    @Test func xdgConfigHomeIsUsedWhenTheWorkingDirectoryHasNone() throws {
        let places = try Places(inWork: false, inXDG: true, inHomeConfig: true)
        defer { places.remove() }
        let locator = ConfigLocator(environment: ["XDG_CONFIG_HOME": places.xdg + "/", "HOME": places.home],
                                    workingDirectory: places.work)
        #expect(locator.locate() == ConfigLocation(path: places.xdg + "/opsdeck/config.yml", origin: .userConfig))
    }

    @Test func homeDotConfigIsTheDefaultForUnsetEmptyOrRelativeXDG() throws {
        let places = try Places(inWork: false, inXDG: true, inHomeConfig: true)
        defer { places.remove() }
        let expected = ConfigLocation(path: places.home + "/.config/opsdeck/config.yml", origin: .userConfig)
        for xdg in [nil, "", "relative/xdg"] {
            var environment = ["HOME": places.home]
            environment["XDG_CONFIG_HOME"] = xdg
            #expect(ConfigLocator(environment: environment, workingDirectory: places.work).locate() == expected)
        }
    }

    @Test func noFileAnywhereIsDiscoveryMode() throws {
        let places = try Places(inWork: false, inXDG: false, inHomeConfig: false)
        defer { places.remove() }
        let locator = ConfigLocator(environment: ["XDG_CONFIG_HOME": places.xdg, "HOME": places.home],
                                    workingDirectory: places.work)
        #expect(locator.locate() == nil)
        #expect(locator.candidates.map(\.path) == [places.work + "/opsdeck.yml", places.xdg + "/opsdeck/config.yml"])
        // Without HOME or XDG_CONFIG_HOME only the working directory is looked at.
        #expect(ConfigLocator(environment: [:], workingDirectory: places.work).candidates.map(\.origin) == [.workingDirectory])
    }

    /// A directory where the file should be is found, so loading it says what is wrong.
    @Test func aFolderNamedLikeTheFileIsFoundNotSkipped() throws {
        let places = try Places(inWork: false, inXDG: true, inHomeConfig: false)
        defer { places.remove() }
        try FileManager.default.createDirectory(atPath: places.work + "/opsdeck.yml", withIntermediateDirectories: true)
        let locator = ConfigLocator(environment: ["XDG_CONFIG_HOME": places.xdg], workingDirectory: places.work)
        #expect(locator.locate()?.origin == .workingDirectory)
    }
}
