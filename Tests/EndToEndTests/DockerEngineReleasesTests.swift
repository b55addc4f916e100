import OpsCore
import Testing

/// Releases and versions: the tags of the repository a service runs, on the real engine.
@Suite(.enabled(if: DockerEngine.shouldRun, DockerEngine.missing))
struct DockerEngineReleasesTests {
    @Test func listsTheWebTagsWithWhatEachEnvironmentRuns() async throws {
        let scenario = try DockerScenario.get()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(), endpoint: try DockerEngine.endpoint())
        let staging = try await provider.releases(of: ServiceKey(service: "api", environment: scenario.stagingProject))
        #expect(staging.map(\.version) == ["1.5.0", "1.4.0"])
        #expect(staging.map(\.status) == [.live, .superseded])
        #expect(staging.allSatisfy { $0.id.hasPrefix("sha256:") && $0.createdAt != nil })
        #expect(staging[0].commit?.count == 40)
        let production = try await provider.availableVersions(of: ServiceKey(service: "worker", environment: scenario.productionProject))
        #expect(production.map(\.version) == ["1.5.0", "1.4.0"])
        #expect(production.map(\.status) == [.superseded, .live])
    }

    @Test func parsesWhatImageLsAndImageInspectPrint() throws {
        _ = try DockerScenario.get()
        let listed = try DockerImageSummary.parse(imageListOutput: DockerEngine.docker(
            DockerCommands.listImages(repository: "opsdeck-test/web")).stdout)
        #expect(Set(listed.map(\.reference)) == ["opsdeck-test/web:1.4.0", "opsdeck-test/web:1.5.0"])
        let inspected = try DockerImageDetails.parse(imageInspectOutput: DockerEngine.docker(
            DockerCommands.inspectImages(listed.map(\.id))).stdout)
        #expect(inspected.map(\.id) == listed.map(\.id))
        #expect(inspected.allSatisfy { $0.repoDigests.isEmpty && $0.createdAt != nil })
    }
}
