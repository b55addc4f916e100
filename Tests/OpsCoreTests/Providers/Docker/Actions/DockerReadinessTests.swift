import Foundation
import Testing
@testable import OpsCore

/// `DockerReadiness` and the polling `DockerReadinessWait`.
@Suite struct DockerReadinessTests {
    static func container(_ name: String = "web", status: String = "running", health: String? = nil,
                          image: String = "shop/web:2", imageID: String = "sha256:new", exitCode: Int? = nil,
                          output: String = "") -> DockerContainerDetails {
        DockerContainerDetails(id: "id-" + name, name: name, imageID: imageID, imageReference: image,
                               state: .init(status: status, exitCode: exitCode,
                                            health: health.map { .init(status: $0, log: [.init(output: output)]) }))
    }

    @Test func readyWhenRunningAndHealthyOrWithoutAHealthcheck() {
        #expect(DockerReadiness.judge([Self.container(health: "healthy"), Self.container("b")], imageReference: "shop/web:2") == .ready)
    }

    @Test func waitsForAStartingHealthcheckAndForAContainerNotThereYet() {
        #expect(DockerReadiness.judge([Self.container(health: "starting")], imageReference: nil) == .waiting("web: health starting"))
        #expect(DockerReadiness.judge([], imageReference: nil) == .waiting("no container yet"))
    }

    @Test func failsOnUnhealthyExitedOrAnotherImage() {
        #expect(DockerReadiness.judge([Self.container(health: "unhealthy", output: "unhealthy: /www/health is missing\n")],
                                      imageReference: nil) == .failed("web is unhealthy: unhealthy: /www/health is missing"))
        #expect(DockerReadiness.judge([Self.container(status: "exited", exitCode: 2)], imageReference: nil)
            == .failed("web exited with code 2"))
        #expect(DockerReadiness.judge([Self.container(image: "shop/web:1")], imageReference: "shop/web:2")
            == .failed("web runs shop/web:1, not shop/web:2"))
        if case .failed = DockerReadiness.judge([Self.container()], imageReference: "shop/web:2", imageID: "sha256:other") {
        } else {
            Issue.record("an image id other than the pinned one must fail")
        }
    }

    static func inspectJSON(_ health: String) -> String {
        #"[{"Id":"abc","Name":"/web","Image":"sha256:new","Config":{"Image":"shop/web:2"},"State":{"Status":"running","Health":{"Status":""# + health + #""}}}]"#
    }

    @Test func pollsUntilHealthy() async {
        let runner = FakeCommandRunner()
        let argv = ["docker", "inspect", "--type", "container", "web"]
        runner.expect(argv, stdout: "[]", stderr: "Error: No such object: web", exit: 1)
        runner.expect(argv, stdout: Self.inspectJSON("starting"))
        runner.expect(argv, stdout: Self.inspectJSON("healthy"))
        let wait = DockerReadinessWait(endpoint: DockerEndpoint(), subject: .container("web"), imageReference: "shop/web:2",
                                       timeout: .seconds(30), interval: .milliseconds(1))
        let lines = LockedLines()
        let ending = await wait.run(runner: runner) { lines.append($0) }
        #expect(ending == .ready)
        #expect(runner.pending.isEmpty)
        #expect(lines.all == ["waiting: no container yet", "waiting: web: health starting"])
    }

    @Test func endsAtTheDeadlineWithWhatItWaitedFor() async {
        let runner = FakeCommandRunner()
        for _ in 0..<400 { runner.expect(["docker", "inspect", "--type", "container", "web"], stdout: Self.inspectJSON("starting")) }
        let wait = DockerReadinessWait(endpoint: DockerEndpoint(), subject: .container("web"), imageReference: nil,
                                       timeout: .milliseconds(50), interval: .milliseconds(10))
        #expect(await wait.run(runner: runner) == .timedOut("web: health starting"))
    }

    @Test func looksAtAComposeServicesContainersOnly() async throws {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps + ["--filter", "label=com.docker.compose.project=fx-staging",
                                       "--filter", "label=com.docker.compose.service=api"],
                      stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect(DockerFixture.psOrder), stdout: try DockerFixture.text("inspect.json"))
        let wait = DockerReadinessWait(endpoint: DockerEndpoint(), subject: .compose(project: "fx-staging", service: "api"),
                                       imageReference: "opsdeck-test/web:1.5.0", timeout: .seconds(1))
        let found = try await wait.containers(runner: runner)
        #expect(found.map(\.name) == ["fx-staging_api_1"])
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// `RollbackChoice`: the default target and releases named by the operator.
@Suite struct DockerRollbackChoiceTests {
    static let releases = [
        Release(id: "sha256:" + String(repeating: "3", count: 64), version: "1.6.0", status: .superseded),
        Release(id: "sha256:" + String(repeating: "2", count: 64), version: "1.5.0", status: .live),
        Release(id: "sha256:" + String(repeating: "1", count: 64), version: "1.4.1", status: .failed),
        Release(id: "sha256:" + String(repeating: "0", count: 64), version: "1.4.0", status: .superseded),
        Release(id: "sha256:" + String(repeating: "f", count: 64), version: "1.3.0", status: .superseded),
    ]

    @Test func goesToTheNewestOlderReleaseThatDidNotFail() throws {
        #expect(try RollbackChoice.defaultRelease(in: Self.releases).version == "1.4.0")
        #expect(try RollbackChoice.defaultRelease(in: Self.releases, failedVersions: ["1.4.0"]).version == "1.3.0")
        #expect(throws: RollbackChoice.Problem.nothingOlder(live: "1.5.0")) {
            try RollbackChoice.defaultRelease(in: Self.releases, failedVersions: ["1.4.0", "1.3.0"])
        }
        #expect(throws: RollbackChoice.Problem.noLiveRelease) {
            try RollbackChoice.defaultRelease(in: [Self.releases[0]])
        }
    }

    @Test func findsANamedReleaseByVersionOrImageID() throws {
        #expect(try RollbackChoice.release(named: "1.6.0", in: Self.releases).version == "1.6.0")
        #expect(try RollbackChoice.release(named: "sha256:000000000000", in: Self.releases).version == "1.4.0")
        #expect(throws: RollbackChoice.Problem.unknownRelease("2.0")) {
            try RollbackChoice.release(named: "2.0", in: Self.releases)
        }
    }
}
