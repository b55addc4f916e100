import Testing

/// `opsdeck logs --where`: conditions on normalised keys, original keys, nested paths, numbers, levels
/// and times, and the usage errors for conditions that cannot be read.
@Suite struct LogsCommandWhereTests {
    static let requests = """
        {"level":"info","time":"2024-05-01T12:00:00Z","msg":"GET /","status":200,"user_id":42,"req":{"method":"GET","headers":{"host":"api.example.com"}}}
        {"level":"error","time":"2024-05-01T12:00:01.5Z","msg":"POST /pay","status":502,"user_id":"42","req":{"method":"POST","headers":{"host":"pay.example.com"}}}
        {"level":"warn","time":"2024-05-01T12:00:02Z","msg":"GET /slow","status":404,"latency_ms":1250.5}
        level=info msg="no status here" user_id=7

        """

    private func lines(where conditions: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
        let result = try runLogs(["--output", "json"] + conditions.flatMap { ["--where", $0] }, stdin: Self.requests)
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
        return try EmittedRecord.all(in: result.stdout).map(\.line)
    }

    @Test func equalityComparesTheTextOfNumbersAndStrings() throws {
        // 42 (a number) and "42" (a string) are both written 42.
        #expect(try lines(where: "user_id=42") == [1, 2])
        #expect(try lines(where: "user_id=7") == [4])
    }

    @Test func notEqualKeepsRecordsWithoutTheKey() throws {
        #expect(try lines(where: "user_id!=42") == [3, 4])
    }

    @Test func dottedPathsReachNestedFields() throws {
        #expect(try lines(where: "req.headers.host=pay.example.com") == [2])
        #expect(try lines(where: "req.method!=GET") == [2, 3, 4])
    }

    @Test func orderingsCompareNumbersAsNumbers() throws {
        #expect(try lines(where: "status>=500") == [2])
        #expect(try lines(where: "status<404") == [1])
        #expect(try lines(where: "status<=404") == [1, 3])
        #expect(try lines(where: "status>404") == [2])
        // Lexically "1250.5" < "900"; as numbers it is not.
        #expect(try lines(where: "latency_ms>900") == [3])
        // Spaces around the operator are not part of the key or the value.
        #expect(try lines(where: " status >= 500 ") == [2])
    }

    @Test func levelComparesByRankAndReadsEverySpelling() throws {
        #expect(try lines(where: "level>=warn") == [2, 3])
        #expect(try lines(where: "level>=WARNING") == [2, 3])
        #expect(try lines(where: "level=info") == [1, 4])
        #expect(try lines(where: "level<info").isEmpty)
    }

    @Test func originalKeysTheNormaliserConsumedStillWork() throws {
        #expect(try lines(where: "msg=no status here") == [4])
        #expect(try lines(where: "message=GET /") == [1])
        #expect(try lines(where: "lvl=warn") == [3])
    }

    /// Records print times with milliseconds (`12:00:01.500Z`); a condition may write them any way.
    @Test func timeComparesInstantsNotText() throws {
        #expect(try lines(where: "time>=2024-05-01T12:00:01Z") == [2, 3])
        #expect(try lines(where: "time<2024-05-01T12:00:01.5Z") == [1])
        #expect(try lines(where: "time=2024-05-01T12:00:02Z") == [3])
        #expect(try lines(where: "time=2024-05-01T14:00:02+02:00") == [3])
        #expect(try lines(where: "time!=2024-05-01T12:00:02Z") == [1, 2, 4])
    }

    @Test func repeatedConditionsMustAllHold() throws {
        #expect(try lines(where: "user_id=42", "status>=500") == [2])
        #expect(try lines(where: "req.method=GET", "level=warn").isEmpty)
    }

    @Test(arguments: [
        ("nokey", "has no operator"),
        ("=x", "has no key"),
        ("level>=loud", "'loud' is not a level"),
    ])
    func anUnreadableConditionIsAUsageError(_ condition: String, _ explanation: String) throws {
        let result = try runLogs(["--where", condition], stdin: Self.requests)
        #expect(result.exitCode == 64)
        #expect(result.stderrText.contains("--where"), "stderr: \(result.stderrText)")
        #expect(result.stderrText.contains(explanation), "stderr: \(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }
}
