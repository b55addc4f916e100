import Testing
@testable import OpsCore

@Suite struct FakeCommandRunnerTests {
    @Test func answersScriptedCommandsInOrderAndRecordsThem() async throws {
        let fake = FakeCommandRunner()
        fake.expect(["docker", "ps", "--format", "json"], stdout: "{}\n")
        fake.expect(["docker", "logs", "web"], stderr: "No such container: web\n", exit: 1)
        let first = try await fake.run(Command("docker", ["ps", "--format", "json"]))
        #expect(first.outputText == "{}\n")
        #expect(first.succeeded)
        let second = try await fake.run(Command("docker", ["logs", "web"]))
        #expect(second.exitCode == 1)
        #expect(second.standardError == "No such container: web\n")
        #expect(fake.commands == [["docker", "ps", "--format", "json"], ["docker", "logs", "web"]])
        #expect(fake.pending.isEmpty)
    }

    @Test func aCommandOutOfOrderIsAnErrorNamingTheExpectedOne() async throws {
        let fake = FakeCommandRunner()
        fake.expect(["kubectl", "get", "deployments"])
        fake.expect(["kubectl", "rollout", "history", "deployment/web"])
        do {
            _ = try await fake.run(Command("kubectl", ["rollout", "history", "deployment/web"]))
            Issue.record("an out-of-order command was answered")
        } catch let error as FakeCommandRunner.UnexpectedCommand {
            #expect(error.argv == ["kubectl", "rollout", "history", "deployment/web"])
            #expect(error.expected == ["kubectl", "get", "deployments"])
        }
        #expect(fake.pending.count == 2, "a rejected command consumes no reply")
    }

    @Test func aCommandBeyondTheScriptIsAnError() async throws {
        let fake = FakeCommandRunner()
        fake.expect(["true"])
        _ = try await fake.run(Command("true", []))
        do {
            _ = try await fake.run(Command("true", []))
            Issue.record("an unscripted command was answered")
        } catch let error as FakeCommandRunner.UnexpectedCommand {
            #expect(error.expected == nil)
            #expect(error.description.contains("nothing more was scripted"))
        }
    }

    @Test func argumentsMustMatchExactly() async throws {
        let fake = FakeCommandRunner()
        fake.expect(["docker", "rm", "web"])
        await #expect(throws: FakeCommandRunner.UnexpectedCommand.self) {
            try await fake.run(Command("docker", ["rm", "web; rm -rf /"]))
        }
    }

    @Test func scriptedErrorsAreThrown() async throws {
        let fake = FakeCommandRunner()
        fake.expect(["flyctl", "status"], error: .notFound(executable: "flyctl"))
        await #expect(throws: CommandError.notFound(executable: "flyctl")) {
            try await fake.run(Command("flyctl", ["status"]))
        }
        let command = Command("docker", ["ps"])
        fake.expect(["docker", "ps"], stderr: "Cannot connect\n", exit: 1)
        await #expect(throws: CommandError.failed(command, CommandResult(termination: .exited(1), standardError: "Cannot connect\n"))) {
            try await fake.output(of: command)
        }
    }

    @Test func streamingHandsOverTheScriptedLines() async throws {
        let fake = FakeCommandRunner()
        fake.expect(["docker", "logs", "-f", "web"], lines: ["first", "", "third é"])
        let lines = CollectedLines()
        let result = try await fake.stream(Command("docker", ["logs", "-f", "web"]), onLine: lines.onLine)
        #expect(lines.all == ["first", "", "third é"])
        #expect(result.succeeded)
    }
}
