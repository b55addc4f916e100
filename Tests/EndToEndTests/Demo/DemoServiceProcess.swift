import Foundation
import Synchronization
import Glibc
import OpsCore
import Testing

/// One `opsdeck demo-service` process for a test: started with a port file, its output drained while
/// the test talks to it over HTTP, and its `/metrics` read with opsdeck's own exposition parser.
final class DemoServiceProcess {
    let child: ChildProcess
    let port: Int
    private let folder: ScratchFolder
    private let client: HTTPClient

    init(logger: String, behaviour: String, version: String = "1.5.0", timeScale: Double = 20,
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        folder = try ScratchFolder()
        let portFile = folder.path + "/port"
        child = try OpsdeckBinary.start([
            "demo-service", "--service", "api", "--environment", "staging", "--version", version, "--port", "0",
            "--port-file", portFile, "--logger", logger, "--behaviour", behaviour, "--time-scale", "\(timeScale)",
        ])
        let written = child.pump(timeout: .seconds(30)) { _ in
            (try? String(contentsOfFile: portFile, encoding: .utf8))?.hasSuffix("\n") == true
        }
        let text = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
        guard written, let port = Int(text.dropLast()), port > 0 else {
            throw DemoServiceProcessError.noPort(text, String(decoding: child.stderr, as: UTF8.self))
        }
        // Nothing but the port file is written in the folder: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["port"], sourceLocation: sourceLocation)
        self.port = port
        client = try HTTPClient(userAgent: "demo-e2e")
    }

    /// GET `path`, draining the service's output meanwhile: it logs fast (100 lines a second at
    /// `--time-scale 20`), and a full pipe would stall it in the middle of its answer.
    func get(_ path: String) async throws -> HTTPResponse {
        let client = self.client, url = "http://127.0.0.1:\(port)\(path)"
        let done = Mutex(false)
        let request = Task {
            defer { done.withLock { $0 = true } }
            return try await client.send(HTTPRequest(url: url), timeout: .seconds(10))
        }
        while !done.withLock({ $0 }) {
            child.pump(timeout: .milliseconds(5)) { _ in false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return try await request.value
    }

    /// The value of the one sample named `name` on `/metrics`.
    func metric(_ name: String) async throws -> MetricValue? {
        ExpositionParser.parse(try await get("/metrics").body).samples.first { $0.name == name }?.value
    }

    /// Keeps draining the child's output while checking `condition` every 50 ms, until it holds or
    /// `timeout` passes (a failure that names `what`).
    func poll(_ what: String, timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation,
              _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            child.pump(timeout: .milliseconds(50)) { _ in false }
            try #require(!child.hasExited, "the demo service ended while waiting for \(what)", sourceLocation: sourceLocation)
        }
        Issue.record("\(what) did not happen within \(timeout)", sourceLocation: sourceLocation)
        throw DemoServiceProcessError.timedOut(what)
    }
}

enum DemoServiceProcessError: Error {
    case noPort(String, String)
    case timedOut(String)
}
