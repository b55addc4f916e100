import Foundation
import Testing

/// `opsdeck logs` against logs written to attack the terminal that shows them (escape-sequence injection,
/// as in kubectl CVE-2021-25743) and logs that carry secrets.
@Suite struct LogsCommandSafetyTests {
    /// Everything a hostile line may try: SGR colour, clear screen and cursor home, OSC 0 (window title),
    /// OSC 52 (clipboard write), DCS, an 8-bit CSI (C1 U+009B), a right-to-left override, BEL and DEL.
    static let attack = "red \u{1B}[31mRED\u{1B}[0m clear \u{1B}[2J\u{1B}[H title \u{1B}]0;pwned\u{07} clip \u{1B}]52;c;ZXZpbA==\u{07} dcs \u{1B}P1$r\u{1B}\\ c1 \u{9B}31m bidi \u{202E}gnp.exe bel \u{07} del \u{7F} end"
    static let hostileKey = "\u{1B}[31mkey\u{202E}"

    /// A JSON logger escapes control characters (`\u001b`), so the attack arrives inside valid JSON, in
    /// the message, a field value, a field key and a nested value.
    static func jsonLine() throws -> String {
        let record: [String: Any] = [
            "level": "error", "msg": attack, "user": "\u{1B}[1mbob\u{9B}", hostileKey: "v",
            "nested": ["deep": "\u{1B}]52;c;AAAA\u{07}x", "list": ["\u{1B}[5mblink"]],
        ]
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A text or logfmt logger writes the bytes as they are.
    static let rawLines = "plain \(attack)\nlevel=warn msg=\"\(attack)\" user=\u{1B}[1mbob\u{9B}\n"

    static func hostileLog() throws -> String { try jsonLine() + "\n" + rawLines }

    @Test func textOutputCarriesNoControlsAndStillShowsTheAttempt() throws {
        let result = try runLogs(["--color", "never"], stdin: try Self.hostileLog())
        #expect(result.exitCode == 0)
        #expect(terminalHazards(in: result.stdout) == [])
        #expect(!result.stdout.contains(0x1B))
        let lines = outputLines(result.stdoutText)
        #expect(lines.count == 3)
        // Shown, not silently dropped: whoever reads the log should see that something was attempted.
        for line in lines {
            #expect(line.contains("clear \\e[2J\\e[H"), "\(line)")
            #expect(line.contains("\\e]52;c;ZXZpbA=="), "\(line)")
            #expect(line.contains("<U+202E>"), "\(line)")
        }
    }

    @Test func textOutputWithColourAddsOnlyItsOwnSGRSequences() throws {
        let result = try runLogs(["--color", "always"], stdin: try Self.hostileLog())
        let plain = LogsCommandOutputTests.withoutSGR(result.stdoutText)
        #expect(terminalHazards(in: Array(plain.utf8)) == [])
        // Every ESC left is the start of one of opsdeck's own `ESC [ digits m` sequences.
        let escapes = result.stdoutText.unicodeScalars.filter { $0 == "\u{1B}" }.count
        let own = result.stdoutText.matches(of: /\x{1B}\[[0-9;]*m/).count
        #expect(escapes == own && own > 0)
    }

    @Test func jsonOutputEscapesEveryControlAndKeepsTheExactText() throws {
        let result = try runLogs(["--output", "json"], stdin: try Self.hostileLog())
        #expect(result.exitCode == 0)
        #expect(terminalHazards(in: result.stdout) == [])
        for escape in [#"\u001b[2J"#, #"\u001b]52;c;"#, #"\u009b"#, #"\u202e"#, #"\u0007"#, #"\u007f"#] {
            #expect(result.stdoutText.contains(escape), "\(escape) missing")
        }
        let records = try EmittedRecord.all(in: result.stdout)
        try #require(records.count == 3)
        // JSON keeps the text exactly, escaped: a reader that decodes it gets back what was logged.
        #expect(records[0].message == Self.attack && records[0].level == "error")
        #expect(records[0].field("user") as? String == "\u{1B}[1mbob\u{9B}")
        #expect(records[0].fields[Self.hostileKey] as? String == "v")
        #expect(records[0].field("nested.deep") as? String == "\u{1B}]52;c;AAAA\u{07}x")
        #expect(records[1].message == "plain " + Self.attack)
        #expect(records[2].message == Self.attack && records[2].level == "warn")
    }

    static let secretsLog = """
        {"level":"info","msg":"login password=hunter2 ok","password":"hunter2","headers":{"Authorization":"Bearer abcdef0123456789abcdef"},"db":"postgres://admin:s3cret@db.internal:5432/app","nested":{"aws":"key AKIAIOSFODNN7EXAMPLE used","note":"got eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here"},"list":["password=hunter2"]}
        level=warn msg="retry with Authorization: Bearer abcdef0123456789abcdef" url=https://user:pa55w0rd@example.com/x
        {"level":"error","msg":"auth failed","err":{"type":"AuthError","message":"bad password=hunter2 for https://bob:pw123@x.io","stack":"at login (key AKIAIOSFODNN7EXAMPLE)"}}
        plain line with aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and password: hunter2

        """

    static let secrets = [
        "hunter2", "abcdef0123456789abcdef", "s3cret", "AKIAIOSFODNN7EXAMPLE", "pa55w0rd", "pw123",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "wJalrXUtnFEMI",
    ]

    @Test(arguments: ["text", "json"])
    func noSecretReachesEitherOutput(_ format: String) throws {
        let result = try runLogs(["--output", format], stdin: Self.secretsLog)
        #expect(result.exitCode == 0)
        for secret in Self.secrets {
            #expect(!result.stdoutText.contains(secret), "\(secret) leaked in \(format) output")
        }
        #expect(result.stdoutText.contains("[REDACTED"))
        #expect(outputLines(result.stdoutText).count >= 4)
    }

    @Test func redactionKeepsWhatIsNotSecret() throws {
        let records = try EmittedRecord.all(in: runLogs(["--output", "json"], stdin: Self.secretsLog).stdout)
        try #require(records.count == 4)
        #expect(records[0].message == "login password=[REDACTED] ok")
        #expect(records[0].field("password") as? String == "[REDACTED]")
        #expect(records[0].field("headers.Authorization") as? String == "[REDACTED]")
        #expect(records[0].field("db") as? String == "postgres://admin:[REDACTED]@db.internal:5432/app")
        #expect(records[0].field("nested.aws") as? String == "key [REDACTED:aws-key] used")
        #expect(records[0].field("nested.note") as? String == "got [REDACTED:jwt] here")
        #expect(records[0].field("list") as? [String] == ["password=[REDACTED]"])
        #expect(records[1].message == "retry with Authorization: Bearer [REDACTED]")
        #expect(records[1].field("url") as? String == "https://user:[REDACTED]@example.com/x")
        #expect(records[2].error == EmittedRecord.ErrorPart(
            type: "AuthError", message: "bad password=[REDACTED] for https://bob:[REDACTED]@x.io",
            stack: "at login (key [REDACTED:aws-key])"))
        #expect(records[3].message == "plain line with aws_secret_access_key=[REDACTED] and password: [REDACTED]")
    }
}
