import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where opsdeck keeps what it writes about its own actions: the journal and the locks, under
/// `$XDG_STATE_HOME/opsdeck` (`~/.local/state/opsdeck` by default), the XDG place for "state data
/// that should persist between restarts" such as history and logs of actions. The environment is a
/// parameter so that tests never touch the real home.
public struct StatePaths: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public static func current() -> StatePaths { StatePaths(environment: ProcessInfo.processInfo.environment) }

    /// `$XDG_STATE_HOME/opsdeck`, or `~/.local/state/opsdeck` when it is unset, empty or relative
    /// (the XDG specification says to ignore a relative path). Nil when there is no home either.
    public var opsdeckFolder: String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return Self.joined(xdg, "opsdeck") }
        guard let home = homeFolder else { return nil }
        return Self.joined(home, ".local/state/opsdeck")
    }

    /// The journal opsdeck writes when the configuration names none.
    public var defaultJournal: String? { opsdeckFolder.map { Self.joined($0, "journal.jsonl") } }

    /// Where the per-service locks live.
    public var locksFolder: String? { opsdeckFolder.map { Self.joined($0, "locks") } }

    /// The journal to use: `configured` (the configuration's `journal_path`, `~` expanded, a
    /// relative path taken from `configFolder`, the folder of the configuration file that names it),
    /// else the default one.
    public func journal(configured: String?, configFolder: String? = nil) -> String? {
        guard let configured, !configured.isEmpty else { return defaultJournal }
        let expanded = expandingTilde(configured)
        if expanded.hasPrefix("/") { return expanded }
        let base = configFolder ?? FileManager.default.currentDirectoryPath
        return Self.joined(base, expanded)
    }

    /// `~` and `~/x` become the home folder; `~name/x` the home of user `name`. A `~name` that is
    /// no user is left as written, as a shell leaves it.
    public func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let name = path[path.index(after: path.startIndex)..<slash]
        let home: String?
        if name.isEmpty {
            home = homeFolder
        } else if let entry = getpwnam(String(name)), let directory = entry.pointee.pw_dir {
            home = String(cString: directory)
        } else {
            home = nil
        }
        guard let home else { return path }
        let rest = path[slash...]
        return rest.isEmpty ? home : (home.hasSuffix("/") ? String(home.dropLast()) : home) + rest
    }

    /// `$HOME`, else the password database's home of this user.
    public var homeFolder: String? {
        if let home = environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
