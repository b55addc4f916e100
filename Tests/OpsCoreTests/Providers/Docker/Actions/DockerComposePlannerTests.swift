import Foundation
import Testing
@testable import OpsCore

/// `DockerComposePlanner`: the project read from the labels, the override, the exact argv.
@Suite struct DockerComposePlannerTests {
    static let settings = ActionSettings(opsdeckExecutable: "opsdeck", stateFolder: "/state/opsdeck")

    static func labels(project: String, service: String, files: String, directory: String, version: String) -> [String: String] {
        ["com.docker.compose.project": project, "com.docker.compose.service": service,
         "com.docker.compose.project.config_files": files, "com.docker.compose.project.working_dir": directory,
         "com.docker.compose.version": version, "com.docker.compose.oneoff": "False"]
    }

    @Test func readsWhereRelativeFileNamesWereGivenFrom() throws {
        let typed = try #require(DockerComposePlanner.Project(
            labels: Self.labels(project: "shop", service: "web", files: "deploy/compose.yml,deploy/prod.yml",
                                directory: "/srv/shop/deploy", version: "1.29.2"), ownFolder: "/state/opsdeck/compose-overrides"))
        #expect(typed.configFiles == ["/srv/shop/deploy/compose.yml", "/srv/shop/deploy/prod.yml"])
        #expect(typed.isComposeV1)
        let plain = try #require(DockerComposePlanner.Project(
            labels: Self.labels(project: "shop", service: "web", files: "docker-compose.yml", directory: "/srv/shop",
                                version: "1.29.2"), ownFolder: "/state/opsdeck/compose-overrides"))
        #expect(plain.configFiles == ["/srv/shop/docker-compose.yml"])
    }

    @Test func leavesOutTheOverrideAnEarlierDeployAdded() throws {
        let project = try #require(DockerComposePlanner.Project(
            labels: Self.labels(project: "shop", service: "web",
                                files: "/srv/shop/compose.yaml,/state/opsdeck/compose-overrides/shop@web.yml",
                                directory: "/srv/shop", version: "2.29.1"), ownFolder: "/state/opsdeck/compose-overrides"))
        #expect(project.configFiles == ["/srv/shop/compose.yaml"])
        #expect(!project.isComposeV1)
    }

    @Test func namesWithShellMetacharactersStayWholeWordsAndQuotedYAML() throws {
        let project = DockerComposePlanner.Project(name: "shop$(id)", service: "web; rm -rf /", workingDirectory: "/srv/a b",
                                                   configFiles: ["/srv/a b/compose.yaml"], composeVersion: "2.29.1")
        let change = DockerImageChange(kind: .promote, key: ServiceKey(service: "web", environment: "production"),
                                       endpoint: DockerEndpoint(context: "prod`x`"), fromVersion: "1", toVersion: "2",
                                       imageReference: "shop/web@sha256:abc", imageID: "sha256:def")
        let request = DockerComposePlanner.Request(change, project: project, fileFormatVersion: "3.8")
        let deployment = try DockerComposePlanner.plan(request, settings: Self.settings)
        let override = try #require(deployment.files.first?.path)
        #expect(override.hasPrefix("/state/opsdeck/compose-overrides/shop%24%28id%29@web%3B%20rm%20-rf%20%2F-"))
        #expect(deployment.plan.steps.map(\.command.argv) == [
            ["docker", "--context", "prod`x`", "compose", "-p", "shop$(id)", "--project-directory", "/srv/a b",
             "-f", "/srv/a b/compose.yaml", "-f", override, "up", "-d", "--no-deps", "web; rm -rf /"],
            ["opsdeck", "docker-wait", "--context", "prod`x`", "--compose-project", "shop$(id)", "--compose-service",
             "web; rm -rf /", "--image", "shop/web@sha256:abc", "--image-id", "sha256:def", "--timeout", "2m"],
        ])
        #expect(deployment.files.first?.contents == """
            # Written by opsdeck for a promote of web/production: the image of one service,
            # layered over the compose project's own files, which opsdeck never edits.
            version: "3.8"
            services:
              "web; rm -rf /":
                image: "shop/web@sha256:abc"

            """)
    }

    /// The file is written before the lock is taken: another image is another file, so a deploy
    /// refused by the lock never rewrites the file a running one uses.
    @Test func eachImageHasAnOverrideFileOfItsOwn() throws {
        let project = DockerComposePlanner.Project(name: "shop", service: "web", workingDirectory: "/srv/shop",
                                                   configFiles: ["/srv/shop/compose.yaml"], composeVersion: "1.29.2")
        func path(_ image: String) throws -> String {
            let change = DockerImageChange(kind: .deploy, key: ServiceKey(service: "web", environment: "shop"),
                                           endpoint: DockerEndpoint(), fromVersion: nil, toVersion: image, imageReference: image)
            let request = DockerComposePlanner.Request(change, project: project, fileFormatVersion: nil)
            return try #require(try DockerComposePlanner.plan(request, settings: Self.settings).files.first?.path)
        }
        #expect(try path("shop/web:1") != path("shop/web:2"))
        #expect(try path("shop/web:1") == path("shop/web:1"))
    }

    @Test func readsTheFileFormatVersion() {
        #expect(DockerComposePlanner.fileFormatVersion(ofComposeFile: "# x\nversion: \"2.4\"\nservices: {}\n") == "2.4")
        #expect(DockerComposePlanner.fileFormatVersion(ofComposeFile: "version: '3' # pinned\n") == "3")
        #expect(DockerComposePlanner.fileFormatVersion(ofComposeFile: "services:\n  version: 1\n") == nil)
    }

    @Test func writesThePlannedFilesWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-compose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("compose-overrides/shop@web.yml").path
        let plan = ActionPlan(kind: .deploy, key: ServiceKey(service: "web", environment: "shop"), from: nil, to: "2", steps: [])
        let deployment = PreparedAction(plan: plan, files: [.init(path: path, contents: "services: {}\n")])
        try deployment.writeFiles()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "services: {}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: StateFiles.parentFolder(of: path)) == ["shop@web.yml"])
    }
}
