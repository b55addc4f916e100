import Foundation

/// Where a configuration was found, and how.
public struct ConfigLocation: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// `--config FILE`.
        case commandLine
        /// `opsdeck.yml` in the working directory.
        case workingDirectory
        /// `$XDG_CONFIG_HOME/opsdeck/config.yml` (`~/.config/opsdeck/config.yml` by default).
        case userConfig
    }

    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }
}

/// Finds the configuration: `--config FILE` if given, else `./opsdeck.yml`, else
/// `$XDG_CONFIG_HOME/opsdeck/config.yml`. None found means discovery mode. The environment and
/// the working directory are parameters, so the order can be tested without touching either.
public struct ConfigLocator: Sendable {
    public static let fileName = "opsdeck.yml"

    public let environment: [String: String]
    public let workingDirectory: String

    public init(environment: [String: String], workingDirectory: String) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The locator of this process: its environment and working directory.
    public static func current() -> ConfigLocator {
        ConfigLocator(environment: ProcessInfo.processInfo.environment,
                      workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Where a configuration comes from. An explicit path is returned as given, whether or not it
    /// exists (loading it then says what is wrong: asking for a file and not getting it is an
    /// error, not discovery). Otherwise the first candidate that exists, even if it is a
    /// directory or unreadable, so a broken file is reported rather than skipped.
    public func locate(explicit: String? = nil) -> ConfigLocation? {
        if let explicit { return ConfigLocation(path: explicit, origin: .commandLine) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The places looked at without `--config`, in order.
    public var candidates: [ConfigLocation] {
        var places = [ConfigLocation(path: Self.joined(workingDirectory, Self.fileName), origin: .workingDirectory)]
        if let folder = userConfigFolder {
            places.append(ConfigLocation(path: Self.joined(folder, "opsdeck/config.yml"), origin: .userConfig))
        }
        return places
    }

    /// `$XDG_CONFIG_HOME`, or `$HOME/.config` when it is unset, empty or relative (the XDG base
    /// directory specification says to ignore relative paths); nil without either.
    public var userConfigFolder: String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return Self.joined(home, ".config")
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
