import Testing
@testable import OpsCore

@Suite struct LevelMapperTests {
    /// The §8 table, written out here independently of the implementation's copy.
    static let table: [(LogLevel, [String])] = [
        (.trace, ["trace", "trc", "verbose", "vrb", "finest", "finer", "all", "silly"]),
        (.debug, ["debug", "dbg", "dbug", "fine", "config", "http", "d", "v",
                  "debug1", "debug2", "debug3", "debug4", "debug5"]),
        (.info, ["info", "inf", "information", "informational", "i", "default", "log", "print"]),
        (.notice, ["notice", "ntc", "n"]),
        (.warn, ["warn", "warning", "wrn", "warn0", "w"]),
        (.error, ["error", "err", "eror", "erro", "e", "severe", "failure"]),
        (.fatal, ["fatal", "ftl", "critical", "crit", "crt", "alert", "emerg", "emergency",
                  "panic", "dpanic", "f", "c"]),
    ]

    @Test func mapsEveryWordInAnyCaseStrictOrNot() {
        for (level, words) in Self.table {
            for word in words {
                for spelling in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                    #expect(LevelMapper.level(word: spelling) == level, "\(spelling)")
                    #expect(LevelMapper.level(word: spelling, strict: true) == level, "\(spelling)")
                }
            }
        }
    }

    @Test func readsTheSpellingsOfRealLoggers() {
        let cases: [(String, LogLevel)] = [
            ("WARN", .warn), ("warning", .warn), ("Warning", .warn), ("Information", .info), ("Verbose", .trace),
            ("CRITICAL", .fatal), ("dpanic", .fatal), ("eror", .error), ("dbug", .debug), ("EMERGENCY", .fatal),
            ("DEFAULT", .info), ("FINEST", .trace), ("SEVERE", .error), ("http", .debug), ("silly", .trace),
        ]
        for (word, level) in cases {
            #expect(LevelMapper.level(word: word) == level, "\(word)")
        }
    }

    @Test func trimsSpacesAndStripsColours() {
        #expect(LevelMapper.level(word: "\u{1b}[31merror\u{1b}[39m") == .error)                 // winston colorize()
        #expect(LevelMapper.level(word: "\u{1b}[1;33mWARN\u{1b}[0m", strict: true) == .warn)
        #expect(LevelMapper.level(word: "  \u{1b}[32m info \u{1b}[39m\t") == .info)
        #expect(LevelMapper.level(word: "in\u{1b}[0mfo", strict: true) == .info)
        #expect(LevelMapper.level(word: "\u{1b}[31m\u{1b}[39m") == nil)
        #expect(LevelMapper.level(word: "\u{1b}[31") == nil, "an unfinished sequence hides the rest")
        #expect(LevelMapper.level(word: "\u{1b}]0;title\u{7}error") == nil, "only CSI is stripped")
        #expect(LevelMapper.level(word: "") == nil)
        #expect(LevelMapper.level(word: "   ") == nil)
    }

    @Test func addsSlogOffsetsAndRoundsDown() {
        let cases: [(String, LogLevel)] = [
            ("DEBUG-4", .trace), ("DEBUG-2", .trace), ("DEBUG+2", .debug), ("INFO-4", .debug), ("INFO+2", .info),
            ("INFO+4", .warn), ("WARN+3", .warn), ("WARN+4", .error), ("ERROR-4", .warn), ("ERROR+3", .error),
            ("ERROR+4", .fatal), ("error+400", .fatal), ("ERROR+99999999999999999999", .fatal),
            ("DEBUG-99999999999999999999", .trace),
        ]
        for (word, level) in cases {
            #expect(LevelMapper.level(word: word, strict: true) == level, "\(word)")
        }
        #expect(LevelMapper.level(word: "NOTICE+2", strict: true) == nil, "slog has no NOTICE")
        #expect(LevelMapper.level(word: "INFO+", strict: true) == nil)
        #expect(LevelMapper.level(word: "INFO+2x", strict: true) == nil)
    }

    @Test func readsDigitStringsAsPinoUnlessStrict() {
        let cases: [(String, LogLevel?)] = [
            ("10", .trace), ("20", .debug), ("30", .info), ("35", .info), ("40", .warn), ("50", .error),
            ("60", .fatal), ("99", .fatal), ("5", nil), ("0", nil), ("99999999999999999999", .fatal),
        ]
        for (word, level) in cases {
            #expect(LevelMapper.level(word: word) == level, "\(word)")
        }
        #expect(LevelMapper.level(word: "30", strict: true) == nil)
        #expect(LevelMapper.level(word: "200", strict: true) == nil)
    }

    @Test func fallsBackToTheFirstLetterOnlyWhenNotStrict() {
        let cases: [(String, LogLevel?)] = [
            ("Warn!", .warn), ("TRACING", .trace), ("Dbg2", .debug), ("VERY", .debug), ("Informative", .info),
            ("Note", .notice), ("Exception", .error), ("Crash", .fatal), ("Failed", .fatal),
            ("success", nil), ("ok", nil), ("[ERROR]", nil), ("-1", nil),
            (String(repeating: "e", count: 200), .error), ("Information overload " + String(repeating: "x", count: 40), .info),
        ]
        for (word, level) in cases {
            #expect(LevelMapper.level(word: word) == level, "\(word)")
            #expect(LevelMapper.level(word: word, strict: true) == nil, "\(word)")
        }
    }

    @Test func mapsEveryNumericScale() {
        typealias Row = (LevelMapper.NumericScale, [(Int64, LogLevel?)])
        let rows: [Row] = [
            (.pino, [(9, nil), (0, nil), (7, nil), (10, .trace), (20, .debug), (30, .info), (35, .info), (40, .warn),
                     (50, .error), (59, .error), (60, .fatal), (100, .fatal), (-10, nil)]),
            (.otelSeverityNumber, [(0, nil), (1, .trace), (4, .trace), (5, .debug), (8, .debug), (9, .info), (10, .info),
                                   (12, .info), (13, .warn), (16, .warn), (17, .error), (20, .error), (21, .fatal),
                                   (24, .fatal), (25, nil), (-1, nil)]),
            (.syslog, [(0, .fatal), (1, .fatal), (2, .fatal), (3, .error), (4, .warn), (5, .notice), (6, .info),
                       (7, .debug), (8, nil), (-1, nil)]),
            (.gcp, [(0, .info), (100, .debug), (200, .info), (300, .notice), (400, .warn), (500, .error), (600, .fatal),
                    (700, .fatal), (800, .fatal), (450, .warn), (-100, nil)]),
            (.pythonLevelno, [(0, nil), (4, nil), (5, .trace), (10, .debug), (20, .info), (25, .info), (30, .warn),
                              (40, .error), (50, .fatal)]),
            (.logbackLevelValue, [(4999, nil), (5000, .trace), (10000, .debug), (20000, .info), (30000, .warn),
                                  (40000, .error), (50000, .fatal)]),
            (.javaUtilLogging, [(299, nil), (300, .trace), (400, .trace), (500, .debug), (700, .debug), (800, .info),
                                (900, .warn), (1000, .error), (.max, .error)]),
            (.slog, [(.min, .trace), (-8, .trace), (-5, .trace), (-4, .debug), (0, .info), (2, .info), (4, .warn),
                     (8, .error), (11, .error), (12, .fatal), (.max, .fatal)]),
            (.zerolog, [(-2, nil), (-1, .trace), (0, .debug), (1, .info), (2, .warn), (3, .error), (4, .fatal),
                        (5, .fatal), (6, nil), (7, nil)]),
            (.semanticLoggerIndex, [(-1, nil), (0, .trace), (1, .debug), (2, .info), (3, .warn), (4, .error),
                                    (5, .fatal), (6, nil)]),
            (.winstonNpm, [(-1, nil), (0, .error), (1, .warn), (2, .info), (3, .info), (4, .debug), (5, .debug),
                           (6, .trace), (7, nil)]),
        ]
        #expect(Set(rows.map { "\($0.0)" }).count == LevelMapper.NumericScale.allCases.count)
        for (scale, cases) in rows {
            for (number, level) in cases {
                #expect(LevelMapper.level(number: number, scale: scale) == level, "\(scale) \(number)")
            }
        }
    }

    @Test func readsJSONNumberTextAndFloorsFractions() {
        let cases: [(String, LevelMapper.NumericScale, LogLevel?)] = [
            ("30", .pino, .info), ("30.9", .pino, .info), ("9.99", .pino, nil), ("1e1", .pino, .trace),
            ("17", .otelSeverityNumber, .error), ("-4.5", .slog, .trace), ("-4", .slog, .debug), ("-0.5", .slog, .debug),
            ("-0", .zerolog, .debug), ("20000", .logbackLevelValue, .info), ("99999999999999999999999", .pino, .fatal),
            ("-99999999999999999999999", .slog, .trace), ("", .pino, nil), ("abc", .pino, nil), ("3 0", .pino, nil),
            ("30 ", .pino, nil), ("\"30\"", .pino, nil),
        ]
        for (text, scale, level) in cases {
            #expect(LevelMapper.level(numberText: text, scale: scale) == level, "\(text) \(scale)")
        }
    }

    @Test func neverCrashesOnRandomBytes() {
        var random = NormaliseFuzzBytes(seed: 0x5EED_0002)
        let samples = ["\u{1b}[31merror\u{1b}[39m", "INFO+2", "DEBUG-4", "warning", "30", "-4.5e1"]
        for round in 0..<4_000 {
            let bytes = round % 2 == 0 ? random.bytes() : random.mutate(samples[round % samples.count])
            bytes.withUnsafeBufferPointer { buffer in
                let loose = LevelMapper.level(word: buffer)
                let strict = LevelMapper.level(word: buffer, strict: true)
                // Strict only ever drops answers, never changes them.
                #expect(strict == nil || strict == loose)
                for scale in LevelMapper.NumericScale.allCases {
                    _ = LevelMapper.level(number: buffer, scale: scale)
                }
            }
        }
    }
}
