import Testing
@testable import OpsCore

/// Objects written back to back, pretty over many lines, framed a line at a time.
@Suite struct KubernetesObjectStreamTests {
    private func feed(_ text: String, into stream: inout KubernetesObjectStream) -> [KubernetesObjectStream.Item] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { stream.feed(String($0)) }
    }

    @Test func theWatchStreamBecomesOneEventAChange() throws {
        var stream = KubernetesObjectStream()
        var items = feed(try KubernetesFixture.text("watch-deployments.json"), into: &stream)
        items += stream.finish()
        let events = items.compactMap { item -> KubernetesWatchEvent? in
            guard case .value(let value) = item else { return nil }
            return KubernetesWatchEvent(value)
        }
        #expect(items.count == 3 && events.count == 3)
        #expect(events.map(\.name) == ["api", "web", "web"] && events.allSatisfy { $0.kind == "Deployment" && $0.type == nil })
        #expect(events.map(\.resourceVersion) == ["4711", "4711", "4712"] && events[2].namespace == "shop")
        #expect(KubernetesDeployment(events[2].object).updatedReplicas == 1)
    }

    @Test func theProviderSeesAChangeAtEachTopLevelClose() throws {
        let provider = KubernetesProvider(runner: FakeCommandRunner(), endpoint: KubernetesFixture.endpoint, targets: [:])
        let lines = try KubernetesFixture.text("watch-deployments.json").split(separator: "\n").map(String.init)
        let changes = lines.filter { line in
            var line = line
            return line.withUTF8 { provider.isRelevantChange($0) }
        }
        #expect(changes.count == 3)
        #expect(provider.changeCommand.argv == KubectlArgv.follow(["get", "deployments", "--watch", "-o", "json"]))
        #expect(provider.changeCommand.isLongRunning)
        #expect(provider.changeCommands == [provider.changeCommand])
    }

    @Test func eachKindOfWorkloadATargetNamesIsWatched() {
        let targets = [KubernetesFixture.key("checkout", "production"): KubernetesTarget(context: "prod", namespace: "shop", workload: .rollout("checkout")),
                       KubernetesFixture.key("db", "production"): KubernetesTarget(context: "prod", namespace: "shop", workload: .statefulset("db"))]
        let provider = KubernetesProvider(runner: FakeCommandRunner(), endpoint: KubernetesFixture.endpoint, targets: targets)
        #expect(provider.changeCommands.map(\.argv) == [
            KubectlArgv.follow(["get", "rollouts.argoproj.io", "--watch", "-o", "json"]),
            KubectlArgv.follow(["get", "statefulsets", "--watch", "-o", "json"]),
        ])
        #expect(provider.changeCommands.allSatisfy { $0.isLongRunning })
    }

    @Test func watchEventsWrappedWithTheirType() throws {
        var stream = KubernetesObjectStream()
        let items = feed("{\"type\":\"DELETED\",\"object\":{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"old\"}}}{\"type\":\"ADDED\",",
                         into: &stream)
        guard case .value(let value)? = items.first, items.count == 1 else {
            Issue.record("expected one value, got \(items)")
            return
        }
        let event = try #require(KubernetesWatchEvent(value))
        #expect(event.type == "DELETED" && event.name == "old")
        // The value opened after it on the same line is kept for the lines to come.
        #expect(stream.isInsideValue)
        #expect(feed("\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}}", into: &stream).count == 1)
        #expect(!stream.isInsideValue)
    }

    @Test func garbageIsReportedAndFramingStartsAgain() {
        var stream = KubernetesObjectStream()
        let items = feed("No resources found\n{\n    \"a\": 1,\n}\n{\n    \"b\": [1, 2]\n}", into: &stream)
        #expect(items.count == 3)
        #expect(items.last == .value(.object([JSONMember("b", .array([.number("1"), .number("2")]))])))
        if case .malformed = items[0], case .malformed = items[1] {} else { Issue.record("expected two malformed items: \(items)") }
        #expect(KubernetesWatchEvent(.number("3")) == nil)
    }

    @Test func aValueBeyondTheCapIsDroppedNotHeld() {
        var stream = KubernetesObjectStream(maxBytes: 64)
        var items: [KubernetesObjectStream.Item] = []
        items += stream.feed("{")
        for _ in 0..<20 { items += stream.feed("    \"key\": \"value value\",") }
        #expect(items == [.malformed("a value longer than 64 bytes")])
        // The rest of the dropped value is skipped up to its close, not read as garbage.
        #expect(stream.isInsideValue)
        #expect(stream.feed("    \"nested\": {\"a\": 1}").isEmpty && stream.feed("}").isEmpty)
        #expect(!stream.isInsideValue)
        #expect(stream.feed("{\"ok\":true}") == [.value(.object([JSONMember("ok", .bool(true))]))])
    }

    @Test func aStreamCutShortIsSaidAtItsEnd() throws {
        var stream = KubernetesObjectStream()
        #expect(stream.feed("{").isEmpty)
        #expect(stream.finish() == [.malformed("the output ends in the middle of a JSON value")])
        #expect(throws: DockerOutputError.self) {
            try KubernetesObjectStream.values(Array("{\"a\":1}\n{\"b\":".utf8), command: "kubectl rollout history")
        }
        let values = try KubernetesObjectStream.values(try KubernetesFixture.bytes("watch-deployments.json"), command: "x")
        #expect(values.count == 3)
    }
}
