import Foundation

/// What `opsdeck-bench kube-console` starts from, written into one folder: the fake API server's
/// seed (N deployments in namespace `shop`, P pods spread over them), an opsdeck.yml naming every
/// deployment as a service in production (one line each: the console has no discovery of a
/// namespace, and a configuration is how a team points it at one), and a kubeconfig whose one
/// context `bench` points at the server.
struct KubeConsoleFixture {
    let folder: String
    let deployments: Int
    let pods: Int

    var seedPath: String { folder + "/seed.json" }
    var configPath: String { folder + "/opsdeck.yml" }
    var kubeconfigPath: String { folder + "/kubeconfig" }
    var cacheDirectory: String { folder + "/kube-cache" }

    /// Pods of deployment `index`: `pods` spread evenly, the remainder on the first ones.
    func podCount(of index: Int) -> Int { pods / max(1, deployments) + (index < pods % max(1, deployments) ? 1 : 0) }

    func writeSeedAndConfig() throws {
        var seed = "{\"deployments\": [\n"
        var config = "environments:\n  production: {}\nservices:\n"
        for index in 0..<deployments {
            let name = "svc-\(index)"
            seed += (index == 0 ? "" : ",\n")
                + "{\"name\": \"\(name)\", \"namespace\": \"shop\", \"replicas\": \(podCount(of: index)), "
                + "\"revisions\": [\"registry.example.com/shop/\(name):1.\(index % 40).0\", "
                + "{\"image\": \"registry.example.com/shop/\(name):1.\(index % 40).1\", \"changeCause\": \"deploy\"}]}"
            config += "  \(name): { production: { provider: kubernetes, context: bench, namespace: shop, deployment: \(name) } }\n"
        }
        seed += "\n]}\n"
        try seed.write(toFile: seedPath, atomically: true, encoding: .utf8)
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    func writeKubeconfig(server: String) throws {
        let text = """
            apiVersion: v1
            kind: Config
            preferences: {}
            users:
            - name: bench
              user: {}
            clusters:
            - name: bench
              cluster: { server: "\(server)" }
            contexts:
            - name: bench
              context: { cluster: bench, user: bench, namespace: shop }
            current-context: bench

            """
        try text.write(toFile: kubeconfigPath, atomically: true, encoding: .utf8)
    }

    /// The environment kubectl (and opsdeck's kubectl) runs in: this kubeconfig, its own cache.
    var kubeEnvironment: [String: String] {
        ["KUBECONFIG": kubeconfigPath, "KUBECACHEDIR": cacheDirectory, "HOME": folder, "XDG_CONFIG_HOME": folder + "/config"]
    }
}

/// `scripts/fake-kube-apiserver` for the bench: started on a free loopback port, stopped by its PID.
struct FakeKubeServerProcess {
    let child: RunningChild
    let url: String

    /// The script: `--server PATH`, else `scripts/fake-kube-apiserver` under the current folder or
    /// two folders above the bench (`.build/release/`), where a checkout has it.
    static func locate(_ explicit: String?) -> String? {
        if let explicit { return FileManager.default.fileExists(atPath: explicit) ? explicit : nil }
        let candidates = [FileManager.default.currentDirectoryPath + "/scripts/fake-kube-apiserver",
                          ToolLocator.ownDirectory() + "/../../scripts/fake-kube-apiserver"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func start(python: String, script: String, seed: String, folder: String) throws -> FakeKubeServerProcess {
        let addressFile = folder + "/server-address.txt"
        // The server's controller walks every deployment each rollout step: with a thousand of them
        // that would keep a core busy for nothing (nothing rolls out here), so it steps hourly.
        let child = try ChildProcess.start([python, script, "--seed", seed, "--rollout-step", "3600"],
                                           standardOutput: .file(addressFile))
        let started = MonotonicClock.now()
        while MonotonicClock.seconds(since: started) < 120 {
            let printed = ((try? String(contentsOfFile: addressFile, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if printed.hasPrefix("http://127.0.0.1:") { return FakeKubeServerProcess(child: child, url: printed) }
            usleep(20_000)
        }
        child.send(SIGKILL)
        _ = try? child.wait()
        throw BenchError("the fake kube API server did not print its address within 120 s")
    }

    /// The server waits for its open streams before it exits; should a client linger, it is
    /// killed after a few seconds rather than holding the bench forever.
    func stop() {
        child.terminate(grace: 5)
    }
}
