import Foundation
import OpsCore
import Testing

/// `opsdeck deploy` and `opsdeck promote` of compose services on the real engine (docker-compose
/// v1): the project's files stay as they are, the override lives in opsdeck's state folder, and a
/// promotion runs in production the very image staging runs.
@Suite(.enabled(if: DockerEngine.shouldRun, DockerEngine.missing))
struct ActionsComposeTests {
    /// Projects `<prefix>-stg` (web 1.5.0) and `<prefix>-prd` (web 1.4.0) as environments staging
    /// and production of service `web`.
    static func sandbox(production: String = "{}") throws -> (ActionSandbox, staging: String, production: String) {
        let sandbox = try ActionSandbox()
        let staging = try sandbox.startCompose("stg", version: "1.5.0")
        let productionProject = try sandbox.startCompose("prd", version: "1.4.0")
        try sandbox.writeConfig(environments: "  staging: {}\n  production: \(production)", services: """
              web:
                staging:    { provider: docker, project: \(staging), service: web, \(sandbox.hostSetting) }
                production: { provider: docker, project: \(productionProject), service: web, \(sandbox.hostSetting) }
            """)
        return (sandbox, staging, productionProject)
    }

    @Test func deploysAComposeServiceWithoutTouchingTheProjectsFiles() throws {
        let (sandbox, _, production) = try Self.sandbox()
        defer { sandbox.remove() }
        let composeFile = sandbox.work + "/prd/docker-compose.yml"
        let original = try String(contentsOfFile: composeFile, encoding: .utf8)
        let deploy = try sandbox.opsdeck(["deploy", "web", "--env", "production", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 0, "\(deploy.stdoutText)\n\(deploy.stderrText)")
        #expect(deploy.stdoutText.contains("docker-compose -p \(production) --project-directory"))
        let container = try #require(try sandbox.inspect(production + "_web_1"))
        #expect(container.imageReference == "opsdeck-test/web:1.5.0")
        #expect(container.state.health?.state == .healthy)
        #expect(container.environment["ROLE"] == "prd")
        #expect(try String(contentsOfFile: composeFile, encoding: .utf8) == original)
        let folder = sandbox.state + "/opsdeck/compose-overrides"
        let overrides = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(overrides.count == 1)
        #expect(overrides.first?.hasPrefix("\(production)@web-") == true)
        let override = folder + "/" + (overrides.first ?? "")
        #expect(try String(contentsOfFile: override, encoding: .utf8).contains("image: \"opsdeck-test/web:1.5.0\""))
        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.deploy])
        #expect(actions.first?.outcome == .ok)
        #expect(actions.first?.steps.count == 2)
    }

    @Test func promotesWhatStagingRunsByItsImage() throws {
        let (sandbox, staging, production) = try Self.sandbox(production: "{ protected: true }")
        defer { sandbox.remove() }
        let source = try #require(try sandbox.inspect(staging + "_web_1"))
        let dry = try sandbox.opsdeck(["promote", "web", "--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.stdoutText)\n\(dry.stderrText)")
        #expect(dry.stdoutText.contains("[ok] source probes: no probes configured"))
        #expect(dry.stdoutText.contains("--image-id \(source.imageID)"))

        let promote = try sandbox.opsdeck(["promote", "web", "--from", "staging", "--to", "production", "--yes"])
        #expect(promote.exitCode == 0, "\(promote.stdoutText)\n\(promote.stderrText)")
        let target = try #require(try sandbox.inspect(production + "_web_1"))
        #expect(target.imageID == source.imageID)
        #expect(target.state.health?.state == .healthy)
        let actions = try sandbox.journalActions()
        #expect(actions.map(\.kind) == [.promote])
        #expect(actions.first?.key == ServiceKey(service: "web", environment: "production"))
        #expect(actions.first?.to.digest == source.imageID)
        #expect(actions.first?.gateOverride == nil)
    }

    @Test func aRedGateBlocksUnlessOverriddenAndTheOverrideIsJournalled() throws {
        let (sandbox, staging, production) = try Self.sandbox()
        defer { sandbox.remove() }
        // Staging must have run its version for an hour: it has not.
        try sandbox.writeConfig(environments: "  staging: { soak: 1h }\n  production: {}", services: """
              web:
                staging:    { provider: docker, project: \(staging), service: web, \(sandbox.hostSetting) }
                production: { provider: docker, project: \(production), service: web, \(sandbox.hostSetting) }
            """)
        let blocked = try sandbox.opsdeck(["promote", "web", "--yes"])
        #expect(blocked.exitCode == 3, "\(blocked.stdoutText)\n\(blocked.stderrText)")
        #expect(blocked.stdoutText.contains("[RED] soak: has run in staging for"))
        #expect(try sandbox.inspect(production + "_web_1")?.imageReference == "opsdeck-test/web:1.4.0")

        let overridden = try sandbox.opsdeck(["promote", "web", "--yes", "--override-gates"])
        #expect(overridden.exitCode == 0, "\(overridden.stdoutText)\n\(overridden.stderrText)")
        let actions = try sandbox.journalActions()
        #expect(actions.count == 1)
        #expect(actions.first?.gateOverride?.gates.first?.hasPrefix("soak: ") == true)
    }
}
