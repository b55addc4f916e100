import Foundation
import Glibc

/// The plain HTTP and the HTTPS endpoint the probes bench probes: those the `OPSDECK_TEST_TLS_…`
/// variables name when they are set (a `scripts/tls-endpoints` already running), else a private nginx
/// started with `scripts/tls-endpoints` for the run and stopped at its end.
struct ProbeEndpoints {
    var httpPort: Int
    /// The server with a valid certificate (`localhost`, signed by `caFile`).
    var httpsPort: Int
    var caFile: String
    /// Where the nginx started for the run keeps its files; nil when the endpoints were given.
    var startedState: String?
    var script: String?

    var origin: String {
        startedState.map { "started for the run (scripts/tls-endpoints, state \($0))" } ?? "from OPSDECK_TEST_TLS_*"
    }

    static func acquire(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProbeEndpoints {
        if environment["OPSDECK_TEST_TLS_HTTP_PORT"] != nil {
            return try parse(environment, startedState: nil, script: nil)
        }
        guard let script = locateScript() else {
            throw BenchError("""
                no endpoints: set the OPSDECK_TEST_TLS_* variables (eval "$(scripts/tls-endpoints env)"), \
                or run the bench from the repository, whose scripts/tls-endpoints it starts
                """)
        }
        guard let bash = ToolLocator.findOnPath("bash") else { throw BenchError("bash is not installed") }
        let state = "\(TemporaryPaths.directory)/opsdeck-bench-tls-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let output = try TemporaryPaths.file(prefix: "opsdeck-bench-tls-env", suffix: ".txt")
        defer { unlink(output) }
        printToStandardError("starting nginx with \(script)…")
        let run = try ChildProcess.run([bash, script, "start", state], standardOutput: .file(output))
        guard run.termination.succeeded else {
            throw BenchError("scripts/tls-endpoints start failed (\(run.termination.description)): \(run.standardErrorHead)")
        }
        var variables: [String: String] = [:]
        for line in (FileContents.read(output) ?? "").split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            variables[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return try parse(variables, startedState: state, script: script)
    }

    /// Stops the nginx started for the run, if any.
    func release() {
        guard let startedState, let script, let bash = ToolLocator.findOnPath("bash") else { return }
        _ = try? ChildProcess.run([bash, script, "stop", startedState])
    }

    private static func parse(_ variables: [String: String], startedState: String?, script: String?) throws
        -> ProbeEndpoints {
        func value(_ name: String) throws -> String {
            guard let text = variables["OPSDECK_TEST_TLS_\(name)"], !text.isEmpty else {
                throw BenchError("OPSDECK_TEST_TLS_\(name) is not set")
            }
            return text
        }
        func port(_ name: String) throws -> Int {
            let text = try value("\(name)_PORT")
            guard let port = Int(text), (1...65535).contains(port) else {
                throw BenchError("OPSDECK_TEST_TLS_\(name)_PORT is not a port: \(text)")
            }
            return port
        }
        return ProbeEndpoints(httpPort: try port("HTTP"), httpsPort: try port("VALID"), caFile: try value("CA_FILE"),
                              startedState: startedState, script: script)
    }

    /// `scripts/tls-endpoints` of the repository: under the working directory, or above the bench's
    /// own executable (`.build/<triple>/release/opsdeck-bench`).
    private static func locateScript() -> String? {
        var candidates = [FileManager.default.currentDirectoryPath]
        var directory = ToolLocator.ownDirectory()
        for _ in 0..<4 {
            guard let slash = directory.lastIndex(of: "/"), slash != directory.startIndex else { break }
            directory = String(directory[..<slash])
            candidates.append(directory)
        }
        return candidates.map { "\($0)/scripts/tls-endpoints" }.first { FileManager.default.fileExists(atPath: $0) }
    }
}
