import Testing
import OpsCore
@testable import OpsUI

/// How a record is laid out on screen and in line mode: the order and padding of its parts,
/// fields, continuation and stack lines, sanitising of every piece of log text, and colour.
@Suite struct LogLineFormatterTests {
    static let time = LogTimestamp(nanosecondsSinceEpoch: 1_714_564_800_123_456_789) // 2024-05-01T12:00:00.123Z

    static func lines(_ record: LogRecord, _ formatter: LogLineFormatter = LogLineFormatter()) -> [String] {
        var formatter = formatter
        return formatter.lines(for: record).map(\.plainText)
    }

    // MARK: layout

    @Test func firstLineOrderAndRoles() {
        let record = LogRecord(line: 1, source: "api", time: Self.time, level: .info, message: "hello",
                               fields: [JSONMember("user", .object([JSONMember("id", .number("42"))]))])
        var formatter = LogLineFormatter()
        let lines = formatter.lines(for: record)
        #expect(lines.count == 1)
        #expect(lines[0] == [
            StyledSpan("2024-05-01T12:00:00.123Z", .logTime), StyledSpan(" ", .text),
            StyledSpan("INFO  ", .logInfo), StyledSpan(" ", .text),
            StyledSpan("api", .logSource), StyledSpan(" ", .text),
            StyledSpan("hello", .text),
            StyledSpan(" user.id=", .logFieldKey), StyledSpan("42", .logFieldValue),
        ])
        #expect(lines[0].plainText == "2024-05-01T12:00:00.123Z INFO   api hello user.id=42")
    }

    @Test(arguments: [
        (LogLevel.unknown, "-     ", Role.logUnknown), (.trace, "TRACE ", .logTrace), (.debug, "DEBUG ", .logDebug),
        (.info, "INFO  ", .logInfo), (.notice, "NOTICE", .logNotice), (.warn, "WARN  ", .logWarn),
        (.error, "ERROR ", .logError), (.fatal, "FATAL ", .logFatal),
    ])
    func levelBadgesHaveOneWidth(_ level: LogLevel, _ badge: String, _ role: Role) throws {
        var formatter = LogLineFormatter(timeStyle: .off)
        let line = try #require(formatter.lines(for: LogRecord(line: 1, level: level, message: "m")).first)
        #expect(line[0] == StyledSpan(badge, role))
        #expect(badge.count == LogLineFormatter.levelWidth)
        // Warnings and worse colour their message too; the rest stay plain to read.
        #expect(line[2] == StyledSpan("m", level >= .warn ? role : .text))
    }

    @Test func missingTimeKeepsTheColumn() {
        let timed = Self.lines(LogRecord(line: 1, time: Self.time, level: .info, message: "a"))[0]
        let untimed = Self.lines(LogRecord(line: 2, level: .info, message: "a"))[0]
        #expect(untimed == String(repeating: " ", count: 23) + "- INFO   a")
        #expect(untimed.count == timed.count)
    }

    @Test func timeCanBeTurnedOff() {
        let lines = Self.lines(LogRecord(line: 1, time: Self.time, level: .warn, message: "a"), LogLineFormatter(timeStyle: .off))
        #expect(lines == ["WARN   a"])
    }

    @Test func sourcesArePaddedToTheWidestSoFar() {
        var formatter = LogLineFormatter(timeStyle: .off)
        let sources: [String?] = ["a", "longer", "b", nil, "mid"]
        let lines = sources.map { formatter.lines(for: LogRecord(line: 1, source: $0, level: .info, message: "m"))[0].plainText }
        #expect(lines == [
            "INFO   a m",
            "INFO   longer m",
            "INFO   b      m",
            "INFO          m",
            "INFO   mid    m",
        ])
    }

    @Test func noSourceColumnUntilASourceIsSeen() {
        var formatter = LogLineFormatter(timeStyle: .off)
        #expect(formatter.lines(for: LogRecord(line: 1, level: .info, message: "m"))[0].plainText == "INFO   m")
    }

    @Test func longSourcesAreClipped() {
        var formatter = LogLineFormatter(timeStyle: .off, maxSourceWidth: 8)
        let long = formatter.lines(for: LogRecord(line: 1, source: "payments-api-7d9f8", level: .info, message: "m"))[0]
        #expect(long[2] == StyledSpan("payment…", .logSource))
        let short = formatter.lines(for: LogRecord(line: 1, source: "db", level: .info, message: "m"))[0]
        #expect(short[2] == StyledSpan("db      ", .logSource))
        let exact = formatter.lines(for: LogRecord(line: 1, source: "12345678", level: .info, message: "m"))[0]
        #expect(exact[2] == StyledSpan("12345678", .logSource))
    }

    // MARK: fields

    @Test func fieldOrderAndFlattening() {
        let record = LogRecord(
            line: 1, level: .error, message: "charge failed",
            error: LogError(type: "CardError", message: "declined"), traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
            fields: [
                JSONMember("req", .object([JSONMember("method", .string("POST")),
                                           JSONMember("headers", .object([JSONMember("host", .string("shop"))]))])),
                JSONMember("tags", .array([.string("a b"), .number("1")])),
                JSONMember("empty", .object([])),
                JSONMember("ok", .bool(false)),
                JSONMember("none", .null),
                JSONMember("amount", .number("12.50")),
            ])
        let line = Self.lines(record, LogLineFormatter(timeStyle: .off))[0]
        #expect(line == #"ERROR  charge failed error.type=CardError error.message=declined trace_id=4bf92f3577b34da6a3ce929d0e0e4736"#
            + #" req.method=POST req.headers.host=shop tags=["a b",1] empty={} ok=false none=null amount=12.50"#)
    }

    @Test func errorMessageEqualToTheMessageIsNotRepeated() {
        let record = LogRecord(line: 1, level: .error, message: "declined", error: LogError(message: "declined"))
        #expect(Self.lines(record, LogLineFormatter(timeStyle: .off)) == ["ERROR  declined"])
    }

    @Test(arguments: [
        ("plain", "plain"), ("two words", #""two words""#), (#"say "hi""#, #""say \"hi\"""#), ("a=b", #""a=b""#),
        ("", #""""#), (#"C:\path"#, #"C:\path"#), (#"C:\my path"#, #""C:\\my path""#), ("tab\there", #""tab here""#),
        ("new\nline", #"new\nline"#),
    ])
    func fieldValuesAreQuotedWhenTheyNeedIt(_ value: String, _ shown: String) throws {
        var formatter = LogLineFormatter(timeStyle: .off)
        let line = try #require(formatter.lines(for: LogRecord(line: 1, level: .info, message: "m", fields: [JSONMember("k", .string(value))])).first)
        #expect(line.last == StyledSpan(shown, .logFieldValue))
        #expect(line[line.count - 2] == StyledSpan(" k=", .logFieldKey))
    }

    // MARK: continuation and stack lines

    @Test func multiLineMessageContinuesIndented() {
        var formatter = LogLineFormatter(timeStyle: .off)
        let record = LogRecord(line: 1, level: .error, message: "request failed\n\tat a.b(C.java:1)\n\nCaused by: x",
                               fields: [JSONMember("k", .string("v"))])
        let lines = formatter.lines(for: record)
        #expect(lines.map(\.plainText) == ["ERROR  request failed k=v", "        at a.b(C.java:1)", "    ", "    Caused by: x"])
        #expect(lines.dropFirst().allSatisfy { $0.count == 1 && $0[0].role == .text })
    }

    @Test func errorStackLinesFollowTheMessage() {
        var formatter = LogLineFormatter(timeStyle: .off)
        let record = LogRecord(line: 1, level: .error, message: "boom\nsecond line",
                               error: LogError(type: "Error", message: "kaput", stack: "Error: boom\n    at x (a.js:1:1)\n\n\tat y (b.js:2:2)\n"))
        let lines = formatter.lines(for: record)
        #expect(lines.map(\.plainText) == [
            "ERROR  boom error.type=Error error.message=kaput", "    second line",
            "    Error: boom", "        at x (a.js:1:1)", "        at y (b.js:2:2)",
        ])
        #expect(lines.suffix(3).allSatisfy { $0.count == 1 && $0[0].role == .logStack })
    }

    // MARK: hostile text

    static let hostile = "a\u{1B}]0;pwned\u{7}b\u{1B}[2Jc\u{9B}31md\u{202E}e\u{200B}f\u{0}g\u{7F}h\u{2028}i\rj"
    static let hostileShown = #"a\e]0;pwned\x07b\e[2Jc\u{9b}31md<U+202E>e<U+200B>f\x00g\x7fh<U+2028>i\x0dj"#

    @Test func hostileTextIsMadeVisibleInEveryPart() {
        let record = LogRecord(
            line: 1, source: Self.hostile, time: Self.time, level: .fatal, message: Self.hostile + "\n" + Self.hostile,
            error: LogError(type: Self.hostile, message: Self.hostile + "!", stack: Self.hostile),
            traceId: Self.hostile, fields: [JSONMember(Self.hostile, .string(Self.hostile)),
                                            JSONMember("nested", .object([JSONMember(Self.hostile, .array([.string(Self.hostile)]))]))])
        var formatter = LogLineFormatter(maxSourceWidth: 200)
        let lines = formatter.lines(for: record)
        for span in lines.joined() {
            for scalar in span.text.unicodeScalars {
                #expect(!TerminalSafety.isInvisibleOrControl(scalar.value), "U+\(String(scalar.value, radix: 16)) in \(span)")
            }
        }
        let text = lines.map(\.plainText)
        #expect(text.count == 3)
        #expect(text[0].contains(" " + Self.hostileShown + " " + Self.hostileShown + " error.type=" + Self.hostileShown))
        #expect(text[0].contains(" error.message=" + Self.hostileShown + "!"))
        #expect(text[0].contains(" trace_id=" + Self.hostileShown + " " + Self.hostileShown + "=" + Self.hostileShown))
        // The array is shown as JSON; its string was escaped by the writer first.
        #expect(text[0].hasSuffix(" nested." + Self.hostileShown + #"=["a\u001b]0;pwned\u0007b\u001b[2Jc\u009b31md\u202ee\u200bf\u0000g\u007fh\u2028i\rj"]"#))
        #expect(text[1] == "    " + Self.hostileShown)
        #expect(text[2] == "    " + Self.hostileShown)
    }

    @Test func newlinesOutsideTheMessageCannotForgeLines() {
        var formatter = LogLineFormatter(timeStyle: .off)
        let record = LogRecord(line: 1, source: "src\nFAKE", level: .info, message: "m",
                               fields: [JSONMember("k\nFAKE", .string("v\n2024-05-01T00:00:00.000Z ERROR  forged"))])
        let lines = formatter.lines(for: record)
        #expect(lines.count == 1)
        #expect(!lines[0].plainText.contains("\n"))
        // The quoted value is logfmt: its backslash (from the sanitiser's `\n`) is doubled.
        #expect(lines[0].plainText == #"INFO   src\nFAKE m k\nFAKE="v\\n2024-05-01T00:00:00.000Z ERROR  forged""#)
    }

    // MARK: ANSI line style

    static let styledLine: StyledLine = [
        StyledSpan("2024-05-01T12:00:00.123Z", .logTime), StyledSpan(" ", .text), StyledSpan("ERROR ", .logError),
        StyledSpan("", .logSource), StyledSpan("msg", .text), StyledSpan(" k=", .logFieldKey), StyledSpan("v", .logFieldValue),
    ]

    @Test(arguments: [0, 1, 2, 7])
    func noEscapesWhenColourIsOff(_ colors: Int) {
        let style = ANSILineStyle(colors: colors)
        #expect(!style.enabled)
        #expect(style.render(Self.styledLine) == "2024-05-01T12:00:00.123Z ERROR msg k=v")
        #expect(ANSILineStyle.plain.render(Self.styledLine) == Self.styledLine.plainText)
    }

    @Test(arguments: [8, 16, 256])
    func sgrAroundStyledSpansWhenColourIsOn(_ colors: Int) {
        let style = ANSILineStyle(colors: colors)
        #expect(style.enabled)
        #expect(style.render(Self.styledLine)
            == "\u{1B}[2m2024-05-01T12:00:00.123Z\u{1B}[0m \u{1B}[1;31mERROR \u{1B}[0mmsg\u{1B}[2m k=\u{1B}[0mv")
    }

    @Test(arguments: Role.allCases)
    func everyRoleRendersAsItsSGROrPlain(_ role: Role) {
        let rendered = ANSILineStyle(colors: 8).render([StyledSpan("x", role)])
        if let code = ANSILineStyle.sgr(role) {
            #expect(rendered == "\u{1B}[" + code + "mx\u{1B}[0m")
        } else {
            #expect(rendered == "x")
        }
    }

    @Test func levelsHaveDistinctColoursAndPlainTextStaysPlain() {
        let levels = LogLevel.allCases.filter { $0 != .unknown }.map { ANSILineStyle.sgr(Role.level($0)) }
        #expect(levels.allSatisfy { $0 != nil })
        #expect(Set(levels.compactMap { $0 }).count >= 6)
        #expect(ANSILineStyle.sgr(.text) == nil && ANSILineStyle.sgr(.logFieldValue) == nil && ANSILineStyle.sgr(.logUnknown) == nil)
    }

    @Test func hostileRecordRenderedInColourHasOnlyItsOwnEscapes() {
        var formatter = LogLineFormatter()
        let record = LogRecord(line: 1, source: Self.hostile, time: Self.time, level: .error, message: Self.hostile,
                               fields: [JSONMember("k", .string(Self.hostile))])
        let style = ANSILineStyle(colors: 256)
        for line in formatter.lines(for: record) {
            let rendered = style.render(line)
            let styledSpans = line.filter { ANSILineStyle.sgr($0.role) != nil && !$0.text.isEmpty }.count
            // Every ESC in the output opens or closes a styled span; none came from the log.
            #expect(rendered.filter { $0 == "\u{1B}" }.count == 2 * styledSpans)
            #expect(!rendered.contains("\u{7}") && !rendered.contains("\u{9B}") && !rendered.contains("\u{202E}"))
        }
    }
}

@Suite struct LogLineFormatterWidthTests {
    @Test func aZeroSourceWidthShowsNoSourceRatherThanFailing() {
        var formatter = LogLineFormatter(maxSourceWidth: 0)
        let lines = formatter.lines(for: LogRecord(line: 1, source: "api-1", level: .info, message: "hello"))
        #expect(lines.first?.plainText.contains("hello") == true)
        #expect(lines.first?.plainText.contains("api") == false)
    }
}

@Suite struct LogLineFormatterWideSourceTests {
    /// Messages line up in columns even when a source name is written in wide characters.
    @Test func sourcesArePaddedByColumnsNotCharacters() {
        var formatter = LogLineFormatter(timeStyle: .off)
        let wide = formatter.lines(for: LogRecord(line: 1, source: "東京-api", level: .info, message: "a"))[0]
        let narrow = formatter.lines(for: LogRecord(line: 2, source: "web", level: .info, message: "b"))[0]
        let wideText = wide.plainText, narrowText = narrow.plainText
        #expect(DisplayWidth.of(String(wideText.dropLast())) == DisplayWidth.of(String(narrowText.dropLast())))
    }
}

@Suite struct LogLineFormatterRelativeTimeTests {
    @Test func relativeTimesCountBackFromTheNewestRecord() {
        let newest = LogTimestamp(secondsSinceEpoch: 1_714_564_800)
        #expect(LogLineFormatter.relative(LogTimestamp(nanosecondsSinceEpoch: newest.nanosecondsSinceEpoch - 3_250_000_000), to: newest)
                == "  -0:00:03.250")
        #expect(LogLineFormatter.relative(LogTimestamp(secondsSinceEpoch: 1_714_564_800 - 2 * 86_400 - 3600), to: newest)
                == "-2d 1:00:00.000")
        #expect(LogLineFormatter.relative(nil, to: newest) == "             -")
        var formatter = LogLineFormatter(timeStyle: .relative(to: newest))
        let line = formatter.lines(for: LogRecord(line: 1, time: newest, level: .info, message: "now"))[0]
        #expect(line.plainText.hasPrefix("  -0:00:00.000 INFO "))
    }
}
