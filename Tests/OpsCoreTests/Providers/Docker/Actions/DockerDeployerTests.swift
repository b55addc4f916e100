import Foundation
import Testing
@testable import OpsCore

/// `DockerDeployer`: the reads a plan costs and the exact plans, against the captured fixtures.
@Suite struct DockerDeployerTests {
    static let settings = ActionSettings(opsdeckExecutable: "/opt/opsdeck/bin/opsdeck", stateFolder: "/state/opsdeck",
                                               readyTimeout: .seconds(90))
    static let sick = ServiceKey(service: "fx-sick", environment: "local")
    static let staging = ServiceKey(service: "api", environment: "fx-staging")
    static let notFound = "Error: No such object: fx-sick-opsdeck-old"

    /// The elements of a captured `inspect` array whose `Id` is `id`, as docker prints one.
    static func only(_ id: String, in fixture: String) throws -> String {
        let all = try #require(try JSONSerialization.jsonObject(with: Data(DockerFixture.bytes(fixture))) as? [[String: Any]])
        let picked = all.filter { $0["Id"] as? String == id }
        return String(decoding: try JSONSerialization.data(withJSONObject: picked), as: UTF8.self)
    }

    /// The reads of a deploy over fx-sick, in order.
    static func sickRunner(target: String = "opsdeck-test/web:1.4.0", targetImage: String? = DockerFixture.web140) throws
        -> FakeCommandRunner {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try DockerFixture.text("inspect.json"))
        if let targetImage {
            runner.expect(DockerArgv.imageInspect([target]), stdout: try only(targetImage, in: "image-inspect.json"))
        } else {
            runner.expect(DockerArgv.imageInspect([target]), stdout: "[]", stderr: "Error: No such image", exit: 1)
        }
        runner.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: try only(DockerFixture.web150, in: "image-inspect.json"))
        runner.expect(DockerArgv.inspect(["fx-sick-opsdeck-old"]), stdout: "[]", stderr: notFound, exit: 1)
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try only(DockerFixture.sick, in: "inspect.json"))
        return runner
    }

    static func deployer(_ runner: FakeCommandRunner) -> DockerDeployer {
        DockerDeployer(provider: DockerProvider(discoveringWith: runner), settings: settings)
    }

    @Test func swapsASingleContainerKeepingTheOldOneAsideUntilTheNewOneIsHealthy() async throws {
        let runner = try Self.sickRunner()
        let deployment = try await Self.deployer(runner).deployment(for: Self.sick, version: "1.4.0")
        #expect(runner.pending.isEmpty)
        let plan = deployment.plan
        #expect(plan.kind == .deploy)
        #expect(plan.from == "1.5.0")
        #expect(plan.to == "1.4.0")
        #expect(deployment.fromDigest == DockerFixture.web150)
        #expect(deployment.toDigest == DockerFixture.web140)
        #expect(plan.steps.map(\.command.argv) == [
            ["docker", "rename", "fx-sick", "fx-sick-opsdeck-old"],
            ["docker", "stop", "-t", "10", "fx-sick-opsdeck-old"],
            ["docker", "run", "-d", "--name", "fx-sick", "--label", "org.opsdeck.test.run=fx", "--network", "host",
             "opsdeck-test/web:1.4.0"],
            ["/opt/opsdeck/bin/opsdeck", "docker-wait", "--container", "fx-sick", "--image", "opsdeck-test/web:1.4.0",
             "--timeout", "1m30s"],
            ["docker", "rm", "fx-sick-opsdeck-old"],
        ])
        #expect(deployment.waitStepIndex == 3)
        #expect(deployment.files.isEmpty)
        let putBack = [["docker", "rename", "fx-sick-opsdeck-old", "fx-sick"], ["docker", "start", "fx-sick"]]
        #expect(deployment.recoveryPlan(afterFailedStep: 0) == nil)
        #expect(deployment.recoveryPlan(afterFailedStep: 1)?.steps.map(\.command.argv) == putBack)
        #expect(deployment.recoveryPlan(afterFailedStep: 3)?.steps.map(\.command.argv)
            == [["docker", "rm", "-f", "fx-sick"]] + putBack)
        #expect(deployment.recoveryPlan(afterFailedStep: 3)?.kind == .rollback)
        #expect(deployment.recoveryPlan(afterFailedStep: 4) == nil)
        // Stopped on request: before `run` there is no new container to remove; after the wait the
        // new one proved healthy and stays.
        #expect(deployment.recoveryPlan(stoppedBeforeStep: 0) == nil)
        #expect(deployment.recoveryPlan(stoppedBeforeStep: 1)?.steps.map(\.command.argv) == putBack)
        #expect(deployment.recoveryPlan(stoppedBeforeStep: 2)?.steps.map(\.command.argv) == putBack)
        #expect(deployment.recoveryPlan(stoppedBeforeStep: 3)?.steps.map(\.command.argv)
            == [["docker", "rm", "-f", "fx-sick"]] + putBack)
        #expect(deployment.recoveryPlan(stoppedBeforeStep: 4) == nil)
    }

    @Test func refusesWhileAnEarlierDeployLeftTheOldContainerAside() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try DockerFixture.text("inspect.json"))
        runner.expect(DockerArgv.imageInspect(["opsdeck-test/web:1.4.0"]), stdout: try Self.only(DockerFixture.web140, in: "image-inspect.json"))
        runner.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: try Self.only(DockerFixture.web150, in: "image-inspect.json"))
        runner.expect(DockerArgv.inspect(["fx-sick-opsdeck-old"]), stdout: try Self.only(DockerFixture.sick, in: "inspect.json"))
        await #expect(throws: DockerDeploymentError.self) {
            try await Self.deployer(runner).deployment(for: Self.sick, version: "1.4.0")
        }
        #expect(runner.pending.isEmpty)
    }

    @Test func rollsBackByTagPinnedToTheReleasesImageID() async throws {
        let release = Release(id: DockerFixture.web140, version: "1.4.0", image: ImageReference("opsdeck-test/web:1.4.0"),
                              status: .superseded)
        let choice = DockerDeployer.choice(rollingBackTo: release)
        #expect(choice == .init(reference: "opsdeck-test/web:1.4.0", version: "1.4.0", pinnedID: DockerFixture.web140,
                                digest: DockerFixture.web140))
        // No image lookup of the target: the release already names it.
        let replay = FakeCommandRunner()
        replay.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        replay.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try DockerFixture.text("inspect.json"))
        replay.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: try Self.only(DockerFixture.web150, in: "image-inspect.json"))
        replay.expect(DockerArgv.inspect(["fx-sick-opsdeck-old"]), stdout: "[]", stderr: Self.notFound, exit: 1)
        replay.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try Self.only(DockerFixture.sick, in: "inspect.json"))
        let deployment = try await Self.deployer(replay).deployment(for: Self.sick, kind: .rollback, image: choice)
        #expect(replay.pending.isEmpty)
        #expect(deployment.plan.kind == .rollback)
        #expect(deployment.plan.steps[3].command.argv == [
            "/opt/opsdeck/bin/opsdeck", "docker-wait", "--container", "fx-sick", "--image", "opsdeck-test/web:1.4.0",
            "--image-id", DockerFixture.web140, "--timeout", "1m30s"])
    }

    @Test func rollsBackByRegistryDigestWhenTheReleaseHasOne() {
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        let release = Release(id: DockerFixture.web140, version: "1.4.0",
                              image: ImageReference("registry.example.com:5000/shop/web:1.4.0", digest: digest), status: .superseded)
        #expect(DockerDeployer.choice(rollingBackTo: release)
            == .init(reference: "registry.example.com:5000/shop/web@" + digest, version: "1.4.0", digest: digest))
    }

    @Test func promotesARegistryImageByItsDigest() async throws {
        let digest = "sha256:" + String(repeating: "cd", count: 32)
        let source = ServiceSnapshot(key: ServiceKey(service: "fx-sick", environment: "staging"), provider: "docker",
                                     image: ImageReference("registry.example.com/shop/web:1.4.0", digest: digest))
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try DockerFixture.text("inspect.json"))
        runner.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: try Self.only(DockerFixture.web150, in: "image-inspect.json"))
        runner.expect(DockerArgv.inspect(["fx-sick-opsdeck-old"]), stdout: "[]", stderr: Self.notFound, exit: 1)
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try Self.only(DockerFixture.sick, in: "inspect.json"))
        let deployment = try await Self.deployer(runner).promotion(from: source, to: Self.sick)
        #expect(runner.pending.isEmpty)
        #expect(deployment.plan.kind == .promote)
        #expect(deployment.plan.to == "1.4.0")
        #expect(deployment.toDigest == digest)
        #expect(deployment.plan.steps[2].command.argv.last == "registry.example.com/shop/web@" + digest)
    }

    @Test func recreatesAComposeServiceThroughAnOverrideFileOfItsOwn() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect([DockerFixture.stagingAPI]), stdout: try DockerFixture.text("inspect.json"))
        runner.expect(DockerArgv.imageInspect(["opsdeck-test/web:1.4.0"]), stdout: "[]", stderr: "Error: No such image", exit: 1)
        runner.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: try Self.only(DockerFixture.web150, in: "image-inspect.json"))
        let deployment = try await Self.deployer(runner).deployment(for: Self.staging, version: "1.4.0")
        #expect(runner.pending.isEmpty)
        let override = try #require(deployment.files.first?.path)
        #expect(override.hasPrefix("/state/opsdeck/compose-overrides/fx-staging@api-"))
        #expect(override.hasSuffix(".yml"))
        #expect(override.count == "/state/opsdeck/compose-overrides/fx-staging@api-".count + 16 + 4)
        #expect(deployment.plan.steps.map(\.command.argv) == [
            ["docker-compose", "-p", "fx-staging", "--project-directory", "/work/wt-docker/Tests/docker/compose",
             "-f", "/work/wt-docker/Tests/docker/compose/docker-compose.yml", "-f", override,
             "up", "-d", "--no-deps", "api"],
            ["/opt/opsdeck/bin/opsdeck", "docker-wait", "--compose-project", "fx-staging", "--compose-service", "api",
             "--image", "opsdeck-test/web:1.4.0", "--timeout", "1m30s"],
        ])
        #expect(deployment.toDigest == nil)
        #expect(deployment.files.map(\.path) == [override])
        #expect(deployment.files.first?.contents.hasSuffix("services:\n  \"api\":\n    image: \"opsdeck-test/web:1.4.0\"\n") == true)
        #expect(deployment.recoveries.isEmpty)
        #expect(deployment.waitStepIndex == 1)
    }
}
