import Foundation
import OpsCore
import Testing

/// `opsdeck journal` over a journal that holds alerts beside actions.
@Suite struct JournalCommandAlertTests {
    typealias J = JournalCommandTests

    static func alert(_ name: String, service: String = "api", environment: String? = "production",
                      _ transition: Alert.Transition, at seconds: Int64) -> JournalAlertEntry {
        let at = Date(timeIntervalSince1970: Double(1_795_860_000 + seconds))
        let alert = Alert(subject: .probe(ProbeID(service: service, environment: environment, name: name)),
                          transition: transition, state: transition == .raised ? "failing" : "ok",
                          reason: transition == .raised ? "status 503, expected 200-299" : nil, at: at)
        return JournalAlertEntry(id: "\(name)-\(transition.rawValue)", observer: J.bob, alert: alert)
    }

    /// The two actions of `JournalCommandTests` (api at 10:00, web at 10:10) and three alerts around them.
    static func writeJournal(to path: String) throws {
        try J.writeTwoActions(to: path)
        let writer = JournalWriter(path: path)
        try writer.append(alert("health", .raised, at: -60))
        try writer.append(alert("health", .recovered, at: 300))
        try writer.append(alert("queue", service: "worker", environment: nil, .raised, at: 301))
    }

    @Test func alertsAreLinesAmongTheActionsInTimeOrder() throws {
        let sandbox = try J.Sandbox()
        defer { sandbox.remove() }
        try Self.writeJournal(to: sandbox.defaultJournal)
        let result = try sandbox.run([])
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "2026-11-28T09:59:00.000Z  bob@ops2  ALERT api/production/health failing: status 503, expected 200-299")
        #expect(lines.dropFirst().first == "")
        #expect(lines.dropFirst(2).first?.hasPrefix("2026-11-28T10:00:00.000Z  alice@ops1") == true)
        let recovered = try #require(lines.firstIndex(of: "2026-11-28T10:05:00.000Z  bob@ops2  RECOVERED api/production/health ok"))
        #expect(lines[recovered - 1] == "", "an action's block is set apart")
        #expect(lines[recovered + 1] == "2026-11-28T10:05:01.000Z  bob@ops2  ALERT worker/queue failing: status 503, expected 200-299",
                "alerts in a row stay together")
        #expect(lines[recovered + 2] == "")
        #expect(lines[recovered + 3].hasPrefix("2026-11-28T10:10:00.000Z  bob@ops2  web/staging"))
    }

    @Test func alertsAreFilteredAndPrintedAsJSON() throws {
        let sandbox = try J.Sandbox()
        defer { sandbox.remove() }
        try Self.writeJournal(to: sandbox.defaultJournal)
        func objects(_ arguments: [String]) throws -> [JSONValue] {
            let result = try sandbox.run(arguments + ["--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
            return try result.stdoutText.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        }
        let all = try objects([])
        #expect(all.map { $0["id"]?.stringValue } == ["health-raised", "a1", "health-recovered", "queue-raised", "w1"])
        #expect(all.map { $0["kind"]?.stringValue } == ["alert", "deploy", "alert", "alert", "deploy"])
        let first = try #require(all.first)
        #expect(first["alert"] == .string("raised") && first["probe"] == .string("health"))
        #expect(first["environment"] == .string("production") && first["state"] == .string("failing"))
        #expect(first["summary"] == .string("ALERT api/production/health failing: status 503, expected 200-299"))
        #expect(first["time"] == .string("2026-11-28T09:59:00.000Z") && first["user"] == .string("bob"))
        #expect(all[3]["environment"] == nil, "a probe of one fixed place has no environment")

        #expect(try objects(["--service", "worker"]).map { $0["id"]?.stringValue } == ["queue-raised"])
        #expect(try objects(["--env", "production"]).map { $0["id"]?.stringValue } == ["health-raised", "a1", "health-recovered"])
        #expect(try objects(["--since", "2026-11-28T10:05:00Z"]).map { $0["id"]?.stringValue }
                == ["health-recovered", "queue-raised", "w1"])
        let none = try sandbox.run(["--service", "nothing"])
        #expect(none.stdoutText == "No actions or alerts match.\n")
    }
}
