import Testing
@testable import OpsCore

@Suite struct DockerImageTests {
    @Test func readsTheCapturedImageInspect() throws {
        let images = try DockerImageDetails.parse(imageInspectOutput: DockerFixture.bytes("image-inspect.json"))
        #expect(images.map(\.id) == [DockerFixture.web140, DockerFixture.web150, DockerFixture.busyboxImage])
        let web = images[1]
        #expect(web.repoTags == ["opsdeck-test/web:1.5.0"])
        #expect(web.repoDigests.isEmpty)
        #expect(web.digest(in: "opsdeck-test/web") == nil, "an imported image has no registry digest")
        #expect(web.createdAt == DockerFixture.time(2026, 11, 29, 4, 29, 40, nanoseconds: 541_112_448))
        #expect(web.labels["org.opencontainers.image.version"] == "1.5.0")
    }

    @Test func picksTheDigestOfTheRepositoryAsked() {
        let image = DockerImageDetails(id: "sha256:1", repoDigests: [
            "mirror.example.com/shop/web@sha256:aaa",
            "registry.example.com/shop/web@sha256:bbb",
            "garbage-without-at",
        ])
        #expect(image.digest(in: "registry.example.com/shop/web") == "sha256:bbb")
        #expect(image.digest(in: "elsewhere/web") == "sha256:aaa")
        #expect(DockerImageDetails(id: "sha256:2", repoDigests: ["garbage"]).digest(in: "x") == nil)
    }

    @Test func readsTheCapturedImageListing() throws {
        let web = try DockerImageSummary.parse(imageListOutput: DockerFixture.bytes("image-ls-web.ndjson"))
        #expect(web.map(\.reference) == ["opsdeck-test/web:1.5.0", "opsdeck-test/web:1.4.0"])
        #expect(web.map(\.id) == [DockerFixture.web150, DockerFixture.web140])
        #expect(web.allSatisfy { $0.digest == nil && $0.size == "1.98MB" })
        #expect(web[0].createdAt == DockerFixture.time(2026, 11, 29, 4, 29, 40))
        let all = try DockerImageSummary.parse(imageListOutput: DockerFixture.bytes("image-ls.ndjson"))
        #expect(Set(all.map(\.repository)) == ["opsdeck-test/web", "opsdeck-test/busybox"])
    }

    @Test func readsUntaggedImagesAndDigests() throws {
        let output = """
        {"CreatedAt":"2024-05-01 12:00:00 +0000 UTC","Digest":"sha256:ddd","ID":"sha256:111","Repository":"registry.example.com/shop/web","Tag":"1.4.2","Size":"187MB"}
        {"CreatedAt":"2024-04-01 12:00:00 +0000 UTC","Digest":"\\u003cnone\\u003e","ID":"sha256:222","Repository":"registry.example.com/shop/web","Tag":"\\u003cnone\\u003e"}
        {"ID":"sha256:333","Repository":"\\u003cnone\\u003e","Tag":"\\u003cnone\\u003e"}
        """
        let images = try DockerImageSummary.parse(imageListOutput: output)
        #expect(images.map(\.reference) == ["registry.example.com/shop/web:1.4.2", "sha256:222", "sha256:333"])
        #expect(images.map(\.digest) == ["sha256:ddd", nil, nil])
        #expect(images.map(\.tag) == ["1.4.2", nil, nil])
    }

    @Test func rejectsGarbageNamingTheCommand() throws {
        let listing = try #require(throws: DockerOutputError.self) {
            try DockerImageSummary.parse(imageListOutput: "REPOSITORY   TAG   IMAGE ID")
        }
        #expect(listing.command == "docker image ls")
        let inspect = try #require(throws: DockerOutputError.self) {
            try DockerImageDetails.parse(imageInspectOutput: "[{\"Id\":")
        }
        #expect(inspect.command == "docker image inspect")
    }
}
