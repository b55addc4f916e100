import Foundation
import Testing
@testable import OpsCore

/// 2024-05-01T12:00:00Z, the instant most samples below write in their own way.
private let noon: Int64 = 1_714_564_800
private let nanosPerSecond: Int64 = 1_000_000_000

/// A parser whose window ends 2026-01-01T00:00:00Z and whose local zone is always UTC+2.
private let parser = TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: 1_767_225_600),
                                     localOffset: { _ in 7200 })

private func ns(_ text: String) -> Int64? { parser.parse(string: text)?.nanosecondsSinceEpoch }
private func numberNs(_ text: String) -> Int64? { parser.parse(numberText: text)?.nanosecondsSinceEpoch }

@Suite struct TimestampParserTests {
    @Test func readsEveryLoggersTimestampText() {
        let cases: [(String, Int64)] = [
            ("2024-05-01T12:00:00.123Z", noon * nanosPerSecond + 123_000_000),           // bunyan, log4j ECS, Lambda
            ("2024-05-01T14:00:00+02:00", noon * nanosPerSecond),                          // zerolog, logrus local offset
            ("2024-05-01T14:00:00.1234+02:00", noon * nanosPerSecond + 123_400_000),        // slog RFC3339Nano trimmed
            ("2024-05-01T05:00:00.123456789-07:00", noon * nanosPerSecond + 123_456_789),   // slog, 9 digits
            ("2024-05-01T12:00:00.123456Z", noon * nanosPerSecond + 123_456_000),           // structlog iso, Rust, semantic_logger
            ("2024-05-01T14:00:00.123+02:00", noon * nanosPerSecond + 123_000_000),         // logstash-logback-encoder
            ("2024-05-01T12:00:00.1234567Z", noon * nanosPerSecond + 123_456_700),          // Serilog CLEF
            ("2024-05-01T12:00:00.123456789Z", noon * nanosPerSecond + 123_456_789),        // docker, kubelet, GCP
            ("2024-05-01T12:00:00.123456+00:00", noon * nanosPerSecond + 123_456_000),      // Heroku
            ("2024-05-01 12:00:00,123+0000", noon * nanosPerSecond + 123_000_000),          // Lambda Powertools
            ("2024-05-01 14:00:00 +0200 CEST", noon * nanosPerSecond),                      // docker ps CreatedAt
            ("2024-05-01 12:00:00.5 +0000 UTC", noon * nanosPerSecond + 500_000_000),
            ("2024-05-01 15:00:00 +0300 +03", noon * nanosPerSecond),                       // Go zone without a name
            ("2024-05-01 12:00:00 UTC", noon * nanosPerSecond),
            ("Wed, 01 May 2024 12:00:00 GMT", noon * nanosPerSecond),                       // RFC 1123
            ("Wed, 01 May 2024 05:00:00 -0700", noon * nanosPerSecond),
            ("1 May 2024 12:00:00 UT", noon * nanosPerSecond),                              // RFC 2822, no weekday
            ("2024-05-01t12:00:00z", noon * nanosPerSecond),
            ("2024-05-01T14:00:00+02", noon * nanosPerSecond),
            ("2024-05-01T14:00:00+0200", noon * nanosPerSecond),
            ("2024-05-01T12:00:00Z", noon * nanosPerSecond),
        ]
        for (text, expected) in cases {
            let parsed = parser.parse(string: text)
            #expect(parsed?.nanosecondsSinceEpoch == expected, "\(text)")
            #expect(parsed?.zoneAssumed == false, "\(text)")
        }
    }

    @Test func readsZonelessTimesAsLocalAndSaysSo() {
        // python asctime (comma, no zone) and Render's text prefix, in a UTC+2 zone.
        let asctime = parser.parse(string: "2024-05-01 14:00:00,123")
        #expect(asctime?.nanosecondsSinceEpoch == noon * nanosPerSecond + 123_000_000)
        #expect(asctime?.zoneAssumed == true)
        let render = parser.parse(string: "2024-05-01 14:00:00")
        #expect(render?.nanosecondsSinceEpoch == noon * nanosPerSecond)
        #expect(render?.zoneAssumed == true)
    }

    @Test func asksTheLocalZoneAboutTheWallClockTime() {
        // A zone that is UTC+1 before 2024-03-31T02:00 wall time and UTC+2 from then on.
        let change: Int64 = 1_711_850_400
        let dst = TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: 1_767_225_600),
                                  localOffset: { $0 >= change ? 7200 : 3600 })
        #expect(dst.parse(string: "2024-03-31 01:30:00")?.secondsSinceEpoch == change - 1800 - 3600)
        #expect(dst.parse(string: "2024-03-31 03:30:00")?.secondsSinceEpoch == change + 5400 - 7200)
    }

    @Test func readsEpochNumbersByMagnitudeExactly() {
        let cases: [(String, Int64)] = [
            ("1714564800", noon * nanosPerSecond),                                  // pino unixTime
            ("1714564800.1234567", noon * nanosPerSecond + 123_456_700),           // zap
            ("1714564800.0473", noon * nanosPerSecond + 47_300_000),               // klog
            ("1714564800.999999999", noon * nanosPerSecond + 999_999_999),
            ("1714564800.1234567891", noon * nanosPerSecond + 123_456_789),        // finer than ns: truncated
            ("1714564800123", noon * nanosPerSecond + 123_000_000),                // pino ms
            ("1714564800123.5", noon * nanosPerSecond + 123_500_000),
            ("1714564800123456", noon * nanosPerSecond + 123_456_000),             // journald, zerolog UNIXMICRO
            ("1714564800123456789", noon * nanosPerSecond + 123_456_789),          // OTel, zerolog UNIXNANO
            ("1714564800123000000", noon * nanosPerSecond + 123_000_000),
            ("1.7145648e9", noon * nanosPerSecond),
            ("1.7145648001E+9", noon * nanosPerSecond + 100_000_000),
            ("1714564800123e-3", noon * nanosPerSecond + 123_000_000),
            ("01714564800", noon * nanosPerSecond),
        ]
        for (text, expected) in cases {
            #expect(numberNs(text) == expected, "\(text)")
        }
    }

    @Test func readsDigitStringsAsNumbers() {
        #expect(ns("1714564800123000000") == noon * nanosPerSecond + 123_000_000)   // OTel timeUnixNano
        #expect(ns("1714564800123456") == noon * nanosPerSecond + 123_456_000)      // journald __REALTIME_TIMESTAMP
        #expect(ns("1714564800.5") == noon * nanosPerSecond + 500_000_000)
        #expect(ns("1.7145648e9") == nil, "exponents are for JSON numbers, not strings")
        #expect(ns("-1714564800") == nil)
    }

    @Test func readsGCPSecondsAndNanos() {
        #expect(parser.parse(seconds: noon, nanos: 123_000_000)?.nanosecondsSinceEpoch == noon * nanosPerSecond + 123_000_000)
        #expect(parser.parse(seconds: 0, nanos: 0) == nil)
        #expect(parser.parse(seconds: .max, nanos: 0) == nil)
        #expect(parser.parse(seconds: noon, nanos: .max) == nil)
    }

    @Test func rejectsImpossibleDates() {
        for text in ["2024-02-30T12:00:00Z", "2023-02-29T12:00:00Z", "2024-13-01T12:00:00Z", "2024-00-01T12:00:00Z",
                     "2024-05-00T12:00:00Z", "2024-04-31T12:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z",
                     "2024-05-01T12:00:61Z", "2024-05-01T12:00:00+24:00", "2024-05-01T12:00:00+02:60",
                     "Wed, 32 May 2024 12:00:00 GMT", "Wed, 01 Mai 2024 12:00:00 GMT"] {
            #expect(ns(text) == nil, "\(text)")
        }
        #expect(ns("2024-02-29T12:00:00Z") != nil)
        #expect(ns("2000-02-29T12:00:00Z") != nil)
    }

    @Test func showsALeapSecondAsTheSecondBefore() {
        #expect(ns("2016-12-31T23:59:60.5Z") == (1_483_228_799 * nanosPerSecond + 500_000_000))
    }

    @Test func acceptsOnlyTheWindow() {
        #expect(ns("2000-01-01T00:00:00Z") == 946_684_800 * nanosPerSecond)
        #expect(ns("1999-12-31T23:59:59.999999999Z") == nil)
        #expect(ns("2026-01-01T00:00:00Z") == 1_767_225_600 * nanosPerSecond)
        #expect(ns("2026-01-01T00:00:00.000000001Z") == nil)
        #expect(ns("9999-12-31T23:59:59Z") == nil)
        #expect(numberNs("946684799") == nil)
        #expect(numberNs("0") == nil)
        #expect(numberNs("-1714564800") == nil)
        #expect(numberNs("99999999999") == nil, "just under 1e11 s is year 5138")
        #expect(numberNs("100000000000") == nil, "1e11 is read as ms: 1973")
        #expect(numberNs("9223372036854775807") == nil)
    }

    @Test func rejectsGarbageAndTrailingBytes() {
        for text in ["", " ", "hello", "2024-05-01", "2024-05-01T12:00", "2024-05-01T12:00:00Zjunk",
                     "2024-05-01T12:00:00 ", " 2024-05-01T12:00:00Z", "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00+2:00",
                     "2024-05-01X12:00:00Z", "2024-05-01 12:00:00 MST", "2024-05-01 14:00:00 +0200 CEST!",
                     "2024-05-01 14:00:00 +0200 ", "Wed, 01 May 2024 12:00:00 PST", "Wed 01 May 2024 12:00:00 GMT",
                     "Xyz, 01 May 2024 12:00:00 GMT", "2024-5-1T12:00:00Z", "1714564800.", ".5", "17145648 00", "1714564800Z"] {
            #expect(ns(text) == nil, "\(text)")
        }
        for text in ["", "-", "1714564800.", "1714564800x", "1e", "1e+", "0x10", " 1714564800", "+1714564800", "--1"] {
            #expect(numberNs(text) == nil, "\(text)")
        }
    }

    @Test func survivesHugeDigitStrings() {
        #expect(numberNs(String(repeating: "9", count: 10_000)) == nil)
        #expect(numberNs("1" + String(repeating: "0", count: 5_000)) == nil)
        #expect(numberNs("1e400") == nil)
        #expect(numberNs("1e999999999999999999999") == nil)
        #expect(numberNs("1714564800." + String(repeating: "5", count: 5_000)) == noon * nanosPerSecond + 555_555_555)
        #expect(numberNs("0." + String(repeating: "0", count: 5_000) + "1e5000") == nil)
        #expect(ns("2024-05-01T12:00:00." + String(repeating: "1", count: 1_000) + "Z")
            == noon * nanosPerSecond + 111_111_111)
    }

    @Test func systemZoneAgreesWithFoundation() async {
        let zone = TimeZone.current
        // Noon in January and July: never inside a daylight-saving change.
        for wallClock: Int64 in [1_705_320_000, 1_721_044_800] {
            let offset = TimestampParser.systemLocalOffset(wallClock)
            let instant = Date(timeIntervalSince1970: TimeInterval(wallClock - Int64(offset)))
            #expect(Int(offset) == zone.secondsFromGMT(for: instant))
        }
        // The cache is shared by threads: many concurrent callers all see the same answers.
        let results = await withTaskGroup(of: Int32.self) { group in
            for i in 0..<64 {
                group.addTask { TimestampParser.systemLocalOffset(i % 2 == 0 ? 1_705_320_000 : 1_721_044_800) }
            }
            return await group.reduce(into: Set<Int32>()) { $0.insert($1) }
        }
        let expected: Set<Int32> = [TimestampParser.systemLocalOffset(1_705_320_000),
                                    TimestampParser.systemLocalOffset(1_721_044_800)]
        #expect(results == expected)
    }

    @Test func roundTripsRandomInstantsWrittenInEveryForm() {
        var random = NormaliseFuzzBytes(seed: 0x5EED_0004)
        let first = TimestampParser.earliestAccepted.secondsSinceEpoch
        let last = parser.latestAccepted.secondsSinceEpoch
        for _ in 0..<3_000 {
            let instant = first + Int64(random.below(Int(last - first)))
            let nanos = random.below(1_000_000_000)
            let digits = random.below(10)
            let offsetMinutes = (random.below(113) - 56) * 15   // −14:00 … +14:00
            let civil = CivilTime(secondsSinceEpoch: instant + Int64(offsetMinutes * 60))
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            var text = "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))"
                + ["T", " ", "t"][random.below(3)] + "\(pad(civil.hour, 2)):\(pad(civil.minute, 2)):\(pad(civil.second, 2))"
            var expectedNanos = 0
            if digits > 0 {
                let scale = TimestampParser.powerOf10[9 - digits]
                expectedNanos = nanos / scale * scale
                text += [".", ","][random.below(2)] + pad(nanos / scale, digits)
            }
            let sign = offsetMinutes < 0 ? "-" : "+"
            let hh = pad(abs(offsetMinutes) / 60, 2), mm = pad(abs(offsetMinutes) % 60, 2)
            switch random.below(3) {
            case 0 where offsetMinutes == 0: text += "Z"
            case 1: text += "\(sign)\(hh)\(mm)"
            case 2: text += " \(sign)\(hh)\(mm) XYZ"
            default: text += "\(sign)\(hh):\(mm)"
            }
            let expected = instant * nanosPerSecond + Int64(expectedNanos)
            if expected <= parser.latestAccepted.nanosecondsSinceEpoch {
                #expect(ns(text) == expected, "\(text)")
            }
        }
    }

    @Test func neverCrashesOnRandomBytesAndStaysInsideTheWindow() {
        var random = NormaliseFuzzBytes(seed: 0x5EED_0001)
        let samples = ["2024-05-01T12:00:00.123Z", "2024-05-01 14:00:00 +0200 CEST", "1714564800.1234567",
                       "Wed, 01 May 2024 12:00:00 GMT", "2024-05-01 12:00:00,123+0000", "1.7145648e9"]
        for round in 0..<4_000 {
            let bytes = round % 2 == 0 ? random.bytes() : random.mutate(samples[round % samples.count])
            bytes.withUnsafeBufferPointer { buffer in
                for result in [parser.parse(text: buffer), parser.parse(number: buffer)] {
                    if let result {
                        #expect(result >= TimestampParser.earliestAccepted && result <= parser.latestAccepted)
                    }
                }
            }
        }
    }
}

/// A seeded source of hostile inputs for the normalisers' never-crash tests: random bytes drawn
/// mostly from the characters these grammars care about, and random edits of valid samples.
struct NormaliseFuzzBytes {
    private var random: SplitMix64
    private static let alphabet = Array("0123456789-+:.,TtZz eE[]/xXabcdefABCDEF1\u{1b}".utf8) + [0x00, 0x80, 0xFF]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ bound: Int) -> Int { random.below(bound) }

    mutating func byte() -> UInt8 {
        below(4) == 0 ? UInt8(truncatingIfNeeded: next()) : Self.alphabet[below(Self.alphabet.count)]
    }

    mutating func bytes(maxCount: Int = 64) -> [UInt8] {
        (0..<below(maxCount + 1)).map { _ in byte() }
    }

    /// The sample with a few bytes replaced, inserted or removed.
    mutating func mutate(_ sample: String) -> [UInt8] {
        var bytes = Array(sample.utf8)
        for _ in 0...below(3) {
            let at = below(bytes.count + 1)
            switch below(3) {
            case 0 where at < bytes.count: bytes[at] = byte()
            case 1: bytes.insert(byte(), at: at)
            default: if at < bytes.count { bytes.remove(at: at) }
            }
        }
        return bytes
    }
}
