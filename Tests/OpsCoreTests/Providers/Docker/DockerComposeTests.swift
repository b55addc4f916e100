import Testing
@testable import OpsCore

@Suite struct DockerComposeTests {
    @Test func readsTheArrayOfComposeBefore2_21() throws {
        let containers = try DockerComposeContainer.parse(composePSOutput: DockerFixture.bytes("compose-ps-v2-array.json"))
        #expect(containers.map(\.name) == ["shop-web-1", "shop-migrate-1"])
        let web = containers[0]
        #expect(web.project == "shop" && web.service == "web" && web.image == "nginx:1.25-alpine")
        #expect(web.state == .running && web.health == .healthy && web.exitCode == 0)
        #expect(web.publishers == [
            .init(url: "0.0.0.0", targetPort: 80, publishedPort: 8080, networkProtocol: "tcp"),
            .init(url: "::", targetPort: 80, publishedPort: 8080, networkProtocol: "tcp"),
        ])
        #expect(web.createdAt == DockerFixture.time(2023, 6, 8, 7, 35, 11))
        let migrate = containers[1]
        #expect(migrate.state == .failed && migrate.exitCode == 1 && migrate.health == .none && migrate.publishers.isEmpty)
    }

    @Test func readsOneObjectALineFrom2_21() throws {
        let containers = try DockerComposeContainer.parse(composePSOutput: DockerFixture.bytes("compose-ps-v2.ndjson"))
        #expect(containers.map(\.service) == ["web", "worker"])
        #expect(containers[0].health == .starting && containers[0].state == .running)
        #expect(containers[1].state == .degraded && containers[1].exitCode == 137)
        #expect(containers[1].statusText == "Restarting (137) 1 second ago")
    }

    @Test func readsEmptyOutputsOfBothFramings() throws {
        #expect(try DockerComposeContainer.parse(composePSOutput: "[]\n").isEmpty)
        #expect(try DockerComposeContainer.parse(composePSOutput: "").isEmpty)
        #expect(try DockerComposeContainer.parse(composePSOutput: "  \n").isEmpty)
    }

    @Test func rejectsTruncatedOutputNamingCompose() throws {
        let error = try #require(throws: DockerOutputError.self) {
            try DockerComposeContainer.parse(composePSOutput: #"[{"ID":"abc","Name":"shop-web-1"},"#)
        }
        #expect(error.command == "docker compose ps")
    }

    /// v1 prints no JSON: its projects are read from the labels it puts on every container.
    @Test func readsComposeV1Labels() throws {
        let details = try DockerContainerDetails.parse(inspectOutput: DockerFixture.bytes("inspect.json"))
        let projects = Dictionary(grouping: details.compactMap { DockerComposeLabels($0.labels) }, by: \.project)
            .mapValues { $0.map(\.service).sorted() }
        #expect(projects == ["fx-staging": ["api", "worker"], "fx-production": ["api", "worker"],
                             "fx-hostile": [DockerFixture.hostileService]])
        let staging = try #require(details.first { $0.id == DockerFixture.stagingAPI }.flatMap { DockerComposeLabels($0.labels) })
        #expect(staging.workingDirectory?.hasSuffix("/Tests/docker/compose") == true)
        #expect(DockerComposeLabels(["com.docker.compose.project": "shop"]) == nil)
        #expect(DockerComposeLabels(["com.docker.compose.project": "shop", "com.docker.compose.service": ""]) == nil)
        let oneOff = DockerComposeLabels(["com.docker.compose.project": "shop", "com.docker.compose.service": "web",
                                          "com.docker.compose.oneoff": "True"])
        #expect(oneOff?.isOneOff == true)
    }
}
