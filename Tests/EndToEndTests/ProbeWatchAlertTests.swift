import Foundation
import Glibc
import OpsCore
import Testing

/// `opsdeck probe --watch` against nginx's 503 endpoint: the alert is printed, journalled and handed
/// to a real `on_alert` script.
@Suite(.enabled(if: ProbeTestEndpoints.shouldRun, ProbeTestEndpoints.missing))
struct ProbeWatchAlertTests {
    static let deadline = Duration.seconds(30)

    /// opsdeck.yml probing `/fail` (503) once a second, journalling to `journal.jsonl` beside it, with
    /// a hook that records its environment and argv into `hook.env` / `hook.argv`.
    static func prepare(_ folder: ScratchFolder) throws {
        let hook = try folder.write("hook", """
            #!/bin/sh
            env -0 > "$1.env"
            printf '%s\\n' "$@" > "$1.argv"
            """)
        chmod(hook, 0o755)
        try folder.write("opsdeck.yml", """
            environments:
              local: {}
            services:
              api:
                local: { provider: docker, container: api, base_url: "\(try ProbeTestEndpoints.httpBase())" }
                probes:
                  - { name: fail, url: /fail, interval: 1s, timeout: 1s }
            journal_path: journal.jsonl
            alerts:
              on_alert: ["\(hook)", "\(folder.path)/hook", "$(touch \(folder.path)/pwned)"]
              hook_timeout: 20s
            """)
    }

    static func start(_ folder: ScratchFolder, _ arguments: [String]) throws -> ChildProcess {
        try OpsdeckBinary.start(["probe", "--watch"] + arguments,
                                environment: ["HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state"],
                                currentDirectory: folder.path)
    }

    static func output(_ child: ChildProcess) -> String { String(decoding: child.stdout, as: UTF8.self) }

    static func variables(in file: String) -> [String: String] {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        var variables: [String: String] = [:]
        for entry in text.split(separator: "\0") where entry.hasPrefix("OPSDECK_") && !entry.hasPrefix("OPSDECK_TEST_") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            variables[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return variables
    }

    @Test func aFailingProbeIsPrintedJournalledAndHooked() throws {
        let folder = try ScratchFolder()
        try Self.prepare(folder)
        let child = try Self.start(folder, [])
        let hooked = child.pump(timeout: Self.deadline) { Self.output($0).contains("on_alert for api/local/fail raised: ") }
        #expect(hooked, "stdout: \(Self.output(child)) stderr: \(String(decoding: child.stderr, as: UTF8.self))")
        child.send(SIGINT)
        let result = child.wait(timeout: Self.deadline)
        #expect(result.exitCode == 1, "a probe is failing when interrupted; stderr: \(result.stderrText)")
        #expect(result.stderr.isEmpty)

        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(lines)")
        let time = String(lines[0].prefix(24))
        #expect(lines[0].hasPrefix("\(time)  api/local/fail  unknown -> failing  "))
        #expect(lines[0].hasSuffix(" ms  status 503, expected 200-299"))
        #expect(lines[1] == "\(time)  ALERT api/local/fail failing: status 503, expected 200-299")
        #expect(lines[2].hasSuffix("  on_alert for api/local/fail raised: ok"))

        let history = try JournalReader.history(path: folder.path + "/journal.jsonl")
        #expect(history.problems.isEmpty && history.actions.isEmpty)
        let entry = try #require(history.alerts.first)
        #expect(history.alerts.count == 1)
        #expect(entry.alert == Alert(subject: .probe(ProbeID(service: "api", environment: "local", name: "fail")),
                                     transition: .raised, state: "failing", reason: "status 503, expected 200-299",
                                     at: entry.alert.at))
        #expect(entry.time.rfc3339Milliseconds == time)
        #expect(entry.observer.pid == child.pid)

        #expect(Self.variables(in: folder.path + "/hook.env") == [
            "OPSDECK_ALERT": "raised", "OPSDECK_SERVICE": "api", "OPSDECK_ENVIRONMENT": "local",
            "OPSDECK_PROBE": "fail", "OPSDECK_METRIC": "", "OPSDECK_VALUE": "", "OPSDECK_STATE": "failing", "OPSDECK_REASON": "status 503, expected 200-299",
            "OPSDECK_TIME": time, "OPSDECK_SUMMARY": "ALERT api/local/fail failing: status 503, expected 200-299",
        ])
        let argv = (try? String(contentsOfFile: folder.path + "/hook.argv", encoding: .utf8)) ?? ""
        #expect(argv == "\(folder.path)/hook\n$(touch \(folder.path)/pwned)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/pwned"))
    }

    @Test func noHooksStillPrintsAndJournalsTheAlert() throws {
        let folder = try ScratchFolder()
        try Self.prepare(folder)
        let child = try Self.start(folder, ["--no-hooks", "--output", "json"])
        let alerted = child.pump(timeout: Self.deadline) { Self.output($0).contains(#""event":"alert""#) }
        #expect(alerted, "stdout: \(Self.output(child)) stderr: \(String(decoding: child.stderr, as: UTF8.self))")
        child.send(SIGTERM)
        let result = child.wait(timeout: Self.deadline)
        #expect(result.exitCode == 1)
        let objects = try result.stdoutText.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(objects.map { $0["event"]?.stringValue } == ["change", "alert"])
        let alert = try #require(objects.last)
        #expect(alert["alert"] == .string("raised") && alert["probe"] == .string("api/local/fail"))
        #expect(alert["state"] == .string("failing") && alert["reason"] == .string("status 503, expected 200-299"))
        #expect(alert["summary"] == .string("ALERT api/local/fail failing: status 503, expected 200-299"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/hook.env"), "--no-hooks ran the hook")
        let history = try JournalReader.history(path: folder.path + "/journal.jsonl")
        #expect(history.alerts.map(\.alert.summary) == ["ALERT api/local/fail failing: status 503, expected 200-299"])
    }
}
