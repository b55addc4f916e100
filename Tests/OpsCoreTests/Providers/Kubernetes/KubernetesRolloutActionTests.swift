import Foundation
import Testing
@testable import OpsCore

/// The Argo Rollout actions: exact argv with and without the plugin, and the plans the changer
/// makes from what it reads.
@Suite struct KubernetesRolloutActionTests {
    static let settings = ActionSettings(opsdeckExecutable: "opsdeck", stateFolder: "/state/opsdeck", readyTimeout: .seconds(120),
                                         shortTimeout: .seconds(30))
    static let key = KubernetesFixture.key("checkout")
    static let target = KubernetesTarget(context: "prod-eu", namespace: "shop", workload: .rollout("checkout"))

    func commands(plugin: Bool) -> KubernetesRolloutActionCommands {
        KubernetesRolloutActionCommands(endpoint: KubernetesFixture.endpoint, rollout: "checkout", usesPlugin: plugin)
    }

    func changer(_ runner: FakeCommandRunner, plugin: Bool = false) -> KubernetesRolloutChanger {
        KubernetesRolloutChanger(provider: KubernetesProvider(runner: runner, endpoint: KubernetesFixture.endpoint,
                                                              targets: [Self.key: Self.target]),
                                 settings: Self.settings, usesPlugin: plugin)
    }

    /// The reads every plan starts from.
    func expectReads(_ runner: FakeCommandRunner, rollout: String = "checkout") throws {
        let list = try KubernetesFixture.text("rollouts.json")
        let document = try #require(try KubernetesJSON.objects(Array(list.utf8), command: "test")
            .first { $0["metadata"]?["name"] == .string(rollout) })
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", rollout, "-o", "json"]), stdout: JSONWriter.serialize(document))
        runner.expect(KubectlArgv.read(["get", "replicasets", "-o", "json", "-l", "app=\(rollout)"]),
                      stdout: try KubernetesFixture.text("rollout-replicasets.json"))
    }

    @Test func pluginCommandsPutTheFlagsAfterThePluginsName() {
        let plugin = commands(plugin: true)
        let flags = ["--context", "prod-eu", "--namespace", "shop"]
        #expect(plugin.setImage(container: "checkout", index: 0, image: "local/checkout:1.6.0").argv
            == ["kubectl", "argo", "rollouts", "set", "image", "checkout", "checkout=local/checkout:1.6.0"] + flags)
        #expect(plugin.promoteStep(pausedByHand: true).map(\.argv) == [["kubectl", "argo", "rollouts", "promote", "checkout"] + flags])
        #expect(plugin.abort().argv == ["kubectl", "argo", "rollouts", "abort", "checkout"] + flags)
        #expect(plugin.undo(toRevision: 1, template: .object([])).argv
            == ["kubectl", "argo", "rollouts", "undo", "checkout", "--to-revision=1"] + flags)
    }

    @Test func patchCommandsSendWhatThePluginSends() {
        let patch = commands(plugin: false)
        #expect(patch.setImage(container: "checkout", index: 1, image: "local/checkout:1.6.0").argv == KubectlArgv.read([
            "patch", "rollout.argoproj.io/checkout", "--type", "json", "-p",
            #"[{"op":"test","path":"/spec/template/spec/containers/1/name","value":"checkout"},{"op":"replace","path":"/spec/template/spec/containers/1/image","value":"local/checkout:1.6.0"}]"#]))
        #expect(patch.promoteStep(pausedByHand: false).map(\.argv) == [KubectlArgv.read([
            "patch", "rollout.argoproj.io/checkout", "--subresource=status", "--type", "merge", "-p", #"{"status":{"pauseConditions":null}}"#])])
        #expect(patch.promoteStep(pausedByHand: true).last?.argv == KubectlArgv.read([
            "patch", "rollout.argoproj.io/checkout", "--type", "merge", "-p", #"{"spec":{"paused":false}}"#]))
        #expect(patch.abort().argv == KubectlArgv.read([
            "patch", "rollout.argoproj.io/checkout", "--subresource=status", "--type", "merge", "-p", #"{"status":{"abort":true}}"#]))
        let template: JSONValue = .object([JSONMember("spec", .object([]))])
        #expect(patch.undo(toRevision: 1, template: template).argv == KubectlArgv.read([
            "patch", "rollout.argoproj.io/checkout", "--type", "json", "-p", #"[{"op":"replace","path":"/spec/template","value":{"spec":{}}}]"#]))
        let wait = patch.wait(field: ".status.phase", equals: "Healthy", timeout: .seconds(90))
        #expect(wait.argv == KubectlArgv.follow(["wait", "rollout.argoproj.io/checkout", "--for=jsonpath={.status.phase}=Healthy",
                                                 "--timeout=90s"]))
        #expect(wait.timeout == .seconds(105) && !wait.isLongRunning)
    }

    @Test func deployWaitsForTheControllerThenTheCanarysPause() async throws {
        let runner = FakeCommandRunner()
        try expectReads(runner)
        let action = try await changer(runner).deployment(for: Self.key, version: "1.6.0")
        #expect(runner.pending.isEmpty)
        #expect(action.plan.kind == .deploy && action.plan.from == "1.5.0" && action.plan.to == "1.6.0")
        #expect(action.plan.steps.map(\.summary) == [
            "set the image of container checkout of rollout checkout to local/checkout:1.6.0",
            "wait for the Argo Rollouts controller to observe the new spec",
            "wait for the canary to reach its pause at step 2/4",
        ])
        #expect(action.plan.steps[1].command.arguments.suffix(3)
            == ["rollout.argoproj.io/checkout", "--for=jsonpath={.status.observedGeneration}=3", "--timeout=30s"])
        #expect(action.plan.steps[2].command.arguments.suffix(2) == ["--for=jsonpath={.status.currentStepIndex}=1", "--timeout=120s"])
        #expect(action.waitStepIndex == 2 && action.recoveries[2]?.map(\.command) == [commands(plugin: false).abort()])
    }

    @Test func promoteByDigestFromAnotherEnvironment() async throws {
        let runner = FakeCommandRunner()
        try expectReads(runner)
        let source = ServiceSnapshot(key: KubernetesFixture.key("checkout", "staging"), provider: "kubernetes",
                                     image: ImageReference("registry.example.com/checkout:1.6.0", digest: "sha256:abc"))
        let action = try await changer(runner, plugin: true).promotion(from: source, to: Self.key)
        #expect(action.plan.kind == .promote && action.plan.to == "1.6.0" && action.toDigest == "sha256:abc")
        #expect(action.plan.steps[0].command.argv.prefix(7)
            == ["kubectl", "argo", "rollouts", "set", "image", "checkout", "checkout=registry.example.com/checkout:1.6.0@sha256:abc"])
    }

    @Test func promoteStepAndAbortOfAPausedCanary() async throws {
        let runner = FakeCommandRunner()
        try expectReads(runner)
        let promote = try await changer(runner).stepPromotion(of: Self.key)
        #expect(promote.plan.kind == .promote && promote.plan.from == "1.4.0" && promote.plan.to == "1.5.0")
        #expect(promote.plan.steps.map(\.summary) == ["promote rollout checkout: end its pause", "wait until rollout checkout is Healthy"])

        try expectReads(runner)
        let abort = try await changer(runner).abort(of: Self.key)
        #expect(abort.plan.kind == .rollback && abort.plan.from == "1.5.0" && abort.plan.to == "1.4.0")
        #expect(abort.plan.steps.map(\.summary) == [
            "abort: the canary is scaled back to the stable version 1.4.0; the spec still names 1.5.0: deploy or roll back to finish",
            "wait until the stable version runs every pod (phase Degraded: aborted)",
        ])
        #expect(abort.plan.steps[1].command.arguments.contains("--for=jsonpath={.status.phase}=Degraded"))
        #expect(runner.pending.isEmpty)
    }

    @Test func undoSendsTheRevisionsTemplateWithoutTheHashLabel() async throws {
        let runner = FakeCommandRunner()
        try expectReads(runner)
        let release = Release(id: "1", version: "1.4.0", status: .superseded)
        let action = try await changer(runner).rollback(of: Self.key, to: release)
        let body = try #require(action.plan.steps[0].command.arguments.last)
        #expect(body.hasPrefix(#"[{"op":"replace","path":"/spec/template","value":{"#) && body.contains("local/checkout:1.4.0"))
        #expect(!body.contains("rollouts-pod-template-hash"))
        // Back to the stable template: no canary steps, so the end is Healthy.
        #expect(action.plan.steps.last?.command.arguments.contains("--for=jsonpath={.status.phase}=Healthy") == true)
    }

    @Test func whatCannotBePlannedSaysWhy() async throws {
        let runner = FakeCommandRunner()
        try expectReads(runner, rollout: "cart")
        let cart = KubernetesTarget(context: "prod-eu", namespace: "shop", workload: .rollout("cart"))
        let healthy = KubernetesRolloutChanger(provider: KubernetesProvider(runner: runner, endpoint: KubernetesFixture.endpoint,
                                                                            targets: [KubernetesFixture.key("cart"): cart]),
                                               settings: Self.settings, usesPlugin: false)
        await #expect(throws: KubernetesRolloutActionError.notApplicable("rollout cart is not paused (phase Healthy): nothing to promote")) {
            try await healthy.stepPromotion(of: KubernetesFixture.key("cart"))
        }
        try expectReads(runner)
        await #expect(throws: KubernetesRolloutActionError.noVersion("rollout checkout has no revision 9")) {
            try await changer(runner).rollback(of: Self.key, to: Release(id: "9", version: "x", status: .superseded))
        }
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", "checkout", "-o", "json"]),
                      stderr: "error: the server doesn't have a resource type \"rollouts\"\n", exit: 1)
        await #expect(throws: KubernetesProviderError.rolloutsNotInstalled(Self.key, KubernetesFixture.endpoint)) {
            try await changer(runner).abort(of: Self.key)
        }
    }

    @Test func pluginIsFoundOnPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("argo-plugin-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!KubernetesRolloutChanger.pluginInstalled(path: "/nonexistent:\(folder)"))
        #expect(FileManager.default.createFile(atPath: folder + "/kubectl-argo-rollouts", contents: Data("#!/bin/sh\n".utf8),
                                               attributes: [.posixPermissions: 0o755]))
        #expect(KubernetesRolloutChanger.pluginInstalled(path: "/nonexistent:\(folder)"))
        #expect(!KubernetesRolloutChanger.pluginInstalled(path: nil))
    }

    @Test func serviceChangersHandRolloutsToTheRolloutChanger() throws {
        let changer = try ServiceChangers.changer(for: Self.key, target: .kubernetes(Self.target), settings: Self.settings,
                                                  runner: FakeCommandRunner())
        #expect(changer is KubernetesRolloutChanger)
    }
}
