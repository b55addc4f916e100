import Foundation
import Glibc
import OpsCore
import Testing

/// The followed commands the adapter hands out — `docker logs -f` and `docker events` — run for
/// real until they have shown what they should.
@Suite(.enabled(if: DockerEngine.shouldRun, DockerEngine.missing))
struct DockerEngineStreamsTests {
    /// Splits what a child printed so far into complete lines.
    private func lines(_ output: [UInt8]) -> [String] {
        guard let last = output.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        return output[..<last].split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func followsTheLoggersTimestampedJSONLines() async throws {
        let scenario = try DockerScenario.get()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(), endpoint: try DockerEngine.endpoint())
        let sources = try await provider.logSources(of: ServiceKey(service: scenario.logger, environment: "local"), tail: 2)
        let source = try #require(sources.first)
        #expect(sources.count == 1 && source.name == scenario.logger)
        #expect(source.command.isLongRunning)
        let child = try ChildProcess(source.command.executable, source.command.arguments, environment: source.command.environment)
        // Two old lines from --tail, then new ones as the container prints them.
        let followed = child.pump(timeout: .seconds(20)) { self.lines($0.stdout).count >= 5 }
        child.send(SIGTERM)
        let printed = lines(child.waitKillingOnOverrun(timeout: .seconds(10)).stdout)
        #expect(followed)
        var counters: [Int] = []
        for line in printed {
            let space = try #require(line.firstIndex(of: " "))
            #expect(line[..<space].count == 30, "RFC 3339 with 9 fraction digits: \(line)")
            #expect(DockerTime.parse(String(line[..<space])) != nil)
            let record = try JSONParser.parse(String(line[line.index(after: space)...]))
            #expect(record["msg"]?.stringValue == "request served")
            if case .number(let n)? = record["n"], let value = Int(n) { counters.append(value) }
        }
        #expect(counters.count == printed.count && counters == counters.sorted() && Set(counters).count == counters.count)
    }

    @Test func watchesContainerChangesWithoutHealthcheckExecNoise() async throws {
        let scenario = try DockerScenario.get()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(), endpoint: try DockerEngine.endpoint())
        let name = scenario.run + "-events"
        let since = String(Int(Date().timeIntervalSince1970) - 1)
        let watcher = try ChildProcess(provider.changeCommand.executable, provider.changeCommand.arguments,
                                       environment: provider.changeCommand.environment)
        defer { watcher.send(SIGKILL) }
        func events() throws -> [DockerEvent] { try lines(watcher.stdout).map(DockerEvent.parse(line:)) }
        func saw(_ action: String) throws -> Bool { try events().contains { $0.action == action && $0.attributes["name"] == name } }
        // A container whose healthcheck passes at once, so it makes a health event and exec events.
        try DockerEngine.docker(["run", "-d", "--name", name, "--label", "\(DockerScenario.runLabel)=\(scenario.run)",
                                 "--network", "host", "--health-cmd", "true", "--health-interval", "1s",
                                 "opsdeck-test/busybox:1", "sleep", "600"])
        #expect(watcher.pump(timeout: .seconds(20)) { _ in (try? saw("health_status: healthy")) == true })
        try DockerEngine.docker(["rm", "-f", name])
        #expect(watcher.pump(timeout: .seconds(20)) { _ in (try? saw("destroy")) == true })
        let seen = try events()
        #expect(try ["create", "start", "health_status: healthy", "kill", "die", "destroy"].allSatisfy(saw))
        #expect(seen.allSatisfy { !$0.isExec && $0.type == "container" })
        #expect(lines(watcher.stdout).allSatisfy { DockerEventFilter.isRelevant($0) })

        // Without the filters the same minutes hold the exec events of every healthcheck run.
        let unfiltered = try DockerEngine.docker(["events", "--format", "{{json .}}", "--since", since, "--until",
                                                  String(Int(Date().timeIntervalSince1970) + 1), "--filter", "container=\(name)"])
        let all = lines(unfiltered.stdout)
        let execs = try all.filter { try DockerEvent.parse(line: $0).isExec }
        #expect(!execs.isEmpty)
        #expect(execs.allSatisfy { !DockerEventFilter.isRelevant($0) })
    }
}
