import Testing
@testable import OpsCore

/// `releases(of:)` and `availableVersions(of:)`: the tags of the repository a service runs.
@Suite struct DockerProviderReleasesTests {
    static let staging = ServiceKey(service: "api", environment: "fx-staging")
    static let production = ServiceKey(service: "api", environment: "fx-production")

    /// Discovery finds the compose services by their labels; only those of `key` are inspected.
    private func runner(inspecting id: String, imageList: String?, repository: String = "opsdeck-test/web") throws
        -> FakeCommandRunner {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect([id]), stdout: try DockerFixture.text("inspect.json"))
        if let imageList { runner.expect(DockerArgv.imageList(repository), stdout: imageList) }
        return runner
    }

    @Test func listsTheRepositorysTagsNewestFirstWithTheLiveOneMarked() async throws {
        let runner = try runner(inspecting: DockerFixture.stagingAPI, imageList: try DockerFixture.text("image-ls-web.ndjson"))
        let releases = try await DockerProvider(discoveringWith: runner).releases(of: Self.staging)
        #expect(runner.pending.isEmpty)
        // Both were made in the same second: the version decides.
        #expect(releases.map(\.version) == ["1.5.0", "1.4.0"])
        #expect(releases.map(\.status) == [.live, .superseded])
        #expect(releases.map(\.id) == [DockerFixture.web150, DockerFixture.web140])
        #expect(releases[0].image == ImageReference("opsdeck-test/web:1.5.0"))
        #expect(releases[0].commit == DockerFixture.revision150)
        #expect(releases[1].commit == nil)
        #expect(releases[0].createdAt == DockerFixture.time(2026, 11, 29, 4, 29, 40))
        #expect(releases.allSatisfy { $0.origin == .provider })
    }

    @Test func marksWhatProductionRuns() async throws {
        let runner = try runner(inspecting: DockerFixture.productionAPI, imageList: try DockerFixture.text("image-ls-web.ndjson"))
        let versions = try await DockerProvider(discoveringWith: runner).availableVersions(of: Self.production)
        #expect(versions.map(\.version) == ["1.5.0", "1.4.0"])
        #expect(versions.map(\.status) == [.superseded, .live])
        #expect(versions[1].commit == DockerFixture.revision140)
    }

    @Test func keepsOnlyTheServicesRepositoryFromAListingOfEverything() async throws {
        let runner = try runner(inspecting: DockerFixture.logger, imageList: try DockerFixture.text("image-ls.ndjson"),
                                repository: "opsdeck-test/busybox")
        let releases = try await DockerProvider(discoveringWith: runner)
            .releases(of: ServiceKey(service: "fx-logger", environment: "local"))
        #expect(releases.map(\.image?.reference) == ["opsdeck-test/busybox:1"])
        #expect(releases.map(\.status) == [.live])
    }

    @Test func ordersByTimeThenNumericVersionAndKeepsUntaggedImagesInHistoryOnly() {
        let container = DockerServiceContainer(summary: nil, details: DockerContainerDetails(
            id: "0123456789ab", name: "web", createdAt: nil, imageID: "sha256:c", imageReference: "shop/web:1.10.0",
            labels: [DockerReplicaBuilder.revisionLabel: "abc123"], state: .init(status: "running")))
        let day = DockerFixture.time(2024, 5, 1, 12, 0, 0)
        let tags = [
            DockerImageSummary(id: "sha256:a", repository: "shop/web", tag: "1.9.0", createdAt: day),
            DockerImageSummary(id: "sha256:c", repository: "shop/web", tag: "1.10.0", createdAt: day),
            DockerImageSummary(id: "sha256:c", repository: "shop/web", tag: "latest", createdAt: day),
            DockerImageSummary(id: "sha256:0123456789abcdef", repository: "shop/web", tag: nil,
                               createdAt: DockerFixture.time(2024, 4, 1, 12, 0, 0)),
            DockerImageSummary(id: "sha256:d", repository: "shop/web", tag: "2.0.0-rc1",
                               createdAt: DockerFixture.time(2024, 5, 2, 12, 0, 0)),
        ]
        let history = DockerReleaseBuilder.releases(containers: [container], tags: tags, tagsOnly: false)
        #expect(history.map(\.version) == ["2.0.0-rc1", "latest", "1.10.0", "1.9.0", "sha256:0123456789ab"])
        // The live id under the tag the container names, not under its other tag.
        #expect(history.map(\.status) == [.superseded, .superseded, .live, .superseded, .superseded])
        #expect(history[2].commit == "abc123")
        let versions = DockerReleaseBuilder.releases(containers: [container], tags: tags, tagsOnly: true)
        #expect(versions.map(\.version) == ["2.0.0-rc1", "latest", "1.10.0", "1.9.0"])
    }

    @Test func addsImagesNoTagNamesAndMarksAllTagsOfAnImageStartedByID() {
        func container(_ name: String, _ image: String, _ reference: String, _ status: String) -> DockerServiceContainer {
            DockerServiceContainer(summary: nil, details: DockerContainerDetails(
                id: name + "0123456789", name: name, imageID: image, imageReference: reference, state: .init(status: status)))
        }
        let byID = container("new", "sha256:b", "sha256:b", "running")
        let old = container("old", "sha256:z", "other/web:0.9", "exited")
        let tags = [DockerImageSummary(id: "sha256:b", repository: "shop/web", tag: "2"),
                    DockerImageSummary(id: "sha256:b", repository: "shop/web", tag: "latest")]
        let history = DockerReleaseBuilder.releases(containers: [byID, old], tags: tags, tagsOnly: false)
        #expect(history.map(\.version) == ["latest", "2", "0.9"])
        #expect(history.map(\.status) == [.live, .live, .superseded])
        #expect(DockerReleaseBuilder.repository(of: [byID, old]) == nil, "a container started by id names no repository")
    }

    /// A service started from a bare image id has no repository to list: no `image ls` is run.
    @Test func runsNoImageListingWithoutARepository() async throws {
        let runner = FakeCommandRunner()
        let ps = #"{"ID":"0123456789ab","Names":"byid","State":"running","Status":"Up 1 second"}"#
        let inspect = #"[{"Id":"0123456789ab","Name":"/byid","Image":"sha256:abc","Config":{"Image":"sha256:abc"},"State":{"Status":"running"}}]"#
        runner.expect(DockerArgv.ps, stdout: ps)
        runner.expect(DockerArgv.inspect(["0123456789ab"]), stdout: inspect)
        let releases = try await DockerProvider(discoveringWith: runner).releases(of: ServiceKey(service: "byid", environment: "local"))
        #expect(runner.pending.isEmpty)
        #expect(releases.map(\.id) == ["sha256:abc"])
        #expect(releases.map(\.status) == [.live])
    }

    @Test func hasNoReleasesWithoutContainers() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: "")
        #expect(try await DockerProvider(discoveringWith: runner).releases(of: Self.staging).isEmpty)
    }
}
