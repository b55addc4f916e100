#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the file a command's executable names, before anything is spawned, so a missing CLI is
/// reported as "not installed" with its name rather than as whatever the spawn call says.
enum ExecutableLocator {
    /// Used when neither the command nor opsdeck has a `PATH`.
    static let fallbackSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The path to run for `executable`: itself when it contains a slash, else the first executable
    /// regular file named so in one of the absolute directories of `searchPath` (relative entries
    /// and the working directory are never searched, as with the spawn library). Nil when there is none.
    static func locate(_ executable: String, searchPath: String?) -> String? {
        guard !executable.isEmpty, !executable.utf8.contains(0) else { return nil }
        if executable.utf8.contains(UInt8(ascii: "/")) {
            return isExecutableFile(executable) ? executable : nil
        }
        let directories = (searchPath ?? fallbackSearchPath).split(separator: ":", omittingEmptySubsequences: true)
        for directory in directories where directory.hasPrefix("/") {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(executable)" : "\(directory)/\(executable)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// The `PATH` the child will see: the command's own when it sets one, else opsdeck's.
    static func searchPath(for command: Command) -> String? {
        if let own = command.environment["PATH"] { return own }
        guard let inherited = getenv("PATH") else { return nil }
        return String(cString: inherited)
    }

    /// A regular file (after following links) that this process may execute. A directory passes
    /// `access(X_OK)`, hence the `stat`.
    static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
