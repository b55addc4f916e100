import Foundation
import Testing
@testable import OpsCore

/// The `on_alert` hook run for real: scripts written by the tests, spawned by the live runner.
@Suite struct AlertHookTests {
    static let generous = ProcessTestSupport.generousTimeout

    @Test func theHookGetsEveryVariableAndItsArgvUnchanged() async throws {
        let folder = try HookFolder()
        defer { folder.remove() }
        let record = try folder.script("record", #"env -0 > "$1"; printf '%s\n' "$@" > "$1.argv""#)
        let hook = try #require(AlertHook(argv: [record, folder.path("env"), "--channel", "#ops; rm -rf /"],
                                          timeout: Self.generous, runner: LiveCommandRunner()))
        #expect(await hook.run(AlertSamples.probe()) == .ok)
        #expect(folder.recordedEnvironment("env") == [
            "OPSDECK_ALERT": "raised",
            "OPSDECK_SERVICE": "api",
            "OPSDECK_ENVIRONMENT": "production",
            "OPSDECK_PROBE": "health",
            "OPSDECK_METRIC": "",
            "OPSDECK_VALUE": "",
            "OPSDECK_STATE": "failing",
            "OPSDECK_REASON": "status 503, expected 200-299",
            "OPSDECK_TIME": "2026-11-28T10:00:00.123Z",
            "OPSDECK_SUMMARY": "ALERT api/production/health failing: status 503, expected 200-299",
        ])
        #expect(folder.text("env.argv") == "\(folder.path("env"))\n--channel\n#ops; rm -rf /\n")

        #expect(await hook.run(AlertSamples.metric(.recovered)) == .ok)
        #expect(folder.recordedEnvironment("env") == [
            "OPSDECK_ALERT": "recovered",
            "OPSDECK_SERVICE": "api",
            "OPSDECK_ENVIRONMENT": "production",
            "OPSDECK_PROBE": "",
            "OPSDECK_METRIC": "error_rate",
            "OPSDECK_STATE": "ok",
            "OPSDECK_REASON": "above 0.05",
            "OPSDECK_VALUE": "0.12",
            "OPSDECK_TIME": "2026-11-28T10:00:00.123Z",
            "OPSDECK_SUMMARY": "RECOVERED api/production/error_rate ok: value 0.12; above 0.05",
        ])
    }

    @Test func everyVariableIsSetSoNoInheritedOneCanPassForTheAlert() {
        let names: Set = ["OPSDECK_ALERT", "OPSDECK_SERVICE", "OPSDECK_ENVIRONMENT", "OPSDECK_PROBE", "OPSDECK_METRIC",
                          "OPSDECK_STATE", "OPSDECK_REASON", "OPSDECK_VALUE", "OPSDECK_TIME", "OPSDECK_SUMMARY"]
        for alert in [AlertSamples.probe(), AlertSamples.probe(.recovered), AlertSamples.metric(),
                      AlertSamples.probe("q", environment: nil)] {
            #expect(Set(AlertHook.environment(for: alert).keys) == names, "\(alert.summary)")
        }
    }

    @Test func namesWithShellMetacharactersStayLiteral() async throws {
        let folder = try HookFolder()
        defer { folder.remove() }
        let record = try folder.script("record", #"env -0 > "$1""#)
        let hook = try #require(AlertHook(argv: [record, folder.path("env")], timeout: Self.generous,
                                          runner: LiveCommandRunner()))
        let hostile = "$(touch \(folder.path("pwned")))"
        let alert = AlertSamples.probe("h`touch \(folder.path("pwned2"))`", service: "api; touch \(folder.path("pwned3"))",
                                       environment: nil, reason: "\"quoted\" 'single' \(hostile) & | > < *")
        #expect(await hook.run(alert) == .ok)
        let recorded = folder.recordedEnvironment("env")
        #expect(recorded["OPSDECK_SERVICE"] == "api; touch \(folder.path("pwned3"))")
        #expect(recorded["OPSDECK_ENVIRONMENT"] == "")
        #expect(recorded["OPSDECK_PROBE"] == "h`touch \(folder.path("pwned2"))`")
        #expect(recorded["OPSDECK_REASON"] == "\"quoted\" 'single' \(hostile) & | > < *")
        #expect(recorded["OPSDECK_SUMMARY"] == "ALERT api; touch \(folder.path("pwned3"))/h`touch \(folder.path("pwned2"))`"
                + " failing: \"quoted\" 'single' \(hostile) & | > < *")
        #expect(!folder.exists("pwned") && !folder.exists("pwned2") && !folder.exists("pwned3"))
    }

    @Test func aFailingHookGivesItsExitAndTheTailOfItsStandardError() async throws {
        let folder = try HookFolder()
        defer { folder.remove() }
        let fail = try folder.script("fail", """
            echo 'line 1' >&2; echo 'line 2' >&2; echo '' >&2; echo 'line 3' >&2
            printf 'curl: (7) \\033[31mFailed\\n' >&2
            exit 3
            """)
        let hook = try #require(AlertHook(argv: [fail], timeout: Self.generous, runner: LiveCommandRunner()))
        let outcome = await hook.run(AlertSamples.probe())
        #expect(outcome == .failed(.exited(3), standardErrorTail: #"line 2 / line 3 / curl: (7) \e[31mFailed"#))
        #expect(outcome.description == #"exited with 3: line 2 / line 3 / curl: (7) \e[31mFailed"#)
        #expect(!outcome.succeeded)
    }

    @Test func aMissingExecutableIsSaidClearly() async throws {
        let hook = try #require(AlertHook(argv: ["/nonexistent/opsdeck-hook"], timeout: Self.generous,
                                          runner: LiveCommandRunner()))
        let outcome = await hook.run(AlertSamples.probe())
        #expect(outcome == .missingExecutable("/nonexistent/opsdeck-hook"))
        #expect(outcome.description == "/nonexistent/opsdeck-hook: command not found (is it installed and in PATH?)")
        #expect(outcome.word == "not-found")
    }

    @Test func aHangingHookIsKilledAtItsDeadlineAndTheNextStillRuns() async throws {
        let folder = try HookFolder()
        defer { folder.remove() }
        // The hook writes its pid, then hangs; once its alert is a recovery, it answers at once.
        let hang = try folder.script("hang", """
            echo "$OPSDECK_ALERT" >> "$1.seen"
            [ "$OPSDECK_ALERT" = recovered ] && exit 0
            echo $$ > "$1.pid"
            exec sleep 300
            """)
        let hook = try #require(AlertHook(argv: [hang, folder.path("hook")], timeout: .milliseconds(500),
                                          runner: LiveCommandRunner()))
        let outcomes = ReportedOutcomes()
        let queue = AlertHookQueue(hook: hook, report: outcomes.report)
        let clock = ContinuousClock()
        let started = clock.now
        queue.submit(AlertSamples.probe())
        queue.submit(AlertSamples.probe(.recovered))
        await queue.finish()
        let outcomesInOrder = outcomes.all.map(\.outcome)
        #expect(outcomesInOrder == [.timedOut(after: .milliseconds(500)), .ok])
        #expect(outcomes.all.map(\.alert.transition) == [.raised, .recovered])
        #expect(folder.text("hook.seen") == "raised\nrecovered\n")
        #expect(clock.now - started < .seconds(60), "the hang cost its deadline, not its 300 s")
        let pid = try #require(ProcessTestSupport.pids(in: folder.url.appendingPathComponent("hook.pid")).first)
        #expect(await ProcessTestSupport.eventually { ProcessTestSupport.isGone(pid) }, "the hung hook \(pid) still runs")
        #expect(outcomesInOrder.first?.description == "timed out after 0.5s and was killed")
    }

    @Test func aMissingHookLosesNoAlertAndTheQueueGoesOn() async throws {
        let outcomes = ReportedOutcomes()
        let hook = try #require(AlertHook(argv: ["opsdeck-no-such-hook"], timeout: Self.generous, runner: LiveCommandRunner()))
        let queue = AlertHookQueue(hook: hook, report: outcomes.report)
        let alerts = [AlertSamples.probe("a"), AlertSamples.probe("b"), AlertSamples.probe("a", .recovered)]
        for alert in alerts { queue.submit(alert) }
        await queue.finish()
        #expect(outcomes.all.map(\.alert) == alerts)
        #expect(outcomes.all.allSatisfy { $0.outcome == .missingExecutable("opsdeck-no-such-hook") })
    }

    @Test func cancellingKillsTheRunningHookAndSkipsTheWaitingOnes() async throws {
        let folder = try HookFolder()
        defer { folder.remove() }
        let hang = try folder.script("hang", #"echo $$ > "$1.pid"; exec sleep 300"#)
        let hook = try #require(AlertHook(argv: [hang, folder.path("hook")], timeout: Self.generous,
                                          runner: LiveCommandRunner()))
        let outcomes = ReportedOutcomes()
        let queue = AlertHookQueue(hook: hook, report: outcomes.report)
        queue.submit(AlertSamples.probe("a"))
        queue.submit(AlertSamples.probe("b"))
        let pidFile = folder.url.appendingPathComponent("hook.pid")
        #expect(await ProcessTestSupport.eventually { !ProcessTestSupport.pids(in: pidFile).isEmpty })
        queue.cancel()
        await queue.finish()
        #expect(outcomes.all.map(\.alert.name) == ["a", "b"])
        #expect(outcomes.all.map(\.outcome) == [.cancelled, .cancelled])
        let pid = try #require(ProcessTestSupport.pids(in: pidFile).first)
        #expect(await ProcessTestSupport.eventually { ProcessTestSupport.isGone(pid) })
        queue.submit(AlertSamples.probe("c"))
        #expect(outcomes.all.last.map { $0.alert.name == "c" && $0.outcome == .cancelled } == true)
    }
}

/// The queue's order and bound, with a runner the test releases by hand.
@Suite struct AlertHookQueueTests {
    @Test func hooksRunOneAtATimeInOrderAndABurstPastTheBoundIsDropped() async throws {
        let runner = HeldHookRunner()
        let hook = try #require(AlertHook(argv: ["notify"], runner: runner))
        let outcomes = ReportedOutcomes()
        let queue = AlertHookQueue(hook: hook, capacity: 2, report: outcomes.report)
        queue.submit(AlertSamples.probe("1"))
        #expect(await ProcessTestSupport.eventually { runner.started.count == 1 })
        for name in ["2", "3", "4"] { queue.submit(AlertSamples.probe(name)) }
        // Two wait behind the running one; the fourth is over the bound.
        #expect(outcomes.all.map(\.alert.name) == ["4"])
        #expect(outcomes.all.first?.outcome == .dropped(waiting: 2))
        #expect(runner.started.count == 1, "only one hook at a time")
        runner.releaseOne()
        #expect(await ProcessTestSupport.eventually { runner.started.count == 2 })
        #expect(outcomes.all.map(\.alert.name) == ["4", "1"])
        runner.releaseOne()
        runner.releaseOne()
        await queue.finish()
        #expect(outcomes.all.map(\.alert.name) == ["4", "1", "2", "3"])
        #expect(outcomes.all.dropFirst().allSatisfy { $0.outcome == .ok })
        #expect(runner.started.map { $0.environment["OPSDECK_PROBE"] } == ["1", "2", "3"])
        #expect(runner.started.allSatisfy { $0.argv == ["notify"] && $0.timeout == AlertsConfig.defaultHookTimeout })
    }

    @Test func theConfiguredHookIsBuiltFromTheConfiguration() throws {
        let runner = HeldHookRunner()
        #expect(AlertHook(config: AlertsConfig(), runner: runner) == nil)
        #expect(AlertHook(argv: [], runner: runner) == nil)
        let hook = try #require(AlertHook(config: AlertsConfig(onAlert: ["page", "--team", "ops"], hookTimeout: .seconds(3)),
                                          runner: runner))
        let command = hook.command(for: AlertSamples.probe())
        #expect(command.argv == ["page", "--team", "ops"])
        #expect(command.timeout == .seconds(3))
        #expect(!command.isLongRunning)
    }
}
