import Glibc

/// Finds the programs the bench measures.
enum ToolLocator {
    /// The first executable `name` on `$PATH`, or nil when the tool is not installed.
    static func findOnPath(_ name: String) -> String? {
        if name.contains("/") { return isExecutable(name) ? name : nil }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(directory)/\(name)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// `name` in the directory of this executable (with symlinks resolved), where SwiftPM puts
    /// every product of the same build configuration.
    static func sibling(named name: String) -> String? {
        let candidate = "\(ownDirectory())/\(name)"
        return isExecutable(candidate) ? candidate : nil
    }

    static func ownDirectory() -> String {
        let invoked = CommandLine.arguments.first ?? ""
        let own = resolvedPath(invoked.contains("/") ? invoked : "/proc/self/exe")
            ?? resolvedPath("/proc/self/exe") ?? invoked
        guard let slash = own.lastIndex(of: "/") else { return "." }
        return String(own[..<slash])
    }

    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
