import OpsCore
import Testing

/// The Docker adapter's listing against the real engine and the scenario's containers.
@Suite(.enabled(if: DockerEngine.shouldRun, DockerEngine.missing))
struct DockerEngineListingTests {
    @Test func parsesWhatDockerPsPrints() throws {
        let scenario = try DockerScenario.get()
        let output = try DockerEngine.docker(DockerCommands.listContainers() + scenario.labelFilter).stdout
        let summaries = try DockerContainerSummary.parse(psOutput: output)
        let byName = Dictionary(uniqueKeysWithValues: summaries.map { ($0.name, $0) })
        // Other tests of the run may add a container of their own for a moment.
        #expect(Set(byName.keys).isSuperset(of: scenario.composeContainers + [scenario.sick, scenario.crashLoop, scenario.logger]))
        for name in scenario.composeContainers {
            #expect(byName[name]?.status.state == .running && byName[name]?.status.health == .healthy, "\(name)")
        }
        #expect(byName[scenario.sick]?.status.health == .unhealthy)
        #expect(byName[scenario.logger]?.status == DockerStatusText(byName[scenario.logger]?.statusText ?? ""))
        #expect(byName[scenario.logger]?.status.health == HealthState.none)
        #expect(summaries.allSatisfy { $0.id.count == 64 && $0.createdAt != nil })
    }

    @Test func discoversComposeProjectsAsEnvironments() async throws {
        let scenario = try DockerScenario.get()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(), endpoint: try DockerEngine.endpoint())
        let snapshots = try await provider.services()
        let mine = snapshots.filter { $0.key.environment.hasPrefix(scenario.run) }
        #expect(mine.map(\.key.description) == ["api/\(scenario.productionProject)", "worker/\(scenario.productionProject)",
                                                "api/\(scenario.stagingProject)", "worker/\(scenario.stagingProject)"])
        for snapshot in mine {
            let version = snapshot.key.environment == scenario.stagingProject ? "1.5.0" : "1.4.0"
            #expect(snapshot.image == ImageReference("opsdeck-test/web:\(version)"))
            #expect(snapshot.commit?.count == 40)
            #expect(snapshot.state == .running && snapshot.health == .healthy && snapshot.replicasUp == 1)
            #expect(snapshot.replicas.map(\.name) == [scenario.composeContainer(snapshot.key.environment, snapshot.key.service)])
        }
        let sick = try #require(snapshots.first { $0.key == ServiceKey(service: scenario.sick, environment: "local") })
        #expect(sick.health == .unhealthy && sick.state == .running)
        #expect(snapshots.contains { $0.key == ServiceKey(service: scenario.logger, environment: "local") })
    }

    @Test func selectsConfiguredTargets() async throws {
        let scenario = try DockerScenario.get()
        let api = ServiceKey(service: "api", environment: "staging")
        let everything = ServiceKey(service: "everything", environment: "run")
        let crash = ServiceKey(service: "crash", environment: "local")
        let provider = DockerProvider(runner: LiveCommandRunner(), endpoint: try DockerEngine.endpoint(), targets: [
            api: DockerTarget(.compose(project: scenario.stagingProject, service: "api")),
            everything: DockerTarget(.labels([DockerScenario.runLabel: scenario.run])),
            crash: DockerTarget(.container(scenario.crashLoop)),
        ])
        let snapshots = try await provider.services()
        let byKey = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.key, $0) })
        #expect(byKey[api]?.replicas.map(\.name) == [scenario.composeContainer(scenario.stagingProject, "api")])
        let labelled = Set(byKey[everything]?.replicas.map(\.name) ?? [])
        #expect(labelled.isSuperset(of: scenario.composeContainers + [scenario.sick, scenario.crashLoop, scenario.logger]))
        // The crash loop is mostly waiting to restart, running only for an instant between.
        let crashLoop = try #require(byKey[crash]?.replicas.first)
        #expect(crashLoop.restarts >= 2)
        try DockerEngine.poll("\(scenario.crashLoop) to be seen restarting") {
            let replica = try DockerContainerDetails.parse(inspectOutput: DockerEngine.docker(["inspect", scenario.crashLoop]).stdout)
            return replica.first?.state.status == "restarting" && replica.first?.state.exitCode == 1
        }
    }

    @Test func keepsDockersWordsWhenTheEngineIsUnreachable() async throws {
        _ = try DockerEngine.requireHost()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(),
                                      endpoint: DockerEndpoint(host: "unix:///nonexistent/opsdeck/docker.sock"))
        let error = try await #require(throws: CommandError.self) { try await provider.services() }
        #expect(error.description.contains(
            "Cannot connect to the Docker daemon at unix:///nonexistent/opsdeck/docker.sock. Is the docker daemon running?"))
    }
}
