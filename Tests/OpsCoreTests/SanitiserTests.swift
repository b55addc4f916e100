import Foundation
import Testing
@testable import OpsCore

@Suite struct SanitiserTests {
    // MARK: - Notation

    @Test func showsEscapeSequencesAsInertText() {
        #expect(Sanitiser.sanitise("\u{1B}[31mred\u{1B}[0m") == #"\e[31mred\e[0m"#)
        #expect(Sanitiser.sanitise("\u{1B}]0;title\u{07}") == #"\e]0;title\x07"#)
        #expect(Sanitiser.sanitise("\u{1B}]52;c;aGVsbG8=\u{07}") == #"\e]52;c;aGVsbG8=\x07"#)
        #expect(Sanitiser.sanitise("\u{1B}Pq#0\u{1B}\\") == #"\ePq#0\e\"#)
        #expect(Sanitiser.sanitise("\u{1B}[2J\u{1B}[H\u{1B}[10A") == #"\e[2J\e[H\e[10A"#)
        #expect(Sanitiser.sanitise("\u{1B}c\u{1B}7") == #"\ec\e7"#)
    }

    @Test func showsOtherC0ControlsAndDELAsLowerCaseHex() {
        #expect(Sanitiser.sanitise("a\u{07}b\u{00}c\u{08}d\u{0D}e\u{7F}f\u{1F}") == #"a\x07b\x00c\x08d\x0de\x7ff\x1f"#)
    }

    @Test func showsLineFeedAsBackslashNUnlessMultiline() {
        #expect(Sanitiser.sanitise("one\ntwo") == #"one\ntwo"#)
        #expect(Sanitiser.sanitise("one\ntwo", multiline: true) == "one\ntwo")
        #expect(Sanitiser.sanitise("one\r\ntwo", multiline: true) == "one\\x0d\ntwo")
    }

    @Test func showsC1ControlsInSwiftLiteralNotation() {
        #expect(Sanitiser.sanitise("\u{9B}31m") == #"\u{9b}31m"#)
        #expect(Sanitiser.sanitise("\u{9D}0;t\u{9C}") == #"\u{9d}0;t\u{9c}"#)
        #expect(Sanitiser.sanitise("\u{90}q\u{80}\u{9F}") == #"\u{90}q\u{80}\u{9f}"#)
    }

    @Test func showsBidiAndInvisibleCharactersAsTokens() {
        #expect(Sanitiser.sanitise("if (isAdmin\u{202E} \u{2066}// check\u{2069}") ==
                "if (isAdmin<U+202E> <U+2066>// check<U+2069>")
        #expect(Sanitiser.sanitise("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f\u{180E}g") ==
                "a<U+200B>b<U+200C>c<U+200D>d<U+2060>e<U+FEFF>f<U+180E>g")
        #expect(Sanitiser.sanitise("\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{2067}\u{2068}") ==
                "<U+061C><U+200E><U+200F><U+202A><U+202B><U+202C><U+202D><U+2067><U+2068>")
        #expect(Sanitiser.sanitise("l1\u{2028}l2\u{2029}p") == "l1<U+2028>l2<U+2029>p")
        #expect(Sanitiser.sanitise("\u{E0041}x") == "<U+E0041>x")
    }

    @Test func expandsTabsToTheNextStopCountedFromTheLineStart() {
        #expect(Sanitiser.sanitise("\tx") == "    x")
        #expect(Sanitiser.sanitise("ab\tx") == "ab  x")
        #expect(Sanitiser.sanitise("abcd\tx") == "abcd    x")
        #expect(Sanitiser.sanitise("ab\tx", tabWidth: 8) == "ab      x")
        // Escapes before a tab take their visible width; a multiline LF restarts the column,
        // a shown `\n` does not (it is one display line).
        #expect(Sanitiser.sanitise("\u{07}\tx") == #"\x07    x"#)
        #expect(Sanitiser.sanitise("abc\n\tx", multiline: true) == "abc\n    x")
        #expect(Sanitiser.sanitise("ab\n\tx") == #"ab\n    x"#)
        #expect(Sanitiser.sanitise("é\tx") == "é   x")
    }

    @Test func clampsTheTabWidthSoATabNeverVanishes() {
        #expect(Sanitiser.sanitise("a\tb", tabWidth: 0) == "a b")
        #expect(Sanitiser.sanitise("a\tb", tabWidth: -3) == "a b")
        #expect(Sanitiser.sanitise("\t", tabWidth: 1_000_000) == String(repeating: " ", count: 64))
    }

    // MARK: - Fast path

    @Test func returnsPrintableASCIIAndPlainUnicodeWithoutCopying() {
        let ascii = String(repeating: "GET /api/v1/items?id=42 200 OK ~{}|", count: 40)
        let unicode = "café 東京 🚀 e\u{301} Ωmega naïve Zürich " + ascii
        for text in [ascii, unicode] {
            let result = Sanitiser.sanitise(text)
            #expect(result == text)
            #expect(storageAddress(text) != nil)
            #expect(storageAddress(result) == storageAddress(text))
            #expect(!Sanitiser.needsSanitising(text))
        }
        #expect(Sanitiser.sanitise("") == "")
    }

    @Test func reportsWhetherTextNeedsSanitising() {
        #expect(Sanitiser.needsSanitising("x\u{1B}[0m"))
        #expect(Sanitiser.needsSanitising("tab\there"))
        #expect(Sanitiser.needsSanitising("a\nb"))
        #expect(!Sanitiser.needsSanitising("a\nb", multiline: true))
        #expect(Sanitiser.needsSanitising("\u{202E}"))
        #expect(Sanitiser.needsSanitising("\u{85}"))
        // Controls past the first SWAR word and at the very end are found too.
        #expect(Sanitiser.needsSanitising(String(repeating: "x", count: 37) + "\u{7F}"))
        #expect(Sanitiser.needsSanitising(String(repeating: "y", count: 16) + "\u{00}"))
    }

    // MARK: - Byte input

    @Test func replacesInvalidUTF8LikeStringDecoding() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xE2, 0x82, 0x20, 0xF4, 0x90, 0x80, 0x80, 0x9B, 0x62]
        let viaBytes = bytes.withUnsafeBufferPointer { Sanitiser.sanitise($0) }
        #expect(viaBytes == Sanitiser.sanitise(String(decoding: bytes, as: UTF8.self)))
        #expect(viaBytes == "a\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}b")
        #expect(bytes.withUnsafeBufferPointer { Sanitiser.needsSanitising($0) })
        let truncatedAtEnd: [UInt8] = [0x41, 0xF0, 0x9F, 0x9A]
        #expect(truncatedAtEnd.withUnsafeBufferPointer { Sanitiser.sanitise($0) } == "A\u{FFFD}")
    }

    @Test func appendsToAReusedBufferAndCountsTabsFromWhereItStarts() {
        var output = Array("prefix|".utf8)
        Array("a\tb\u{1B}".utf8).withUnsafeBufferPointer { Sanitiser.sanitise($0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == #"prefix|a   b\e"#)
        Array("safe".utf8).withUnsafeBufferPointer { Sanitiser.sanitise($0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == #"prefix|a   b\esafe"#)
    }

    // MARK: - Hostile corpus

    /// The documented visible form of each line of Fixtures/hostile-escapes.log, in order.
    static let expectedCorpus: [String] = [
        #"\e[31mred\e[0m normal"#,
        #"\e[38;2;255;0;0mtruecolour\e[m \e[1;4;5;7mblink"#,
        #"\e[H\e[2J\e[3Jscreen wiped"#,
        #"\e[1A\e[2K\e[G[OK] Authentication success"#,
        #"\e[10A\e[5C\e[s\e[u\e[999;999H"#,
        #"\e]0;pwned title\x07"#,
        #"\e]2;title with ST\e\"#,
        #"\e]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07"#,
        #"\e]8;;https://evil.example/\e\click me\e]8;;\e\"#,
        #"\eP+q544e\e\ \ePtmux;\e\e]52;c;aGk=\x07\e\"#,
        #"\eXsos\e\ \e^pm\e\ \e_apc\e\"#,
        #"\ec\e7\e8\e=\eM\e(0"#,
        #"\e[6n \e[c \e]11;?\x07 \e[21t \e[>q"#,
        #"\e[?1049h\e[?25l\e[?1000h\e[?2004h"#,
        #"\e[8;100;200t\e[4;0;0t"#,
        #"\u{9b}31mC1 CSI \u{9d}0;C1 OSC\u{9c} \u{90}qC1 DCS\u{9c} \u{85}NEL"#,
        "\u{FFFD}31m raw 8-bit CSI \u{FFFD}0;x\\x07",
        #"ding\x07 nul\x00 back\x08\x08\x08XXX vt\x0b ff\x0c"#,
        #"rm -rf / \x0dls -la"#,
        #"password ok\x0d\e[Kdenied"#,
        #"access = "user<U+202E> <U+2066>// admin<U+2069> <U+2066>""#,
        #"<U+200E><U+200F><U+061C><U+202A><U+202B><U+202C><U+202D><U+2067><U+2068>"#,
        #"pay<U+200B>pal<U+200C><U+200D><U+2060><U+FEFF><U+180E>"#,
        #"line<U+2028>sep<U+2029>para"#,
        #"del\x7fete"#,
        #"<U+E0041><U+E0042> hidden tags, soft<U+00AD>hyphen, filler<U+3164>"#,
        "\u{FFFD}\u{FFFD} bad \u{FFFD}\u{FFFD}\u{FFFD} surrogate \u{FFFD}\u{FFFD} overlong \u{FFFD} truncated",
        "café 東京 🚀 e\u{301}",
        "a   bc  d       e",
        #"trailing escape\e"#,
    ]

    @Test func neutralisesEveryLineOfTheHostileCorpus() throws {
        let lines = try Self.corpusLines()
        #expect(lines.count == Self.expectedCorpus.count)
        for (line, expected) in zip(lines, Self.expectedCorpus) {
            let viaBytes = line.withUnsafeBufferPointer { Sanitiser.sanitise($0) }
            let viaString = Sanitiser.sanitise(String(decoding: line, as: UTF8.self))
            #expect(viaBytes == expected)
            #expect(viaString == viaBytes)
            #expect(forbiddenScalars(in: viaBytes, multiline: false).isEmpty, "\(viaBytes.debugDescription)")
            #expect(!Sanitiser.needsSanitising(viaBytes))
        }
    }

    @Test func neutralisesTheWholeCorpusAsOneMultilineText() throws {
        let data = try Data(contentsOf: try Self.corpusURL())
        let text = String(decoding: data, as: UTF8.self)
        let sanitised = Sanitiser.sanitise(text, multiline: true)
        #expect(forbiddenScalars(in: sanitised, multiline: true).isEmpty)
        #expect(sanitised.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    .map(String.init) == Self.expectedCorpus)
    }

    // MARK: - Properties over random input

    @Test func randomInputNeverCrashesAndNeverLeaksForbiddenScalars() {
        var random = SeededRandom(seed: 0x5EED_0F_0DDE5)
        for round in 0..<2_000 {
            let bytes = randomHostileBytes(using: &random, count: Int(random.next() % 200))
            let multiline = round % 2 == 0
            let tabWidth = Int(random.next() % 10) - 1
            let viaBytes = bytes.withUnsafeBufferPointer {
                Sanitiser.sanitise($0, multiline: multiline, tabWidth: tabWidth)
            }
            let decoded = String(decoding: bytes, as: UTF8.self)
            let viaString = Sanitiser.sanitise(decoded, multiline: multiline, tabWidth: tabWidth)
            #expect(viaBytes == viaString)
            #expect(forbiddenScalars(in: viaBytes, multiline: multiline).isEmpty, "\(bytes)")
            #expect(!Sanitiser.needsSanitising(viaBytes, multiline: multiline))
            #expect(Sanitiser.sanitise(viaBytes, multiline: multiline) == viaBytes)
            #expect(isSubsequence(safeScalars(of: decoded, multiline: multiline), of: viaBytes.unicodeScalars),
                    "a safe scalar was dropped from \(bytes)")
        }
    }

    // MARK: - Helpers

    /// A seeded generator so failures reproduce (also used by RedactorTests).
    typealias SeededRandom = SplitMix64

    static func corpusURL() throws -> URL {
        try #require(Bundle.module.url(forResource: "hostile-escapes", withExtension: "log", subdirectory: "Fixtures"))
    }

    static func corpusLines() throws -> [[UInt8]] {
        let data = try Data(contentsOf: try corpusURL())
        return data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Array($0) }
    }
}

/// The scalars that must never reach the terminal, listed independently of the
/// implementation's own table: C0 (LF only in multiline mode), DEL, C1, bidi controls,
/// zero-width characters, line/paragraph separators and tag characters.
private func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
    let bidiAndInvisible: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x2028, 0x2029,
    ]
    let v = scalar.value
    if v == 0x0A { return !multiline }
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || bidiAndInvisible.contains(v)
        || (0xE0000...0xE007F).contains(v)
}

private func forbiddenScalars(in text: String, multiline: Bool) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { isForbidden($0, multiline: multiline) }
}

/// The scalars of `text` the sanitiser must pass through unchanged ("nothing is silently
/// removed"): everything but tabs (expanded) and what it escapes.
private func safeScalars(of text: String, multiline: Bool) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { scalar in
        scalar != "\t" && !isForbidden(scalar, multiline: multiline) && ScalarExposure.of(scalar.value) == .plain
    }
}

private func isSubsequence(_ needle: [Unicode.Scalar], of haystack: String.UnicodeScalarView) -> Bool {
    var index = needle.startIndex
    for scalar in haystack where index < needle.endIndex && needle[index] == scalar { index += 1 }
    return index == needle.endIndex
}

private func storageAddress(_ text: String) -> UnsafeRawPointer? {
    text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
}

/// Bytes drawn mostly from the dangerous alphabet: ESC sequences, C0, DEL, UTF-8 of C1, bidi,
/// zero-width and tag characters, valid multi-byte text, and invalid or truncated sequences.
private func randomHostileBytes(using random: inout SanitiserTests.SeededRandom, count: Int) -> [UInt8] {
    let pieces: [[UInt8]] = [
        [0x1B], [0x1B, 0x5B], [0x1B, 0x5D], [0x07], [0x00], [0x08], [0x09], [0x0A], [0x0D], [0x7F],
        [0xC2, 0x9B], [0xC2, 0x85], [0xC2, 0xAD], Array("\u{202E}".utf8), Array("\u{2066}".utf8),
        Array("\u{200D}".utf8), Array("\u{FEFF}".utf8), Array("\u{2028}".utf8), Array("\u{E0041}".utf8),
        Array("é".utf8), Array("東".utf8), Array("🚀".utf8), [0xFF], [0xC0], [0xED, 0xA0], [0xF0, 0x9F],
        [0xE2, 0x80], Array("ab".utf8), Array(" =:[;".utf8),
    ]
    var bytes: [UInt8] = []
    while bytes.count < count {
        if random.next() % 4 == 0 {
            bytes.append(UInt8(truncatingIfNeeded: random.next()))
        } else {
            bytes.append(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))])
        }
    }
    return bytes
}
