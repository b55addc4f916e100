import Foundation
import Testing
@testable import OpsCore

@Suite struct ConfigLocalTargetTests {
    @Test func everyKey() throws {
        let config = ConfigText.config("""
            local:
              state: /srv/stack/state
            environments:
              staging: {}
              production: { protected: true }
            services:
              api:
                staging:
                  provider: local
                  command: [./bin/api, --listen, "127.0.0.1:{port}", --release, "{version}"]
                  version: 1.4.0
                  versions: [1.5.0, 1.4.0]
                  port: 18080
                  ready_path: /healthz/ready
                  env: { LOG_FORMAT: json, DB_URL: "postgres://localhost/api" }
                  directory: services/api
                production: { provider: local, command: [api], version: "2", port: 18081, base_url: "http://127.0.0.1:9999" }
            """)
        let api = try #require(config?.service(named: "api"))
        let expected = LocalTarget(command: ["./bin/api", "--listen", "127.0.0.1:{port}", "--release", "{version}"],
                                   version: "1.4.0", versions: ["1.5.0", "1.4.0"], port: 18080, readyPath: "/healthz/ready",
                                   environment: ["LOG_FORMAT": "json", "DB_URL": "postgres://localhost/api"],
                                   directory: "services/api", stateFolder: "/srv/stack/state")
        #expect(api.target(in: "staging") == .local(expected))
        #expect(api.target(in: "production") == .local(LocalTarget(command: ["api"], version: "2", port: 18081,
                                                                      stateFolder: "/srv/stack/state")))
        // Probes reach a local service on its front port, unless its base_url says otherwise.
        #expect(api.baseURL(in: "staging") == "http://127.0.0.1:18080")
        #expect(api.baseURL(in: "production") == "http://127.0.0.1:9999")
        #expect(expected.argv(version: "1.5.0", port: 40001) == ["./bin/api", "--listen", "127.0.0.1:40001", "--release", "1.5.0"])
        #expect(expected.argv(version: "1.5.0") == ["./bin/api", "--listen", "127.0.0.1:{port}", "--release", "1.5.0"])
        #expect(expected.offeredVersions == ["1.5.0", "1.4.0"])
        #expect(LocalTarget(command: ["x"], version: "2", versions: ["3"], port: 1).offeredVersions == ["3", "2"])
    }

    @Test func defaultsAndSummary() throws {
        let config = ConfigText.config(ConfigText.withService("""
              api:
                staging: { provider: local, command: [python3, app.py, "{port}"], version: 1.0.0, port: 8080 }
            """))
        let target = try #require(config?.service(named: "api")?.target(in: "staging"))
        guard case .local(let local) = target else { Issue.record("not local: \(target)"); return }
        #expect(local.readyPath == "/ready")
        #expect(local.environment.isEmpty && local.versions.isEmpty && local.directory == nil && local.stateFolder == nil)
        #expect(target.provider == "local")
        #expect(target.summary == "version 1.0.0 of python3 app.py '{port}', on 127.0.0.1:8080, ready at /ready")
    }

    @Test func loadingAFileMakesFoldersAbsolute() throws {
        let folder = NSTemporaryDirectory() + "opsdeck-local-config-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/opsdeck.yml"
        try """
            local: { state: .stack }
            environments: { dev: {} }
            services:
              api: { dev: { provider: local, command: [./api], version: "1", port: 7000 } }
              web: { dev: { provider: local, command: [./web], version: "1", port: 7001, directory: /opt/web } }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: path)
        guard case .local(let api)? = config.service(named: "api")?.target(in: "dev"),
              case .local(let web)? = config.service(named: "web")?.target(in: "dev") else {
            Issue.record("not local targets")
            return
        }
        #expect(api.stateFolder == folder + "/.stack")
        #expect(api.directory == folder)
        #expect(web.directory == "/opt/web")
        #expect(LocalStateLayout(target: api, opsdeckStateFolder: "/state/opsdeck").root == folder + "/.stack")
        #expect(LocalStateLayout(target: LocalTarget(command: ["x"], version: "1", port: 1), opsdeckStateFolder: "/state/opsdeck").root
                == "/state/opsdeck/local")
    }

    @Test func mistakes() {
        #expect(ConfigText.issues("""
            local: { state: [a], folder: x }
            environments:
              staging: {}
            services:
              a: { staging: { provider: local } }
              b: { staging: { provider: local, command: x, version: "-rf", port: 70000 } }
              c: { staging: { provider: local, command: [x], version: 1.0.0, port: 1, ready_path: ready, env: { "A-B": x } } }
              d: { staging: { provider: local, command: [x], version: 1.0.0, port: 1, versions: [1.1.0, "../x"], comand: [y] } }
            """) == [
            "1:17: expected a folder path for state in local, found a list",
            "1:22: unknown key \"folder\" in local (expected one of: state)",
            "5:17: the local target of a/staging has no command: expected the argv list its instances run, e.g. [./api, --port, \"{port}\"]",
            "5:17: the local target of a/staging has no version: expected the version opsdeck local up starts, e.g. 1.4.0",
            "5:17: the local target of a/staging has no port: expected the front port on 127.0.0.1 the service is reached on",
            "6:45: expected a list of text with at least one item for command in the local target of b/staging, found \"x\"",
            "6:57: expected a version (letters, digits, ., _, + and -, not starting with - or .) for version in the local target of b/staging, found \"-rf\"",
            "6:70: expected a port from 1 to 65535 for port in the local target of b/staging, found a number (70000)",
            "7:87: expected a path starting with / for ready_path in the local target of c/staging, found \"ready\"; e.g. /ready",
            "7:101: \"A-B\" in env of the local target of c/staging is not a variable name (letters, digits and _)",
            "8:93: expected a version (letters, digits, ., _, + and -, not starting with - or .) for item 2 of versions in the local target of d/staging, found \"../x\"",
            "8:102: unknown key \"comand\" in the local target of d/staging (expected one of: provider, command, version, versions, port, ready_path, env, directory, base_url; did you mean \"command\"?)",
        ])
    }

    @Test func versionsAndFolderNames() {
        for good in ["1.4.0", "v2", "2024-11-28", "1.0.0+build.5", "a_b"] { #expect(LocalTarget.isVersion(good), "\(good)") }
        for bad in ["", "-x", ".hidden", "1/2", "a b", "1.0\n", String(repeating: "9", count: 129)] {
            #expect(!LocalTarget.isVersion(bad), "\(bad)")
        }
        #expect(LocalStateLayout.folderName("api") == "api")
        #expect(LocalStateLayout.folderName("../etc") == "%2E.%2Fetc")
        #expect(LocalStateLayout.folderName("") == "%")
        #expect(LocalStateLayout.folderName("a b/é") == "a%20b%2F%C3%A9")
    }
}
