import Foundation
import Testing
@testable import OpsCore

/// `services()` against the captured outputs, through a runner that checks every argv.
@Suite struct DockerProviderListingTests {
    static let targets: [ServiceKey: DockerTarget] = [
        ServiceKey(service: "api", environment: "fx-staging"): DockerTarget(.compose(project: "fx-staging", service: "api")),
        ServiceKey(service: "api", environment: "fx-production"): DockerTarget(.compose(project: "fx-production", service: "api")),
        ServiceKey(service: "sick", environment: "local"): DockerTarget(.container("fx-sick")),
        ServiceKey(service: "noted", environment: "x"): DockerTarget(.labels(["org.opsdeck.note": "a,b=c,d"])),
        ServiceKey(service: "api", environment: "nowhere"): DockerTarget(.compose(project: "nowhere", service: "api")),
    ]

    private func scriptedRunner(inspecting ids: [String], images: [String]) throws -> FakeCommandRunner {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect(ids), stdout: try DockerFixture.text("inspect.json"))
        runner.expect(DockerArgv.imageInspect(images), stdout: try DockerFixture.text("image-inspect.json"))
        return runner
    }

    @Test func listsConfiguredServicesWithOnePsOneInspectOneImageInspect() async throws {
        // Only the ps lines that may belong to a target are inspected, in ps order.
        let runner = try scriptedRunner(
            inspecting: [DockerFixture.hostile, DockerFixture.productionAPI, DockerFixture.stagingAPI, DockerFixture.sick],
            images: [DockerFixture.busyboxImage, DockerFixture.web140, DockerFixture.web150])
        let provider = DockerProvider(runner: runner, targets: Self.targets)
        let snapshots = try await provider.services()
        #expect(runner.pending.isEmpty)
        #expect(snapshots.map(\.key.description) == ["api/fx-production", "api/fx-staging", "sick/local", "api/nowhere", "noted/x"])
        #expect(snapshots.allSatisfy { $0.provider == "docker" })

        let staging = snapshots[1]
        #expect(staging.replicas.map(\.name) == ["fx-staging_api_1"])
        #expect(staging.image == ImageReference("opsdeck-test/web:1.5.0"))
        #expect(staging.commit == DockerFixture.revision150)
        #expect(staging.updatedAt == DockerFixture.time(2026, 11, 29, 4, 30, 57, nanoseconds: 949_844_422))
        #expect(staging.state == .running && staging.health == .healthy && staging.note == nil)
        let replica = staging.replicas[0]
        #expect(replica.id == DockerFixture.stagingAPI)
        #expect(replica.detail == "Up 5 seconds (healthy)")
        #expect(replica.exitCode == nil && replica.restarts == 0)
        #expect(replica.startedAt == DockerFixture.time(2026, 11, 29, 4, 30, 58, nanoseconds: 913_088_723))

        #expect(snapshots[0].image?.version == "1.4.0")
        #expect(snapshots[2].health == .unhealthy && snapshots[2].state == .running)
        #expect(snapshots[3].replicas.isEmpty && snapshots[3].state == .stopped)
        #expect(snapshots[3].note == "no container of compose project nowhere, service api")
        // A label value with commas selects exactly, from inspect's labels.
        #expect(snapshots[4].replicas.map(\.name) == ["fx-hostile"])
    }

    @Test func theQuickListingReadsPsAloneAndAgreesWithTheFullOneOnWhatPsSays() async throws {
        let quickRunner = FakeCommandRunner()
        quickRunner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        let quick = try #require(try await DockerProvider(runner: quickRunner, targets: Self.targets).quickServices())
        #expect(quickRunner.pending.isEmpty && quickRunner.commands.count == 1)
        let full = try await DockerProvider(
            runner: try scriptedRunner(
                inspecting: [DockerFixture.hostile, DockerFixture.productionAPI, DockerFixture.stagingAPI, DockerFixture.sick],
                images: [DockerFixture.busyboxImage, DockerFixture.web140, DockerFixture.web150]),
            targets: Self.targets).services()
        #expect(quick.map(\.key) == full.map(\.key))
        // ps joins labels with commas, so a label whose value holds one ("a,b=c,d") is matched
        // only once inspect has given the exact labels: the full listing completes that row.
        let noted = ServiceKey(service: "noted", environment: "x")
        #expect(quick.first { $0.key == noted }?.replicas.isEmpty == true)
        #expect(full.first { $0.key == noted }?.replicas.count == 1)
        let (quickRest, fullRest) = (quick.filter { $0.key != noted }, full.filter { $0.key != noted })
        #expect(quickRest.map(\.state) == fullRest.map(\.state))
        #expect(quickRest.map(\.health) == fullRest.map(\.health))
        #expect(quickRest.map { $0.replicas.map(\.name) } == fullRest.map { $0.replicas.map(\.name) })
        #expect(quickRest.map { $0.image?.reference } == fullRest.map { $0.image?.reference })
    }

    @Test func discoversComposeProjectsAsEnvironmentsAndOtherContainersAsLocalServices() async throws {
        let runner = try scriptedRunner(inspecting: DockerFixture.psOrder,
                                        images: [DockerFixture.busyboxImage, DockerFixture.web140, DockerFixture.web150])
        let provider = DockerProvider(discoveringWith: runner)
        let snapshots = try await provider.services()
        #expect(runner.pending.isEmpty)
        #expect(snapshots.map(\.key) == [
            ServiceKey(service: DockerFixture.hostileService, environment: "fx-hostile"),
            ServiceKey(service: "api", environment: "fx-production"),
            ServiceKey(service: "worker", environment: "fx-production"),
            ServiceKey(service: "api", environment: "fx-staging"),
            ServiceKey(service: "worker", environment: "fx-staging"),
        ] + ["fx-crashloop", "fx-created", "fx-killed", "fx-logger", "fx-oom", "fx-paused", "fx-sick", "fx-stopped"]
            .map { ServiceKey(service: $0, environment: "local") })

        func snapshot(_ service: String) throws -> ServiceSnapshot {
            try #require(snapshots.first { $0.key.service == service && $0.key.environment == "local" })
        }
        let crashLoop = try snapshot("fx-crashloop")
        #expect(crashLoop.state == .degraded)
        #expect(crashLoop.replicas[0].restarts == 6 && crashLoop.replicas[0].exitCode == 1)
        #expect(crashLoop.replicas[0].detail == "Restarting (1) Less than a second ago")
        let oom = try snapshot("fx-oom")
        #expect(oom.state == .failed && oom.replicas[0].exitCode == 137)
        #expect(oom.replicas[0].detail == "Exited (137) 2 seconds ago, OOMKilled")
        #expect(oom.note == "fx-oom was killed for want of memory (OOM)")
        let stopped = try snapshot("fx-stopped")
        #expect(stopped.state == .stopped && stopped.replicas[0].exitCode == 0)
        #expect(stopped.health == .none, "a stopped container's last verdict is stale")
        #expect(try snapshot("fx-killed").state == .failed)
        #expect(try snapshot("fx-created").state == .starting)
        #expect(try snapshot("fx-paused").state == .paused)
        #expect(try snapshot("fx-logger").health == .none)
        #expect(try snapshot("fx-sick").replicas[0].health == .unhealthy)
    }

    @Test func aimsEveryCommandAtTheEndpoint() async throws {
        let recorder = RecordingRunner()
        let endpoint = DockerEndpoint(context: "prod-eu", host: "ssh://ops@build.example.com")
        recorder.fake.expect(["docker", "--context", "prod-eu"] + Array(DockerArgv.ps.dropFirst()),
                             stdout: try DockerFixture.text("ps.ndjson"))
        recorder.fake.expect(["docker", "--context", "prod-eu", "inspect", "--type", "container", DockerFixture.sick],
                             stdout: try DockerFixture.text("inspect-partial.json"))
        recorder.fake.expect(["docker", "--context", "prod-eu", "image", "inspect", DockerFixture.web150],
                             stdout: try DockerFixture.text("image-inspect.json"))
        let key = ServiceKey(service: "sick", environment: "local")
        let provider = DockerProvider(runner: recorder, endpoint: endpoint, targets: [key: DockerTarget(.container("fx-sick"))])
        _ = try await provider.services()
        #expect(recorder.commands.count == 3)
        #expect(recorder.commands.allSatisfy { $0.environment == ["DOCKER_HOST": "ssh://ops@build.example.com"] })
        #expect(recorder.commands.allSatisfy { $0.timeout == .seconds(10) && !$0.isLongRunning })
    }

    @Test func keepsDockersOwnWordsWhenTheEngineIsDown() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stderr: try DockerFixture.text("no-daemon.stderr"), exit: 1)
        let error = try await #require(throws: CommandError.self) {
            try await DockerProvider(discoveringWith: runner).services()
        }
        guard case .failed(let command, let result) = error else {
            Issue.record("expected .failed, got \(error)")
            return
        }
        #expect(command.argv == DockerArgv.ps)
        #expect(result.exitCode == 1)
        #expect(error.description.contains("Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?"))
    }

    @Test func keepsTheContainersStillThereWhenOneVanishedBetweenPsAndInspect() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.lines("ps.ndjson").suffix(1).joined())
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stdout: try DockerFixture.text("inspect-partial.json"),
                      stderr: try DockerFixture.text("inspect-partial.stderr"), exit: 1)
        runner.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: "[]\n",
                      stderr: "Error: No such image: \(DockerFixture.web150)\n", exit: 1)
        let snapshots = try await DockerProvider(discoveringWith: runner).services()
        #expect(snapshots.map(\.key.service) == ["fx-sick"])
        #expect(snapshots[0].image?.digest == nil)
    }

    @Test func failsOnOtherInspectFailures() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.lines("ps.ndjson").suffix(1).joined())
        runner.expect(DockerArgv.inspect([DockerFixture.sick]), stderr: "permission denied while trying to connect\n", exit: 1)
        await #expect(throws: CommandError.self) { try await DockerProvider(discoveringWith: runner).services() }
    }

    @Test func namesDockerPsWhenItPrintsGarbage() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: "CONTAINER ID   IMAGE   COMMAND\n")
        let error = try await #require(throws: DockerOutputError.self) {
            try await DockerProvider(discoveringWith: runner).services()
        }
        #expect(error.command == "docker ps")
    }

    @Test func inspectsNothingWhenNothingMayMatch() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        let key = ServiceKey(service: "api", environment: "nowhere")
        let provider = DockerProvider(runner: runner, targets: [key: DockerTarget(.compose(project: "nowhere", service: "api"))])
        let snapshots = try await provider.services()
        #expect(runner.commands == [DockerArgv.ps])
        #expect(snapshots.map(\.replicas.count) == [0])
    }

    @Test func selectsNothingWithAnEmptyLabelSelector() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        let key = ServiceKey(service: "all", environment: "x")
        let snapshots = try await DockerProvider(runner: runner, targets: [key: DockerTarget(.labels([:]))]).services()
        #expect(snapshots[0].replicas.isEmpty && snapshots[0].note == "no labels to select containers by")
    }

    @Test func readsTwoHundredContainersWithOneInspect() async throws {
        let template = try DockerFixture.lines("ps.ndjson")[10]
        let inspected = try DockerFixture.text("inspect.json")
        let object = try #require(try DockerJSON.arrayOfObjects(Array(inspected.utf8), command: "t")
            .first { $0.string("Id") == DockerFixture.stagingAPI })
        let objectText = JSONWriter.serialize(object)
        var ps = ""
        var details: [String] = []
        var ids: [String] = []
        for index in 0..<200 {
            let hex = String(index, radix: 16)
            let id = String(repeating: "a", count: 64 - hex.count) + hex
            ids.append(id)
            ps += template.replacingOccurrences(of: DockerFixture.stagingAPI, with: id) + "\n"
            details.append(objectText.replacingOccurrences(of: DockerFixture.stagingAPI, with: id)
                .replacingOccurrences(of: "/fx-staging_api_1", with: "/fx-staging_api_\(index + 1)"))
        }
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: ps)
        runner.expect(DockerArgv.inspect(ids), stdout: "[" + details.joined(separator: ",") + "]")
        runner.expect(DockerArgv.imageInspect([DockerFixture.web150]), stdout: try DockerFixture.text("image-inspect.json"))
        let key = ServiceKey(service: "api", environment: "fx-staging")
        let provider = DockerProvider(runner: runner, targets: [key: DockerTarget(.compose(project: "fx-staging", service: "api"))])
        let snapshots = try await provider.services()
        #expect(runner.pending.isEmpty)
        #expect(snapshots[0].replicas.count == 200)
        #expect(snapshots[0].replicasUp == 200)
        #expect(snapshots[0].replicas.first?.name == "fx-staging_api_1")
    }

    @Test func groupsTargetsByEndpoint() {
        let runner = FakeCommandRunner()
        let staging = ServiceKey(service: "api", environment: "staging")
        let production = ServiceKey(service: "api", environment: "production")
        let worker = ServiceKey(service: "worker", environment: "production")
        let providers = DockerProvider.providers(for: [
            staging: DockerTarget(.compose(project: "shop-staging", service: "api")),
            production: DockerTarget(.compose(project: "shop", service: "api"), context: "prod-eu"),
            worker: DockerTarget(.compose(project: "shop", service: "worker"), context: "prod-eu"),
        ], runner: runner)
        #expect(providers.map(\.endpoint) == [DockerEndpoint(), DockerEndpoint(context: "prod-eu")])
        let keys: [Set<ServiceKey>] = providers.map { provider in Set((provider.targets ?? [:]).keys) }
        #expect(keys == [[staging], [production, worker]])
        #expect(!providers[0].isDiscovering)
    }

    @Test func refusesAServiceItWasNotGiven() async {
        let provider = DockerProvider(runner: FakeCommandRunner(), targets: [:])
        await #expect(throws: DockerProviderError.self) {
            try await provider.releases(of: ServiceKey(service: "api", environment: "staging"))
        }
    }
}
