import Foundation
import Glibc
import OpsCore
import Testing

/// `opsdeck probe` against the real nginx: the table, JSON lines and the exit status.
@Suite(.enabled(if: ProbeTestEndpoints.shouldRun, ProbeTestEndpoints.missing))
struct ProbeCommandTests {
    /// Writes `config` as opsdeck.yml in a fresh folder and runs `opsdeck probe ARGUMENTS` there, on a
    /// thread of its own: waiting for the child must not hold one of the few threads that the other
    /// suites' async tests share.
    static func probe(_ config: String, _ arguments: [String] = [], environment: [String: String] = [:]) async throws
        -> ChildResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    let folder = try ScratchFolder()
                    try folder.write("opsdeck.yml", config)
                    return try OpsdeckBinary.run(["probe"] + arguments,
                                                 environment: environment.merging(["HOME": folder.path]) { $1 },
                                                 currentDirectory: folder.path)
                })
            }
        }
    }

    static func service(_ base: String, probes: String = "") -> String {
        """
        environments:
          local: {}
        services:
          api:
            local: { provider: docker, container: api, base_url: "\(base)" }
        \(probes)
        """
    }

    /// The table's rows as cells (split on runs of two or more spaces), header first.
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }.map { line in
            line.replacingOccurrences(of: #" {2,}"#, with: "\t", options: .regularExpression)
                .split(separator: "\t").map(String.init)
        }
    }

    @Test func allHealthyExitsZeroWithATable() async throws {
        let base = try ProbeTestEndpoints.httpBase()
        let result = try await Self.probe(Self.service(base))
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(result.stderr.isEmpty)
        let rows = Self.rows(result.stdoutText)
        #expect(rows.first == ["PROBE", "TARGET", "STATE", "LATENCY", "CERT", "REASON"])
        try #require(rows.count == 3 && rows.allSatisfy { $0.count >= 5 })
        #expect(rows.dropFirst().map { [$0[0], $0[1], $0[2], $0[4]] } == [
            ["api/local/health", "\(base)/health", "ok", "-"],
            ["api/local/ready", "\(base)/ready", "ok", "-"],
        ])
        #expect(rows.dropFirst().allSatisfy { $0[3].hasSuffix(" ms") })
        #expect(result.stdoutText.hasSuffix("\n\n2 probes: 2 ok\n"))
    }

    @Test func aFailingProbeExitsOneAndSaysWhy() async throws {
        let result = try await Self.probe(Self.service(try ProbeTestEndpoints.httpBase(), probes: """
                probes:
                  - { name: ready, url: /ready, expect: { json: { "$.status": ok } } }
                  - { name: fail, url: /fail, expect: { json: { "$.status": ok } } }
            """))
        #expect(result.exitCode == 1, "stderr: \(result.stderrText)")
        let rows = Self.rows(result.stdoutText)
        try #require(rows.count == 3 && rows.allSatisfy { $0.count >= 5 })
        #expect(rows[1][2] == "ok")
        #expect(rows[2][0] == "api/local/fail")
        #expect(rows[2][2] == "failing")
        #expect(rows[2].last == #"status 503, expected 200-299; $.status is "down", expected "ok""#)
        #expect(result.stdoutText.hasSuffix("2 probes: 1 ok, 1 failing\n"))
    }

    @Test func aDegradedProbeIsPrintedButExitsZero() async throws {
        let result = try await Self.probe(Self.service(try ProbeTestEndpoints.soonBase(), probes: """
                probes:
                  - { name: health, url: /health, expect: { cert_days: 14 } }
            """), environment: try ProbeTestEndpoints.trustingTheTestCA())
        #expect(result.exitCode == 0, "stdout: \(result.stdoutText) stderr: \(result.stderrText)")
        let rows = Self.rows(result.stdoutText)
        #expect(rows.count == 2)
        let row = try #require(rows.last)
        #expect(row.count == 6)
        #expect(Array(row.dropFirst(2).prefix(1)) == ["degraded"])
        #expect(Array(row.suffix(2)) == ["2d", "certificate expires in 2 days (minimum 14)"])
    }

    @Test func anUntrustedCertificateFails() async throws {
        // Without the test CA: the system's authorities do not know it.
        let result = try await Self.probe(Self.service(try ProbeTestEndpoints.validBase()), ["--output", "json"])
        #expect(result.exitCode == 1)
        let lines = try result.stdoutText.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["state"] == .string("failing") })
        #expect(lines.first?["reason"] == .string("untrusted certificate: issued by CN=opsdeck test CA, which is not a trusted authority"))
        #expect(lines.first?["certificate"]?["verification"] == .string("untrusted"))
    }

    @Test func jsonOutputIsOneObjectPerProbe() async throws {
        let base = try ProbeTestEndpoints.validBase()
        let result = try await Self.probe(Self.service(base), ["--output", "json", "--service", "api", "--env", "local"],
                                    environment: try ProbeTestEndpoints.trustingTheTestCA())
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        let lines = try result.stdoutText.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(lines.count == 2)
        let first = try #require(lines.first)
        #expect(first["probe"] == .string("api/local/health"))
        #expect(first["service"] == .string("api"))
        #expect(first["environment"] == .string("local"))
        #expect(first["target"] == .string("\(base)/health"))
        #expect(first["state"] == .string("ok"))
        #expect(first["status"] == .number("200"))
        #expect(first["reason"] == .null)
        if case .number(let latency)? = first["latency_ms"] { #expect(Int(latency) != nil) } else { Issue.record("no latency_ms") }
        let certificate = try #require(first["certificate"])
        #expect(certificate["verification"] == .string("trusted"))
        #expect(certificate["days_left"] == .number("29"))
        #expect(certificate["subject"] == .string("CN=localhost, O=opsdeck tests"))
        #expect(certificate["names"] == .array([.string("DNS:localhost"), .string("IP:127.0.0.1")]))
        if case .string(let at)? = first["at"] { #expect(at.hasSuffix("Z") && at.count == 24) } else { Issue.record("no at") }
    }

    @Test func configurationErrorsExitTwo() async throws {
        let broken = try await Self.probe("environments:\n  local: {}\nservices:\n  api:\n    local: { provider: docker, container: api, colour: red }\n")
        #expect(broken.exitCode == 2)
        #expect(broken.stderrText.contains("opsdeck.yml:5:"))
        let missing = try await Self.probe("", ["--config", "/nonexistent/opsdeck.yml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderrText.contains("/nonexistent/opsdeck.yml"))
    }

    @Test func usageErrorsExitTwo() async throws {
        let config = Self.service(try ProbeTestEndpoints.httpBase())
        let service = try await Self.probe(config, ["--service", "billing"])
        #expect(service.exitCode == 2)
        #expect(service.stderrText == "opsdeck probe: no service named billing in the configuration (services: api)\n")
        let environment = try await Self.probe(config, ["--env", "qa"])
        #expect(environment.exitCode == 2)
        #expect(environment.stderrText.contains("no environment named qa"))
        let output = try await Self.probe(config, ["--output", "xml"])
        #expect(output.exitCode == 2)
        #expect(output.stderrText == "opsdeck probe: --output must be text or json, not xml\n")
        #expect(output.stdout.isEmpty)
    }

    @Test func nothingToProbeExitsTwo() async throws {
        let result = try await Self.probe("environments:\n  local: {}\nservices:\n  api:\n    local: { provider: docker, container: api }\n")
        #expect(result.exitCode == 2)
        #expect(result.stderrText.hasPrefix("opsdeck probe: nothing to probe"))
    }

    static func output(_ child: ChildProcess) -> String { String(decoding: child.stdout, as: UTF8.self) }

    @Test func watchPrintsStateChangesUntilInterrupted() throws {
        let folder = try ScratchFolder()
        let flag = folder.path + "/healthy"
        try folder.write("opsdeck.yml", """
            environments:
              local: {}
            services:
              api:
                local: { provider: docker, container: api }
                probes:
                  - { name: flag, command: [test, -e, "\(flag)"], interval: 200ms, timeout: 200ms, consecutive: 2 }
            """)
        let child = try OpsdeckBinary.start(["probe", "--watch"],
                                            environment: ["HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state"],
                                            currentDirectory: folder.path)
        let deadline = Duration.seconds(10)
        let failing = child.pump(timeout: deadline) { Self.output($0).contains("unknown -> failing") }
        #expect(failing, "stdout: \(Self.output(child)) stderr: \(String(decoding: child.stderr, as: UTF8.self))")
        #expect(Self.output(child).contains("api/flag  unknown -> failing"))
        #expect(Self.output(child).contains("test exited with 1"))
        try folder.write("healthy", "")
        let recovered = child.pump(timeout: deadline) { Self.output($0).contains("failing -> ok") }
        #expect(recovered, "stdout: \(Self.output(child))")
        child.send(SIGINT)
        let result = child.wait(timeout: deadline)
        #expect(result.exitCode == 0, "exit \(String(describing: result.exitCode)), signal \(String(describing: result.signal))")
        // Each change to and from failing is followed by its alert (no on_alert here: no hook line).
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.count == 4 && lines[1].contains("  ALERT api/flag failing: test exited with 1")
                && lines[3].hasSuffix("  RECOVERED api/flag ok"))
        let journal = try JournalReader.history(path: folder.path + "/state/opsdeck/journal.jsonl")
        #expect(journal.alerts.map(\.alert.transition) == [.raised, .recovered])
    }
}
