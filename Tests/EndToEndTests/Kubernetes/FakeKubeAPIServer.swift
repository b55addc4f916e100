import Foundation
import Glibc
import OpsCore
import Testing

/// One `scripts/fake-kube-apiserver` for one test: started on a free loopback port from a seed,
/// stopped by its PID (SIGTERM, then SIGKILL if it lingers) when the test lets go of it.
final class FakeKubeAPIServer {
    /// `http://127.0.0.1:PORT`, as the server printed it once it listened.
    let url: String
    private let process: ChildProcess

    /// The seed most tests share: `web` at revision 2 of 2 (three pods, one in CrashLoopBackOff) and
    /// `worker` at its only revision (one pod), both in namespace `shop`.
    static let shopSeed = """
        {"deployments": [
          {"name": "web", "namespace": "shop", "replicas": 3, "crashLooping": 1,
           "revisions": [{"image": "local/web:1.3.0", "changeCause": "deploy 1.3.0"},
                         {"image": "local/web:1.4.0", "changeCause": "deploy 1.4.0"}]},
          {"name": "worker", "namespace": "shop", "replicas": 1, "revisions": ["local/worker:2.0.1"]}
        ]}
        """

    /// `options` are the server's flags (`--forbid pods`, `--hang`).
    init(seed: String = FakeKubeAPIServer.shopSeed, options: [String] = [], in folder: ScratchFolder) throws {
        let seedFile = try folder.write("seed-\(UInt32.random(in: 0...UInt32.max)).json", seed)
        process = try ChildProcess(try KubeTools.python(), [KubeTools.serverScript, "--seed", seedFile] + options)
        let listening = process.pump(timeout: .seconds(20)) { $0.stdout.contains(UInt8(ascii: "\n")) }
        let printed = String(decoding: process.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard listening, printed.hasPrefix("http://127.0.0.1:") else {
            process.send(SIGKILL)
            throw KubeToolsError.serverDidNotStart(String(decoding: process.stderr, as: UTF8.self))
        }
        url = printed
    }

    deinit { stop() }

    /// Ends the server by its PID; its follow and watch streams end with it.
    func stop() {
        guard !process.hasExited else { return }
        process.send(SIGTERM)
        if !process.pump(timeout: .seconds(5), until: { $0.hasExited }) {
            process.send(SIGKILL)
            _ = process.waitKillingOnOverrun(timeout: .seconds(5))
        }
    }
}

/// kubectl's side of a test: a kubeconfig naming one context per fake server (namespace `shop`), and a
/// discovery cache folder of the test's own.
struct KubeSandbox {
    let kubeconfig: String
    let cacheDirectory: String
    let home: String

    /// `contexts`: context name → server URL.
    init(contexts: [(name: String, url: String)], in folder: ScratchFolder) throws {
        var lines = ["apiVersion: v1", "kind: Config", "preferences: {}", "users:", "- name: tester", "  user: {}",
                     "clusters:"]
        for context in contexts {
            lines += ["- name: \(context.name)-cluster", "  cluster:", "    server: \(context.url)"]
        }
        lines.append("contexts:")
        for context in contexts {
            lines += ["- name: \(context.name)", "  context:", "    cluster: \(context.name)-cluster",
                      "    user: tester", "    namespace: shop"]
        }
        lines.append("current-context: \(contexts.first?.name ?? "")")
        kubeconfig = try folder.write("kubeconfig", lines.joined(separator: "\n") + "\n")
        cacheDirectory = folder.path + "/kube-cache"
        home = folder.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    /// The endpoint of `context`'s namespace `shop`, reading this sandbox's kubeconfig and cache.
    func endpoint(_ context: String, deadline: Duration = KubernetesCommands.readDeadline,
                  requestTimeout: Duration = KubernetesCommands.requestTimeout) -> KubernetesEndpoint {
        KubernetesEndpoint(context: context, namespace: "shop", requestTimeout: requestTimeout, deadline: deadline,
                           kubeconfig: kubeconfig, cacheDirectory: cacheDirectory)
    }

    /// Runs `kubectl ARGUMENTS` against `context` to its end, as a person at a shell would (a
    /// deploy or a rollback that opsdeck has yet to see); throws with kubectl's words on failure.
    @discardableResult
    func kubectl(_ context: String, _ arguments: [String], timeout: Duration = .seconds(30)) throws -> String {
        let child = try ChildProcess("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory,
                                                 "--context", context, "--namespace", "shop"] + arguments)
        let result = child.waitKillingOnOverrun(timeout: timeout)
        guard !result.timedOut, result.exitCode == 0 else {
            throw KubeToolsError.kubectlFailed(arguments.joined(separator: " "), result.stderrText)
        }
        return result.stdoutText
    }
}

/// kubectl and python3, which every Kubernetes end-to-end test needs.
enum KubeTools {
    /// Run when both are installed, and always in CI (`CI=true`), where a missing one must fail.
    static var shouldRun: Bool {
        (executable("kubectl") != nil && executable("python3") != nil)
            || ProcessInfo.processInfo.environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    static let missing: Comment = "kubectl or python3 is not on PATH (scripts/install-deps installs both)"

    static func python() throws -> String {
        guard let python = executable("python3") else { throw KubeToolsError.missing("python3") }
        guard executable("kubectl") != nil else { throw KubeToolsError.missing("kubectl") }
        return python
    }

    /// `scripts/fake-kube-apiserver` of this package.
    static let serverScript: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Kubernetes
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("scripts/fake-kube-apiserver").path

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }
}

enum KubeToolsError: Error, CustomStringConvertible {
    case missing(String)
    case serverDidNotStart(String)
    case kubectlFailed(String, String)

    var description: String {
        switch self {
        case .missing(let tool): "\(tool) is not on PATH: the Kubernetes end-to-end tests need it (scripts/install-deps)"
        case .serverDidNotStart(let stderr): "the fake API server did not start: \(stderr)"
        case .kubectlFailed(let command, let stderr): "`kubectl \(command)` failed: \(stderr)"
        }
    }
}

extension KubeSandbox {
    /// The console in tmux (kept open after it exits) with `options`, reading this sandbox's
    /// kubeconfig from its own home, and the tests' Docker engine when `docker` says so.
    func console(_ options: String, columns: Int, rows: Int, docker: Bool, in folder: ScratchFolder) throws -> TmuxSession {
        var environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/.config", "KUBECONFIG": kubeconfig]
        if docker { environment["DOCKER_HOST"] = try DockerEngine.requireHost() }
        return try TmuxSession(try opsdeckCommand(options), columns: columns, rows: rows, environment: environment,
                               remainOnExit: true, currentDirectory: folder.path)
    }

    /// The row of `service` in `environment` on a console screen, "" when it is not there.
    static func row(_ screen: String, _ service: String, _ environment: String) -> String {
        ConsoleDockerTests.row(screen, service, environment) ?? ""
    }
}
