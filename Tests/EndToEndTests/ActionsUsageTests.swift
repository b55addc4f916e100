import Foundation
import Testing

/// The headless actions' usage and configuration errors end with status 2, as documented, before
/// any engine is asked anything.
@Suite struct ActionsUsageTests {
    static func run(_ arguments: [String], config: String? = nil) throws -> ChildResult {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-usage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let config { try config.write(to: root.appendingPathComponent("opsdeck.yml"), atomically: true, encoding: .utf8) }
        return try OpsdeckBinary.run(arguments, environment: ["HOME": root.path, "XDG_STATE_HOME": root.path + "/state",
                                                              "XDG_CONFIG_HOME": root.path + "/config"],
                                     currentDirectory: root.path)
    }

    static let config = """
        environments:
          staging: {}
          production: { protected: true }
        services:
          web:
            staging: { provider: docker, container: web-staging }
            production: { provider: kubernetes, context: prod, namespace: shop, statefulset: web }
        """

    @Test func missingOrUnknownArgumentsExit2() throws {
        for arguments in [["deploy", "web"], ["rollback", "--env", "staging"], ["promote", "web", "--bogus"],
                          ["status", "--output", "xml"]] {
            let result = try Self.run(arguments, config: Self.config)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderrText)")
            #expect(result.stderrText.contains("Error:"))
        }
    }

    @Test func configurationErrorsExit2AndSayWhy() throws {
        let noConfig = try Self.run(["deploy", "web", "--env", "staging", "--version", "2", "--yes"])
        #expect(noConfig.exitCode == 2)
        let cases: [([String], String)] = [
            (["deploy", "api", "--env", "staging", "--version", "2", "--yes"], "no service api"),
            (["deploy", "web", "--env", "qa", "--version", "2", "--yes"], "no environment qa"),
            (["deploy", "web", "--env", "production", "--version", "2", "--yes"], "is a StatefulSet, which opsdeck lists read-only"),
            (["restart", "web", "--env", "staging", "--yes"], "which this version of opsdeck cannot restart"),
            (["promote", "web", "--from", "production"], "production is the last environment"),
            (["deploy", "web", "--env", "staging", "--version", "2", "--ready-timeout", "soon"], "--ready-timeout"),
        ]
        for (arguments, words) in cases {
            let result = try Self.run(arguments, config: Self.config)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderrText)")
            #expect(result.stderrText.contains(words), "\(arguments): \(result.stderrText)")
        }
    }

    @Test func otherCommandsKeepTheirOwnUsageStatus() throws {
        let result = try Self.run(["journal", "--since", "whenever"])
        #expect(result.exitCode == 64)
    }
}
