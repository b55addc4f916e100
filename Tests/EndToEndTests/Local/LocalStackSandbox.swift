import Foundation
import Glibc
import OpsCore
import Testing

/// One end-to-end test's local stack: its own home, state folder (journal, locks, the local
/// provider's state) and working folder holding the stand-in service and an `opsdeck.yml` with
/// `api` in `staging` and `production` on free front ports; `opsdeck local up` started on it.
final class LocalStackSandbox {
    let root: String
    let stagingPort: Int
    let productionPort: Int
    private(set) var supervisor: ChildProcess?

    var home: String { root + "/home" }
    var state: String { root + "/state" }
    var work: String { root + "/work" }
    var config: String { work + "/opsdeck.yml" }
    var journal: String { state + "/opsdeck/journal.jsonl" }
    /// The local provider's default state folder.
    var localState: String { state + "/opsdeck/local" }
    var environment: [String: String] {
        ["HOME": home, "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": root + "/config"]
    }

    /// Run when python3 is there (the stand-in service needs it), and always in CI, where its absence must fail.
    static var shouldRun: Bool {
        python3 != nil || ProcessInfo.processInfo.environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    static let python3: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }()

    init(productionProtected: Bool = false) throws {
        guard let python3 = Self.python3 else { throw SandboxError("python3 is not on PATH: the stand-in service needs it") }
        var template = Array((NSTemporaryDirectory() + "opsdeck-local-e2e.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SandboxError("mkdtemp: errno \(errno)")
        }
        let root = String(cString: made)
        guard let ports = LoopbackPorts.free(count: 2) else { throw SandboxError("no free ports") }
        self.root = root
        stagingPort = ports[0]
        productionPort = ports[1]
        for folder in [home, state, work] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try LocalStandInService.script.write(toFile: work + "/standin.py", atomically: true, encoding: .utf8)
        func target(_ environment: String, _ port: Int) -> String {
            """
                \(environment):
                  provider: local
                  command: ["\(python3)", standin.py, --service, api, --environment, \(environment), --version, "{version}", --port, "{port}"]
                  version: 1.4.0
                  versions: [1.5.0, 1.4.0]
                  port: \(port)
            """
        }
        try """
            environments:
              staging: {}
              production: { protected: \(productionProtected) }
            services:
              api:
            \(target("staging", stagingPort))
            \(target("production", productionPort))
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Starts `opsdeck local up` and waits until both front ports answer.
    func up() throws {
        let child = try OpsdeckBinary.start(["local", "up", "--config", config], environment: environment, currentDirectory: work)
        supervisor = child
        let ready = child.pump(timeout: .seconds(60)) { _ in
            self.get(self.stagingPort, "/health")?.status == 200 && self.get(self.productionPort, "/health")?.status == 200
        }
        guard ready else {
            let said = String(decoding: child.stdout + child.stderr, as: UTF8.self)
            throw SandboxError("local up did not serve both ports; it said:\n\(said)")
        }
    }

    /// SIGINT to `local up`, then its result.
    func down() -> ChildResult? {
        guard let supervisor else { return nil }
        supervisor.send(SIGINT)
        self.supervisor = nil
        return supervisor.wait(timeout: .seconds(60))
    }

    /// `opsdeck ARGUMENTS --config opsdeck.yml` to its end.
    func opsdeck(_ arguments: [String], timeout: Duration = .seconds(120),
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildResult {
        // The supervisor's output is drained meanwhile, so it never blocks on a full pipe.
        let child = try OpsdeckBinary.start(arguments + ["--config", config], environment: environment, currentDirectory: work)
        while !child.hasExited {
            _ = supervisor?.pump(timeout: .milliseconds(20)) { _ in false }
            _ = child.pump(timeout: .milliseconds(20)) { $0.hasExited }
        }
        return child.wait(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// GET `path` on 127.0.0.1:`port`: status and body; nil when nothing answers.
    func get(_ port: Int, _ path: String) -> (status: Int, body: String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var limit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { return nil }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += chunk[0..<count]
        }
        let text = String(decoding: answer, as: UTF8.self)
        guard text.hasPrefix("HTTP/"), let status = Int(text.dropFirst(9).prefix(3)) else { return nil }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// The version the front port serves now.
    func servedVersion(_ port: Int) -> String? {
        guard let body = get(port, "/health")?.body,
              let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
        return object["version"] as? String
    }

    var store: LocalStateStore { LocalStateStore(layout: LocalStateLayout(root: localState)) }

    /// The pids of the recorded instances of `api` in `environment`.
    func instancePIDs(_ environment: String) -> [Int32] {
        store.instances(of: ServiceKey(service: "api", environment: environment)).map(\.pid)
    }

    func journalActions() throws -> [JournalAction] { try JournalReader.history(path: journal).actions }

    deinit {
        if let supervisor {
            supervisor.send(SIGKILL)
            _ = supervisor.waitKillingOnOverrun(timeout: .seconds(10))
        }
        // Whatever a failed test left running is stopped by pid, never by name.
        for environment in ["staging", "production"] {
            for instance in store.instances(of: ServiceKey(service: "api", environment: environment)) where instance.isRunning {
                kill(-instance.pid, SIGKILL)
            }
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}

struct SandboxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Whether `pid` is gone for good: no process, and no zombie left unreaped. Polls up to
/// `timeout`: a stopped instance is reaped by its supervisor's next round, a moment later.
func processIsGone(_ pid: Int32, timeout: Duration = .seconds(10)) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while FileManager.default.fileExists(atPath: "/proc/\(pid)") {
        guard ContinuousClock.now < deadline else { return false }
        usleep(10_000)
    }
    return true
}
