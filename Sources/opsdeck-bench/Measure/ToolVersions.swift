import Glibc

/// Versions of the compared tools, so figures can be matched with releases.
enum ToolVersions {
    static func collect() -> [(tool: String, version: String)] {
        [("jq", ["--version"]), ("lnav", ["-V"])].map { tool, arguments in
            (tool, version(of: tool, arguments: arguments))
        }
    }

    private static func version(of tool: String, arguments: [String]) -> String {
        guard let path = ToolLocator.findOnPath(tool) else { return "not installed" }
        guard let outputPath = try? TemporaryPaths.file(prefix: "opsdeck-bench-version", suffix: ".txt") else { return "?" }
        defer { unlink(outputPath) }
        guard let run = try? ChildProcess.run([path] + arguments, standardOutput: .file(outputPath)),
              run.termination.succeeded else { return "unknown version" }
        return (FileContents.read(outputPath) ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? "?"
    }
}
