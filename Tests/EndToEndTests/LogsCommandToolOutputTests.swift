import Foundation
import Testing

/// `opsdeck logs` on what tools really print: `kubectl logs --prefix --timestamps` piped in, and one file
/// where several loggers and tools meet, pretty-printed JSON and stack traces included.
@Suite struct LogsCommandToolOutputTests {
    static let kubectl = """
        [pod/api-7d9c/api] 2024-05-01T12:00:00.123456789Z {"level":"warn","msg":"x"}
        [pod/api-7d9c/api] 2024-05-01T12:00:01.000000000Z {"level":"info","msg":"hidden info"}
        [pod/api-7d9c/api] 2024-05-01T12:00:02.500000000Z {"level":"error","time":"2024-05-01T11:59:59.250Z","msg":"own time wins"}
        [pod/api-7d9c/api] 2024-05-01T12:00:02.600000000Z     at handler (/app/server.js:10:5)
        [pod/api-5f2b/sidecar] 2024-05-01T12:00:03.000000000Z level=warn msg="sidecar slow" upstream=api
        [pod/api-5f2b/sidecar] 2024-05-01T12:00:04.000000000Z WARN plain warning text
        [node/ip-10-0-0-1] 2024-05-01T12:00:05.000000000Z {"level":"fatal","msg":"node message"}

        """

    @Test func kubectlPrefixesBecomeSourceAndTimeUnderALevelFilter() throws {
        let result = try runLogs(["--level", "warn", "--output", "json"], stdin: Self.kubectl)
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        let records = try EmittedRecord.all(in: result.stdout)
        try #require(records.count == 5)

        // The JSON has no time: the kubelet's timestamp is the record's time.
        #expect(records[0].line == 1 && records[0].source == "api-7d9c/api" && records[0].level == "warn")
        #expect(records[0].time == "2024-05-01T12:00:00.123Z" && records[0].message == "x")
        #expect(records[0].fields == ["pod": "api-7d9c", "container": "api"] as NSDictionary)

        // The JSON's own time wins over the prefix; the indented frame after it joins it.
        #expect(records[1].line == 3 && records[1].time == "2024-05-01T11:59:59.250Z" && records[1].level == "error")
        #expect(records[1].message == "own time wins\n    at handler (/app/server.js:10:5)")

        #expect(records[2].line == 5 && records[2].source == "api-5f2b/sidecar" && records[2].message == "sidecar slow")
        #expect(records[2].fields == ["upstream": "api", "pod": "api-5f2b", "container": "sidecar"] as NSDictionary)
        #expect(records[3].line == 6 && records[3].level == "warn" && records[3].message == "plain warning text")
        #expect(records[3].time == "2024-05-01T12:00:04.000Z")
        #expect(records[4].source == "ip-10-0-0-1" && records[4].level == "fatal" && records[4].fields == ["node": "ip-10-0-0-1"] as NSDictionary)
    }

    /// pino, zap, logfmt, a Java line with its stack trace, a docker compose prefix, `fly logs --json`
    /// (pretty-printed, its message JSON itself), `render logs -o json` (pretty-printed, two values
    /// written back to back across lines), two objects back to back on one line, and plain text.
    static let mixed = """
        {"level":30,"time":1714564800000,"pid":7,"hostname":"web-1","msg":"pino listening","port":8080}
        {"level":"error","ts":1714564801.25,"caller":"db/pool.go:88","msg":"zap query failed","error":"dial tcp: i/o timeout"}
        time=2024-05-01T12:00:02Z level=warn msg="logfmt disk almost full" mount=/data
        2024-05-01 12:00:03,456 ERROR [main] com.example.App - Java request failed
        java.lang.IllegalStateException: pool exhausted
        \tat com.example.Pool.take(Pool.java:42)
        \tat com.example.App.main(App.java:10)
        Caused by: java.net.SocketTimeoutException: connect timed out
        \t... 3 more
        worker-1  | {"level":"info","time":"2024-05-01T12:00:04Z","msg":"compose job done","job":"mail"}
        {
          "timestamp": "2024-05-01T12:00:05.123456789Z",
          "level": "warning",
          "instance": "148ed21",
          "region": "ams",
          "message": "{\\"level\\":\\"error\\",\\"msg\\":\\"fly inner json\\"}",
          "meta": {"Instance": "148ed21", "Region": "ams", "Event": {"Provider": "app"}}
        }
        {
          "id": "b0b8f5d6-1",
          "labels": [
            {"name": "resource", "value": "srv-abc"},
            {"name": "level", "value": "warning"}
          ],
          "message": "render pretty message",
          "timestamp": "2024-05-01T12:00:06Z"
        }{
          "id": "b0b8f5d6-2",
          "labels": [{"name": "level", "value": "error"}],
          "message": "render second",
          "timestamp": "2024-05-01T12:00:07Z"
        }
        {"level":"info","msg":"first of two","n":1}{"level":"warn","msg":"second of two","n":2}
        last plain line

        """

    private struct Expected {
        var line: Int
        var source: String?
        var time: String?
        var level: String
        var message: String
        var fields: NSDictionary
    }

    @Test func aFileMixingLoggersGivesOneRecordPerEntryAtItsFirstLine() throws {
        let folder = try ScratchFolder()
        try folder.write("mixed.log", Self.mixed)
        let result = try runLogs(["--output", "json", "mixed.log"], in: folder)
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        let records = try EmittedRecord.all(in: result.stdout)
        let expected = [
            Expected(line: 1, source: "mixed.log", time: "2024-05-01T12:00:00.000Z", level: "info", message: "pino listening",
                     fields: ["pid": 7, "hostname": "web-1", "port": 8080]),
            Expected(line: 2, source: "mixed.log", time: "2024-05-01T12:00:01.250Z", level: "error", message: "zap query failed",
                     fields: ["caller": "db/pool.go:88"]),
            Expected(line: 3, source: "mixed.log", time: "2024-05-01T12:00:02.000Z", level: "warn", message: "logfmt disk almost full",
                     fields: ["mount": "/data"]),
            // The stack trace, `Caused by:` and `... 3 more` joined the Java line above them.
            Expected(line: 4, source: "mixed.log", time: "2024-05-01T12:00:03.456Z", level: "error",
                     message: "Java request failed\njava.lang.IllegalStateException: pool exhausted\n\tat com.example.Pool.take(Pool.java:42)\n\tat com.example.App.main(App.java:10)\nCaused by: java.net.SocketTimeoutException: connect timed out\n\t... 3 more",
                     fields: ["thread": "main", "logger": "com.example.App"]),
            Expected(line: 10, source: "worker-1", time: "2024-05-01T12:00:04.000Z", level: "info", message: "compose job done",
                     fields: ["job": "mail", "service": "worker-1"]),
            // Fly's message is the app's own JSON line: its keys win, the envelope's are kept as outer.*.
            Expected(line: 11, source: "148ed21", time: "2024-05-01T12:00:05.123Z", level: "error", message: "fly inner json",
                     fields: ["outer.instance": "148ed21", "outer.region": "ams",
                              "outer.meta": ["Instance": "148ed21", "Region": "ams", "Event": ["Provider": "app"]]]),
            Expected(line: 19, source: "mixed.log", time: "2024-05-01T12:00:06.000Z", level: "warn", message: "render pretty message",
                     fields: ["id": "b0b8f5d6-1", "resource": "srv-abc"]),
            // Starts on the `}{` line that ends the value before it.
            Expected(line: 27, source: "mixed.log", time: "2024-05-01T12:00:07.000Z", level: "error", message: "render second",
                     fields: ["id": "b0b8f5d6-2"]),
            Expected(line: 33, source: "mixed.log", time: nil, level: "info", message: "first of two", fields: ["n": 1]),
            Expected(line: 33, source: "mixed.log", time: nil, level: "warn", message: "second of two", fields: ["n": 2]),
            Expected(line: 34, source: "mixed.log", time: nil, level: "unknown", message: "last plain line", fields: [:]),
        ]
        #expect(records.map(\.line) == expected.map(\.line))
        for (record, want) in zip(records, expected) {
            #expect(record.source == want.source && record.time == want.time && record.level == want.level,
                    "line \(want.line): \(record.source ?? "nil") \(record.time ?? "nil") \(record.level)")
            #expect(record.message == want.message, "line \(want.line)")
            #expect(record.fields == want.fields, "line \(want.line): \(record.fields)")
        }
        #expect(records[1].error == EmittedRecord.ErrorPart(type: nil, message: "dial tcp: i/o timeout", stack: nil))
        #expect(records.enumerated().allSatisfy { $0.offset == 1 || $0.element.error == nil })
    }

    /// The same file as text: the joined stack trace prints on indented lines under its record.
    @Test func textShowsTheStackTraceUnderItsRecord() throws {
        let folder = try ScratchFolder()
        try folder.write("mixed.log", Self.mixed)
        let lines = outputLines(try runLogs(["--level", "error", "mixed.log"], in: folder).stdoutText)
        // zap, the Java line and its five trace lines, Fly's inner error, Render's second value.
        #expect(lines.count == 9, "\(lines)")
        let java = try #require(lines.firstIndex { $0.contains("Java request failed") })
        #expect(lines[java].hasPrefix("2024-05-01T12:00:03.456Z ERROR  "))
        #expect(Array(lines[(java + 1)...(java + 5)]) == [
            "    java.lang.IllegalStateException: pool exhausted",
            "        at com.example.Pool.take(Pool.java:42)",
            "        at com.example.App.main(App.java:10)",
            "    Caused by: java.net.SocketTimeoutException: connect timed out",
            "        ... 3 more",
        ])
    }
}
