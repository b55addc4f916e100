import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// Holds every streamed command until the test opens it: a step that is "running" for as long as
/// the test needs.
final class GatedRunner: CommandRunner, Sendable {
    let inner: FakeCommandRunner
    private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    init(_ inner: FakeCommandRunner) { self.inner = inner }

    func open() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting.forEach { $0.resume() }
    }

    func run(_ command: Command) async throws -> CommandResult { try await inner.run(command) }

    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if !state.open { state.waiting.append(continuation) }
                return state.open
            }
            if resumeNow { continuation.resume() }
        }
        return try await inner.stream(command, onLine: onLine)
    }
}

@Suite struct ActionExecutorTests {
    typealias S = ActionTestSupport

    static let pull = Command("docker", ["pull", "registry.example.com/api:1.4.2"])
    static let stop = Command("docker", ["stop", "-t", "10", "api"])
    static let start = Command("docker", ["run", "-d", "--name", "api", "-e", "DB_PASSWORD=hunter2",
                                          "registry.example.com/api:1.4.2"])
    static let plan = ActionPlan(kind: .deploy, key: S.api, from: "1.4.1", to: "1.4.2", steps: [
        .init("pull the image", pull), .init("stop the old container", stop), .init("start the new one", start),
    ])

    struct Setup {
        let folder: URL
        var journalPath: String { folder.appendingPathComponent("journal.jsonl").path }
        var locksFolder: String { folder.appendingPathComponent("locks").path }

        func executor(_ plan: ActionPlan = ActionExecutorTests.plan, runner: any CommandRunner,
                      journal: String? = nil, gateOverride: JournalEntry.GateOverride? = nil) -> ActionExecutor {
            ActionExecutor(plan: plan, runner: runner, journal: JournalWriter(path: journal ?? journalPath),
                           locksFolder: locksFolder, operator: ActionLockTests.me, toDigest: "sha256:feed",
                           gateOverride: gateOverride, now: S.tickingClock())
        }

        /// The journal's lines, in file order.
        func entries() throws -> [JournalEntry] {
            var entries: [JournalEntry] = []
            let scan = try JournalReader.scan(path: journalPath) { entries.append($0) }
            #expect(scan.problems.isEmpty)
            return entries
        }

        func remove() { ProcessTestSupport.cleanUp(folder) }
    }

    static func setup() throws -> Setup { Setup(folder: try S.folder()) }

    @Test func everyStepRunsInOrderAndIsJournalledBeforeAndAfter() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let fake = FakeCommandRunner()
        fake.expect(Self.pull.argv, lines: ["1.4.2: Pulling from api", "token=abc \u{1B}[2J"])
        fake.expect(Self.stop.argv, stdout: "", lines: ["api"])
        fake.expect(Self.start.argv, lines: ["4f1c0ffee"])
        let progress = CollectedProgress()
        let executor = setup.executor(runner: fake)
        let report = try await executor.run(progress: progress.record)

        #expect(fake.commands == [Self.pull.argv, Self.stop.argv, Self.start.argv])
        #expect(report.outcome == .ok)
        #expect(report.id == executor.id)
        #expect(report.steps.map(\.outcome) == [.ok, .ok, .ok])
        #expect(report.steps.map(\.exitCode) == [0, 0, 0])
        #expect(report.steps[2].commandLine
            == "docker run -d --name api -e 'DB_PASSWORD=[REDACTED]' registry.example.com/api:1.4.2")
        #expect(progress.outputLines == ["1.4.2: Pulling from api", "token=[REDACTED] \\e[2J", "api", "4f1c0ffee"])
        #expect(progress.startedSteps == [0, 1, 2])

        let entries = try setup.entries()
        #expect(entries.map(\.phase) == [.started, .stepStarted, .stepFinished, .stepStarted, .stepFinished,
                                         .stepStarted, .stepFinished, .finished])
        #expect(Set(entries.map(\.id)) == [executor.id])
        #expect(entries.compactMap(\.step?.index) == [0, 0, 1, 1, 2, 2])
        #expect(entries.map(\.time) == entries.map(\.time).sorted())
        #expect(entries[5].step?.argv == ["docker", "run", "-d", "--name", "api", "-e", "DB_PASSWORD=[REDACTED]",
                                          "registry.example.com/api:1.4.2"])
        #expect(!(try String(contentsOfFile: setup.journalPath, encoding: .utf8)).contains("hunter2"))
        #expect(entries.last?.outcome == .ok)
        #expect(entries[0].from == JournalEntry.Version(version: "1.4.1"))
        #expect(entries[0].to == JournalEntry.Version(version: "1.4.2", digest: "sha256:feed"))
        #expect(entries[0].actor == ActionLockTests.me)
        #expect(!FileManager.default.fileExists(atPath: setup.locksFolder + "/api@production.lock"), "the lock is released")
    }

    @Test func theFirstFailingStepStopsTheAction() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let fake = FakeCommandRunner()
        fake.expect(Self.pull.argv)
        fake.expect(Self.stop.argv, stderr: "Error response from daemon: No such container: api\npassword=hunter2\n", exit: 1)
        let report = try await setup.executor(runner: fake).run()
        #expect(fake.commands == [Self.pull.argv, Self.stop.argv])
        #expect(report.outcome == .failed)
        #expect(report.steps.map(\.outcome) == [.ok, .failed])
        #expect(report.steps[1].exitCode == 1)
        #expect(report.steps[1].standardError == "Error response from daemon: No such container: api\npassword=[REDACTED]")
        let entries = try setup.entries()
        #expect(entries.map(\.phase) == [.started, .stepStarted, .stepFinished, .stepStarted, .stepFinished, .finished])
        #expect(entries[4].outcome == .failed && entries[4].exitCode == 1)
        #expect(entries[4].standardError == report.steps[1].standardError)
        #expect(entries.last?.outcome == .failed)
    }

    @Test func outcomesOfStepsThatDoNotExitNormally() async throws {
        let cases: [(CommandError?, Int32?, JournalEntry.Outcome, String?)] = [
            (.timedOut(Self.pull, after: .seconds(5)), nil, .timedOut, "docker did not answer within 5s (pull registry.example.com/api:1.4.2)"),
            (.notFound(executable: "docker"), nil, .failed, "docker: command not found (is it installed and in PATH?)"),
            (nil, 137, .failed, nil),
        ]
        for (error, exit, outcome, words) in cases {
            let setup = try Self.setup()
            defer { setup.remove() }
            let fake = FakeCommandRunner()
            if let error { fake.expect(Self.pull.argv, error: error) } else { fake.expect(Self.pull.argv, exit: exit ?? 0) }
            let report = try await setup.executor(runner: fake).run()
            #expect(report.outcome == outcome)
            #expect(report.steps.count == 1)
            #expect(report.steps[0].error == words)
            #expect(report.steps[0].exitCode == exit)
            #expect(try setup.entries().last?.outcome == outcome)
        }
    }

    @Test func aCommandTheRunnerDidNotExpectFailsTheStep() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let report = try await setup.executor(runner: FakeCommandRunner()).run()
        #expect(report.outcome == .failed)
        #expect(report.steps[0].error?.hasPrefix("unexpected command") == true)
    }

    /// q or a dropped SSH session during a step: the step runs to its end and is journalled, the
    /// next one never starts.
    @Test func askingToStopLetsTheRunningStepFinishAndStartsNoOther() async throws {
        for viaCancellation in [false, true] {
            let setup = try Self.setup()
            defer { setup.remove() }
            let fake = FakeCommandRunner()
            fake.expect(Self.pull.argv, lines: ["pulled"])
            let runner = GatedRunner(fake)
            let executor = setup.executor(runner: runner)
            let progress = CollectedProgress()
            let task = Task { try await executor.run(progress: progress.record) }
            #expect(await ProcessTestSupport.eventually { progress.startedSteps == [0] })
            if viaCancellation { task.cancel() } else { executor.finishCurrentStepThenStop() }
            #expect(await ProcessTestSupport.eventually { executor.stopRequested })
            runner.open()
            let report = try await task.value
            #expect(report.outcome == .cancelled)
            #expect(report.stoppedBeforeStep == 1)
            #expect(report.steps.map(\.outcome) == [.ok])
            #expect(progress.outputLines == ["pulled"])
            #expect(fake.commands == [Self.pull.argv])
            let entries = try setup.entries()
            #expect(entries.map(\.phase) == [.started, .stepStarted, .stepFinished, .finished])
            #expect(entries.last?.outcome == .cancelled)
            #expect(entries.last?.note == "stopped on request before step 2 of 3")
        }
    }

    /// The hangup that stops opsdeck can reach a step spawned in the same instant, before it leads
    /// its own session: it dies of SIGHUP before its program ran, and is run again to its end.
    @Test func aStepKilledByTheHangupThatStopsOpsdeckRunsAgain() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let fake = FakeCommandRunner([
            FakeCommandRunner.Reply(argv: Self.pull.argv, result: .success(CommandResult(termination: .signalled(SIGHUP)))),
        ])
        fake.expect(Self.pull.argv, lines: ["pulled"])
        let runner = GatedRunner(fake)
        let executor = setup.executor(runner: runner)
        let progress = CollectedProgress()
        let task = Task { try await executor.run(progress: progress.record) }
        #expect(await ProcessTestSupport.eventually { progress.startedSteps == [0] })
        executor.finishCurrentStepThenStop()
        runner.open()
        let report = try await task.value
        #expect(fake.commands == [Self.pull.argv, Self.pull.argv])
        #expect(report.steps.map(\.outcome) == [.ok])
        #expect(report.outcome == .cancelled && report.stoppedBeforeStep == 1)

        // Without a stop asked for, a SIGHUP is the step's own failure.
        let other = try Self.setup()
        defer { other.remove() }
        let once = FakeCommandRunner([
            FakeCommandRunner.Reply(argv: Self.pull.argv, result: .success(CommandResult(termination: .signalled(SIGHUP)))),
        ])
        let failed = try await other.executor(runner: once).run()
        #expect(failed.outcome == .failed && failed.steps.first?.signal == SIGHUP)
    }

    @Test func aStopAskedBeforeRunningRunsNothing() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let fake = FakeCommandRunner()
        let executor = setup.executor(runner: fake)
        executor.finishCurrentStepThenStop()
        let report = try await executor.run()
        #expect(report.outcome == .cancelled && report.stoppedBeforeStep == 0 && report.steps.isEmpty)
        #expect(fake.commands.isEmpty)
        #expect(try setup.entries().map(\.phase) == [.started, .finished])
        await #expect(throws: ActionExecutionError.alreadyRun) { try await executor.run() }
    }

    @Test func aHeldLockRefusesTheActionAndNothingIsRunOrJournalled() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let held = try ActionLock.acquire(S.api, kind: .rollback, in: setup.locksFolder, operator: ActionLockTests.me,
                                          now: S.time())
        let fake = FakeCommandRunner()
        await #expect(throws: ActionExecutionError.locked(.heldBy(held.owner, since: S.time()))) {
            try await setup.executor(runner: fake).run()
        }
        #expect(fake.commands.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.journalPath))
        withExtendedLifetime(held) {}
    }

    @Test func anUnwritableJournalRefusesTheActionAndReleasesTheLock() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let fake = FakeCommandRunner()
        await #expect(throws: ActionExecutionError.journal(.cannotOpen(path: setup.folder.path, errno: EISDIR))) {
            try await setup.executor(runner: fake, journal: setup.folder.path).run()
        }
        #expect(fake.commands.isEmpty)
        _ = try ActionLock.acquire(S.api, kind: .deploy, in: setup.locksFolder, operator: ActionLockTests.me)
    }

    @Test func aStaleLockIsTakenOverAndThePreviousActionNotedAsInterrupted() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let dead = try await ActionLockTests.deadPid()
        try ActionLockTests.plant(ActionLockTests.owner(pid: dead, start: 1), in: URL(fileURLWithPath: setup.locksFolder))
        let fake = FakeCommandRunner()
        [Self.pull, Self.stop, Self.start].forEach { fake.expect($0.argv) }
        let executor = setup.executor(runner: fake, gateOverride: .init(gates: ["ci"], by: "alice"))
        let report = try await executor.run()
        #expect(report.outcome == .ok)
        #expect(report.takeover?.reason == "process \(dead) is gone")
        let entries = try setup.entries()
        #expect(entries.map(\.phase) == [.lockTakeover, .interruptedNoted, .gateOverride, .started, .stepStarted,
                                         .stepFinished, .stepStarted, .stepFinished, .stepStarted, .stepFinished, .finished])
        #expect(entries[0].id == executor.id && entries[0].note?.contains("bob@") == true)
        #expect(entries[1].id == "bobs-action" && entries[1].kind == .rollback)
        #expect(entries[1].note?.hasSuffix("was found stale: process \(dead) is gone") == true)
        #expect(entries[2].gateOverride == JournalEntry.GateOverride(gates: ["ci"], by: "alice"))

        let history = try JournalReader.history(path: setup.journalPath)
        #expect(history.actions.map(\.id) == ["bobs-action", executor.id])
        #expect(history.actions[0].isInterrupted)
        #expect(history.actions[1].notes.map(\.phase) == [.lockTakeover])
        #expect(history.actions[1].gateOverride?.gates == ["ci"])
    }

    @Test func theDryRunShowsTheCommandsRedactedAndRunsNothing() throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let fake = FakeCommandRunner()
        #expect(setup.executor(runner: fake).dryRun == """
            deploy api/production: 1.4.1 -> 1.4.2
              1. pull the image
                 $ docker pull registry.example.com/api:1.4.2
              2. stop the old container
                 $ docker stop -t 10 api
              3. start the new one
                 $ docker run -d --name api -e 'DB_PASSWORD=[REDACTED]' registry.example.com/api:1.4.2
            """)
        #expect(fake.commands.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.journalPath))
    }

    // MARK: - Real processes

    @Test func aRealStepStreamsItsOutputAndItsFailureIsJournalled() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let failing = Command("/bin/sh", ["-c", "echo hello; echo password=hunter2; echo oops >&2; exit 3"],
                              timeout: ProcessTestSupport.generousTimeout)
        let plan = ActionPlan(kind: .rollback, key: S.api, from: "1.4.2", to: "1.4.1",
                              steps: [.init("fail", failing), .init("never", Command("/bin/true", []))])
        let progress = CollectedProgress()
        let report = try await setup.executor(plan, runner: LiveCommandRunner()).run(progress: progress.record)
        #expect(progress.outputLines == ["hello", "password=[REDACTED]"])
        #expect(report.outcome == .failed)
        #expect(report.steps.count == 1)
        #expect(report.steps[0].exitCode == 3 && report.steps[0].standardError == "oops")
        let entries = try setup.entries()
        #expect(entries.map(\.phase) == [.started, .stepStarted, .stepFinished, .finished])
        #expect(entries[2].exitCode == 3 && entries[2].standardError == "oops")
    }

    /// Cancelling the task that awaits the action does not kill the real process of the running step:
    /// it runs on until it ends by itself, which it does only once the test lets it.
    @Test func cancellingDuringARealStepDoesNotKillIt() async throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let go = setup.folder.appendingPathComponent("go").path
        let waiting = Command("/bin/sh", ["-c", "echo waiting; while [ ! -e \"$1\" ]; do sleep 0.01; done; echo done", "sh", go],
                              timeout: ProcessTestSupport.generousTimeout)
        let plan = ActionPlan(kind: .deploy, key: S.api, from: nil, to: "2",
                              steps: [.init("wait", waiting), .init("never", Command("/bin/true", []))])
        let progress = CollectedProgress()
        let executor = setup.executor(plan, runner: LiveCommandRunner())
        let task = Task { try await executor.run(progress: progress.record) }
        #expect(await ProcessTestSupport.eventually { progress.outputLines == ["waiting"] })
        task.cancel()
        #expect(await ProcessTestSupport.eventually { executor.stopRequested })
        #expect(FileManager.default.createFile(atPath: go, contents: nil))
        let report = try await task.value
        #expect(progress.outputLines == ["waiting", "done"])
        #expect(report.steps.map(\.outcome) == [.ok])
        #expect(report.outcome == .cancelled && report.stoppedBeforeStep == 1)
        #expect(try setup.entries().map(\.phase) == [.started, .stepStarted, .stepFinished, .finished])
    }
}
