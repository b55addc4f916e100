import Foundation
import Testing

/// `opsdeck config check`, run as a user runs it.
@Suite struct ConfigCheckTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// An empty working directory and an empty user configuration folder, so that nothing on
    /// this machine is found by accident.
    struct Sandbox {
        let root: URL
        var work: String { root.appendingPathComponent("work").path }
        var xdg: String { root.appendingPathComponent("xdg").path }
        var environment: [String: String] { ["XDG_CONFIG_HOME": xdg, "HOME": root.path] }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("work").path,
                                                    withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: xdg + "/opsdeck", withIntermediateDirectories: true)
        }

        func write(_ text: String, to path: String) throws {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> ChildResult {
            try OpsdeckBinary.run(["config", "check"] + arguments, environment: environment, currentDirectory: work)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func aGoodFilePrintsWhatWasUnderstood() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let example = Self.packageRoot.appendingPathComponent("Examples/opsdeck.yml").path
        let result = try sandbox.run(["--config", example])
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "\(example): valid (given with --config)")
        #expect(Array(lines.dropFirst()) == [
            "",
            "Environments, in promotion order:",
            "  1. staging     auto-rollback; soak 30m; prometheus https://prometheus.staging.shop.example.com (basic auth from $SHOP_STAGING_PROMETHEUS_AUTH); docker host ssh://deploy@staging.shop.example.com",
            "  2. production  protected; prometheus https://prometheus.shop.example.com (bearer token from $SHOP_PROMETHEUS_TOKEN); docker context shop-production",
            "",
            "Services:",
            "  api     staging     docker  compose project shop-staging, service api (docker host ssh://deploy@staging.shop.example.com), base_url https://api.staging.shop.example.com",
            "  api     production  docker  compose project shop-production, service api (docker context shop-production), base_url https://api.shop.example.com",
            "  api     probes      2       health (GET /health, every 30s), ready (GET /ready, every 30s)",
            "  api     metrics     2       error_rate, p99_seconds",
            "  web     staging     docker  compose project shop-staging, service web (docker host ssh://deploy@staging.shop.example.com), base_url https://staging.shop.example.com",
            "  web     production  docker  compose project shop-production, service web (docker context shop-production), base_url https://shop.example.com",
            "  web     probes      1       home (GET /, every 30s)",
            "  web     metrics     2       error_ratio, rps",
            "  worker  staging     docker  compose project shop-staging, service worker (docker host ssh://deploy@staging.shop.example.com)",
            "  worker  production  docker  containers labelled com.shop.env=production, com.shop.role=worker (docker context shop-production)",
            "  worker  probes      1       queue (command redis-cli -h queue.internal ping, every 1m)",
            "  worker  metrics     1       queue_depth",
            "",
            "Journal: /var/log/opsdeck/journal.jsonl",
            "Alerts: bell; on_alert /usr/local/bin/page-oncall --team shop (within 10s)",
            "",
        ])
    }

    @Test func aBadFilePrintsEveryIssueOnStandardErrorAndFails() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("""
            environments:
              staging: {}
            services:
              api:
                staging:
                  provider: kubernetes
                  deploymnet: api
                  context: stage-eu
                  namespace: shop
                production: { provider: fly, app: api }
            """, to: sandbox.work + "/opsdeck.yml")
        let result = try sandbox.run([])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty, "stdout: \(result.stdoutText)")
        let file = sandbox.work + "/opsdeck.yml"
        #expect(result.stderrText.split(separator: "\n").map(String.init) == [
            "\(file):6:7: the kubernetes target of api/staging names no workload: expected deployment, rollout (Argo Rollouts), statefulset or daemonset (both read-only)",
            "\(file):7:7: unknown key \"deploymnet\" in the kubernetes target of api/staging (expected one of: provider, context, namespace, deployment, rollout, statefulset, daemonset, container, base_url; did you mean \"deployment\"?)",
            "\(file):10:5: environment \"production\" of service api is not declared under environments (declared: staging)",
            "opsdeck: \(file) has 3 issues",
        ])
    }

    @Test func withoutAConfigurationItSaysWhereItLookedAndShowsAnExample() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run([])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        let text = result.stderrText
        #expect(text.hasPrefix("opsdeck: no configuration found; looked for:\n  \(sandbox.work)/opsdeck.yml\n  \(sandbox.xdg)/opsdeck/config.yml\n"), "\(text)")
        #expect(text.contains("    environments:\n      staging: {}\n"))
        #expect(text.contains("staging:    { provider: docker, project: shop-staging, service: api }"))
    }

    @Test func aMissingFileGivenWithConfigIsAnIssueNotDiscovery() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(ConfigCheckTests.minimal, to: sandbox.work + "/opsdeck.yml")
        let result = try sandbox.run(["--config", "nope.yml"])
        #expect(result.exitCode == 1)
        #expect(result.stderrText == "nope.yml:1:1: no such file\nopsdeck: nope.yml has 1 issue\n")
    }

    @Test func theUserConfigurationIsFoundWhenTheWorkingDirectoryHasNone() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(ConfigCheckTests.minimal, to: sandbox.xdg + "/opsdeck/config.yml")
        let result = try sandbox.run([])
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.hasPrefix("\(sandbox.xdg)/opsdeck/config.yml: valid (found in the user's configuration folder)\n"))
    }

    @Test func namesFromTheFileArePrintedWithoutControlBytes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("""
            environments:
              "stag\\e]0;owned\\u0007ing": {}
            services:
              "api\\e[2J":
                "stag\\e]0;owned\\u0007ing": { provider: docker, container: "c\\u009b31m" }
            """, to: sandbox.work + "/opsdeck.yml")
        let good = try sandbox.run([])
        #expect(good.exitCode == 0, "stderr: \(good.stderrText)")
        #expect(!good.stdout.contains { $0 < 0x20 && $0 != UInt8(ascii: "\n") })
        #expect(good.stdoutText.contains("api\\e[2J  stag\\e]0;owned\\x07ing  docker  container c\\u{9b}31m"), "\(good.stdoutText)")
        try sandbox.write("environments:\n  \"a\\e[31m\": []\n", to: sandbox.work + "/opsdeck.yml")
        let bad = try sandbox.run([])
        #expect(bad.exitCode == 1)
        #expect(!bad.stderr.contains { $0 < 0x20 && $0 != UInt8(ascii: "\n") })
        #expect(bad.stderrText.contains("environment a\\e[31m"), "\(bad.stderrText)")
    }

    static let minimal = """
        environments:
          staging: {}
        services:
          api:
            staging: { provider: docker, container: api }
        """
}
