import Testing
import OpsCore
@testable import OpsUI

@Suite struct DisplayWidthTests {
    // MARK: - Scripts

    @Test func asciiIsOneColumnPerPrintableByte() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of(" ~") == 2)
        #expect(DisplayWidth.of(Character("a")) == 1)
    }

    @Test func controlsTakeNoColumn() {
        #expect(DisplayWidth.of("a\tb") == 2)
        #expect(DisplayWidth.of("\r\n") == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
        #expect(DisplayWidth.of(scalar(0x1B)) == 0)
        #expect(DisplayWidth.of(scalar(0x7F)) == 0)
        #expect(DisplayWidth.of(scalar(0x85)) == 0)
        #expect(DisplayWidth.of("x\u{9B}y") == 2)
    }

    @Test func everyASCIIByteAgreesWithTheClusterPath() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let expected = (0x20..<0x7F).contains(value) ? 1 : 0
            #expect(DisplayWidth.of(scalar) == expected)
            #expect(DisplayWidth.of(Character(scalar)) == expected)
            #expect(DisplayWidth.of(String(scalar) + "é") == expected + 1, "byte \(value) before a non-ASCII letter")
        }
    }

    @Test func latinWithCombiningMarks() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("a\u{302}\u{323}") == 1)
        #expect(DisplayWidth.of(scalar(0x301)) == 0)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("Zürich, Ελλάδα, Москва") == 22)
    }

    @Test func cjkIsTwoColumnsACharacter() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of(Character("東")) == 2)
        #expect(DisplayWidth.of("日本語abc") == 9)
        #expect(DisplayWidth.of("ひらがな カタカナ") == 17)
        #expect(DisplayWidth.of("\u{20BB7}") == 2)  // CJK Extension B
        #expect(DisplayWidth.of("\u{3000}") == 2)  // ideographic space
        #expect(DisplayWidth.of("\u{303F}") == 1)  // ideographic half fill space is neutral
    }

    @Test func hangulSyllablesAndDecomposedJamo() {
        #expect(DisplayWidth.of("한국어") == 6)
        let decomposed = "\u{1100}\u{1161}\u{11A8}"  // ᄀ ᅡ ᆨ = 각
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(scalar(0x1100)) == 2)
        #expect(DisplayWidth.of(scalar(0x1161)) == 0)
        #expect(DisplayWidth.of(scalar(0x11A8)) == 0)
        #expect(DisplayWidth.of(decomposed) == 2)
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2)
        #expect(DisplayWidth.of(scalar(0xD7B0)) == 0)
        #expect(DisplayWidth.of(scalar(0xD7FB)) == 0)
        #expect(DisplayWidth.of(scalar(0xA960)) == 2)  // Jamo Extended-A initial consonant
    }

    @Test func fullwidthAndHalfwidthForms() {
        #expect(DisplayWidth.of("ＡＢＣ") == 6)
        #expect(DisplayWidth.of("！") == 2)
        #expect(DisplayWidth.of("￥") == 2)
        #expect(DisplayWidth.of("ｱｲｳ") == 3)  // halfwidth katakana
        #expect(DisplayWidth.of("\u{FFE8}") == 1)  // halfwidth forms light vertical
    }

    // MARK: - Emoji

    @Test func emojiPresentationAndVariationSelectors() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)
        #expect(DisplayWidth.of("❤\u{FE0E}") == 1)
        #expect(DisplayWidth.of("⌚\u{FE0E}") == 2)
        #expect(DisplayWidth.of("©\u{FE0F}") == 2)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)  // keycap
        #expect(DisplayWidth.of("A\u{FE0F}") == 1)  // not an emoji: the selector is ignored
        #expect(DisplayWidth.of("東\u{FE0F}") == 2)
        #expect(DisplayWidth.of("deploy ✅ done") == 14)
    }

    @Test func zwjSequencesAreOneWideGlyph() {
        let sequences = [
            "👨\u{200D}👩\u{200D}👧\u{200D}👦",  // family
            "👩\u{200D}💻",  // technologist
            "👩🏽\u{200D}💻",  // with a skin tone
            "🏳\u{FE0F}\u{200D}🌈",  // rainbow flag: neutral base made emoji by VS16
            "❤\u{FE0F}\u{200D}🔥",
            "❤\u{200D}🔥",  // text-style base, joined to an emoji
            "👁\u{200D}🗨",  // both parts are neutral on their own
            "🏴\u{200D}☠\u{FE0F}",
        ]
        for sequence in sequences {
            #expect(sequence.count == 1, "\(sequence) is one cluster")
            #expect(DisplayWidth.of(sequence) == 2, "\(sequence)")
        }
        #expect(DisplayWidth.of("👩\u{200D}💻👩\u{200D}💻") == 4)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)  // not emoji: the joiner is just invisible
    }

    @Test func flagsAreRegionalIndicatorPairs() {
        #expect(DisplayWidth.of("🇩🇪") == 2)
        #expect(DisplayWidth.of("🇩🇪🇫🇷") == 4)
        #expect(DisplayWidth.of("🇩") == 1)  // a lone indicator is a narrow letter
        #expect(DisplayWidth.of("🇩🇪🇫") == 3)
        #expect(DisplayWidth.of("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}") == 2)  // tag sequence
    }

    @Test func skinToneModifiersJoinTheirBase() {
        #expect(DisplayWidth.of("👋🏽") == 2)
        #expect(DisplayWidth.of("✌🏽") == 2)  // text-style base: the modifier makes it an emoji
        #expect(DisplayWidth.of("👍🏻👍🏿") == 4)
        #expect(DisplayWidth.of(scalar(0x1F3FD)) == 2)  // a lone swatch is drawn wide
    }

    // MARK: - Invisible characters

    @Test(arguments: [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2064, 0xFEFF,
        0xFE00, 0xFE0E, 0xFE0F, 0xE0100, 0xE01EF, 0x0600, 0x061C, 0x20E3, 0x0488, 0xE0001, 0xE007F,
    ] as [UInt32])
    func zeroWidthScalars(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar) == 0)
    }

    @Test func softHyphenIsDrawn() {
        #expect(DisplayWidth.of(scalar(0xAD)) == 1)
        #expect(DisplayWidth.of("co\u{AD}op") == 5)
        #expect(DisplayWidth.of("a\u{200B}b\u{2060}c\u{FEFF}") == 3)
    }

    // MARK: - East Asian Width boundaries

    @Test(arguments: [
        (0x10FF, 1), (0x1100, 2), (0x115F, 2), (0x1160, 0), (0x231A, 2), (0x231C, 1), (0x2329, 2),
        (0x23F0, 2), (0x23F1, 1), (0x23F3, 2), (0x2614, 2), (0x2648, 2), (0x2653, 2), (0x2654, 1),
        (0x267F, 2), (0x2693, 2), (0x26A1, 2), (0x26AA, 2), (0x26BD, 2), (0x26C4, 2), (0x26CE, 2),
        (0x26D4, 2), (0x26EA, 2), (0x26F2, 2), (0x26F5, 2), (0x26FA, 2), (0x26FD, 2), (0x2705, 2),
        (0x270A, 2), (0x270C, 1), (0x2728, 2), (0x274C, 2), (0x274E, 2), (0x2753, 2), (0x2757, 2),
        (0x2764, 1), (0x2795, 2), (0x27B0, 2), (0x27BF, 2), (0x2B1B, 2), (0x2B50, 2), (0x2B55, 2),
        (0x2E80, 2), (0x303E, 2), (0x3041, 2), (0x3247, 2), (0x3248, 1), (0x324F, 1), (0x3250, 2),
        (0x33FF, 2), (0x3400, 2), (0x4DBF, 2), (0x4DC0, 1), (0x4E00, 2), (0x9FFF, 2), (0xA000, 2),
        (0xA4CF, 2), (0xA4D0, 1), (0xA960, 2), (0xA97F, 2), (0xAC00, 2), (0xD7A3, 2), (0xD7A4, 1),
        (0xF900, 2), (0xFAFF, 2), (0xFE10, 2), (0xFE19, 2), (0xFE1A, 1), (0xFE30, 2), (0xFE6F, 2),
        (0xFE70, 1), (0xFF00, 2), (0xFF60, 2), (0xFF61, 1), (0xFFE0, 2), (0xFFE6, 2), (0xFFE7, 1),
        (0x16FE0, 2), (0x16FE3, 2), (0x16FE4, 0), (0x17000, 2), (0x187F7, 2), (0x18800, 2), (0x18CD5, 2), (0x1B000, 2),
        (0x1B2FB, 2), (0x1F004, 2), (0x1F005, 1), (0x1F0CF, 2), (0x1F18E, 2), (0x1F191, 2), (0x1F19A, 2),
        (0x1F200, 2), (0x1F210, 2), (0x1F23B, 2), (0x1F240, 2), (0x1F248, 2), (0x1F250, 2), (0x1F251, 2),
        (0x1F260, 2), (0x1F265, 2), (0x1F300, 2), (0x1F320, 2), (0x1F7E0, 2), (0x1F7EB, 2), (0x1F90C, 2),
        (0x1F9FF, 2), (0x1FA70, 2), (0x1FAFF, 2), (0x20000, 2), (0x2FFFD, 2), (0x2FFFE, 1), (0x30000, 2),
        (0x3FFFD, 2), (0x3FFFE, 1),
    ] as [(UInt32, Int)])
    func wideRangeEdges(value: UInt32, expected: Int) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar) == expected, "U+\(String(value, radix: 16, uppercase: true))")
    }

    /// Subranges of the pictograph blocks that UAX #11 leaves neutral: they are text-style by default.
    @Test(arguments: [
        (0x1F321, 0x1F32C), (0x1F336, 0x1F336), (0x1F37D, 0x1F37D), (0x1F394, 0x1F39F), (0x1F3CB, 0x1F3CE),
        (0x1F3D4, 0x1F3DF), (0x1F3F1, 0x1F3F3), (0x1F3F5, 0x1F3F7), (0x1F43F, 0x1F43F), (0x1F441, 0x1F441),
        (0x1F4FD, 0x1F4FE), (0x1F53E, 0x1F54A), (0x1F54F, 0x1F54F), (0x1F568, 0x1F579), (0x1F57B, 0x1F594),
        (0x1F597, 0x1F5A3), (0x1F5A5, 0x1F5FA), (0x1F6C6, 0x1F6CB), (0x1F6CD, 0x1F6CF), (0x1F6D3, 0x1F6D4),
        (0x1F6E0, 0x1F6EA), (0x1F6F0, 0x1F6F3), (0x1F93B, 0x1F93B), (0x1F946, 0x1F946),
    ] as [(UInt32, UInt32)])
    func neutralPictographsAreNarrow(lower: UInt32, upper: UInt32) throws {
        for value in lower...upper {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(DisplayWidth.of(scalar) == 1, "U+\(String(value, radix: 16, uppercase: true))")
        }
        // Their neighbours just outside are wide.
        let before = try #require(Unicode.Scalar(lower - 1))
        let after = try #require(Unicode.Scalar(upper + 1))
        #expect(DisplayWidth.of(before) == 2)
        #expect(DisplayWidth.of(after) == 2)
    }

    // MARK: - Strings

    @Test func aMegabyteOfASCIIIsCountedByBytes() {
        let megabyte = String(repeating: "0123456789abcdef", count: 65_536)
        #expect(megabyte.utf8.count == 1_048_576)
        #expect(DisplayWidth.of(megabyte) == 1_048_576)
        #expect(DisplayWidth.of(megabyte + "\t") == 1_048_576)
        #expect(DisplayWidth.of(megabyte + "東") == 1_048_578)
        #expect(DisplayWidth.of(megabyte.dropFirst(3)) == 1_048_573)
        #expect(DisplayWidth.prefix(megabyte, fittingIn: 80).text == megabyte.prefix(80))
    }

    @Test func aTextIsTheSumOfItsCharacters() {
        var generator = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<500 {
            let text = Self.randomText(&generator)
            let sum = text.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(text) == sum, "\(text.debugDescription)")
        }
    }

    // MARK: - prefix

    @Test func prefixKeepsWholeCharacters() {
        #expect(DisplayWidth.prefix("東京", fittingIn: 3) == ("東", 2))
        #expect(DisplayWidth.prefix("東京", fittingIn: 4) == ("東京", 4))
        #expect(DisplayWidth.prefix("ab東", fittingIn: 3) == ("ab", 2))
        #expect(DisplayWidth.prefix("ab東", fittingIn: 4) == ("ab東", 4))
        #expect(DisplayWidth.prefix("abc", fittingIn: 10) == ("abc", 3))
        #expect(DisplayWidth.prefix("abcdef", fittingIn: 4) == ("abcd", 4))
        #expect(DisplayWidth.prefix("abc", fittingIn: 0) == ("", 0))
        #expect(DisplayWidth.prefix("\u{200B}abc", fittingIn: 0) == ("\u{200B}", 0))
        #expect(DisplayWidth.prefix("\u{200B}abc", fittingIn: -1) == ("", 0))
        #expect(DisplayWidth.prefix("abc", fittingIn: -5) == ("", 0))
        #expect(DisplayWidth.prefix("", fittingIn: 3) == ("", 0))
        #expect(DisplayWidth.prefix("東", fittingIn: 1) == ("", 0))
        #expect(DisplayWidth.prefix("👩\u{200D}💻x", fittingIn: 2) == ("👩\u{200D}💻", 2))
        #expect(DisplayWidth.prefix("🇩🇪🇫🇷", fittingIn: 3) == ("🇩🇪", 2))
        #expect(DisplayWidth.prefix("abc", fittingIn: Int.max) == ("abc", 3))
    }

    @Test func prefixNeverSplitsAClusterAtTheASCIIEdge() {
        // The ASCII fast path must not cut "e" from its accent, nor drop invisible characters that still fit.
        #expect(DisplayWidth.prefix("abe\u{301}x", fittingIn: 3) == ("abe\u{301}", 3))
        #expect(DisplayWidth.prefix("abc\u{200B}d", fittingIn: 3) == ("abc\u{200B}", 3))
        #expect(DisplayWidth.prefix("abc\td", fittingIn: 3) == ("abc\t", 3))
        #expect(DisplayWidth.prefix("ab\r\ncd", fittingIn: 2) == ("ab\r\n", 2))
    }

    @Test func prefixIsTheLongestThatFits() {
        var generator = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<300 {
            let text = Self.randomText(&generator)
            let total = DisplayWidth.of(text)
            for columns in 0...(total + 1) {
                let fitted = DisplayWidth.prefix(text, fittingIn: columns)
                #expect(fitted.width <= columns)
                #expect(fitted.width == DisplayWidth.of(fitted.text))
                #expect(text.hasPrefix(fitted.text))
                let rest = text[fitted.text.endIndex...]
                if let next = rest.first {
                    #expect(fitted.width + DisplayWidth.of(next) > columns, "\(text.debugDescription) in \(columns)")
                }
            }
        }
    }

    // MARK: - padded

    @Test func paddedFillsOrClipsToExactlyTheColumns() {
        #expect(DisplayWidth.padded("abc", to: 5) == "abc  ")
        #expect(DisplayWidth.padded("abc", to: 3) == "abc")
        #expect(DisplayWidth.padded("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.padded("東京", to: 4) == "東京")
        #expect(DisplayWidth.padded("東京", to: 5) == "東京 ")
        #expect(DisplayWidth.padded("東京都", to: 4) == "東… ")  // the second ideograph would straddle
        #expect(DisplayWidth.padded("東京都", to: 5) == "東京…")
        #expect(DisplayWidth.padded("ab", to: 1) == "…")
        #expect(DisplayWidth.padded("東", to: 1) == "…")
        #expect(DisplayWidth.padded("a", to: 1) == "a")
        #expect(DisplayWidth.padded("", to: 3) == "   ")
        #expect(DisplayWidth.padded("abc", to: 0) == "")
        #expect(DisplayWidth.padded("abc", to: -1) == "")
        #expect(DisplayWidth.padded("e\u{301}", to: 2) == "e\u{301} ")
    }

    @Test func paddedAlwaysTakesTheColumnsAsked() {
        var generator = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<300 {
            let text = Self.randomText(&generator)
            let columns = generator.inRange(1...12)
            let result = DisplayWidth.padded(text, to: columns)
            #expect(DisplayWidth.of(result) == columns, "\(text.debugDescription) in \(columns)")
            if DisplayWidth.of(text) <= columns {
                #expect(result.hasPrefix(text))
            } else {
                #expect(result.contains("…"))
            }
        }
    }

    // MARK: - Helpers

    private static let pieces = [
        "a", "Z", " ", "e\u{301}", "東", "京", "한", "\u{1100}\u{1161}", "Ａ", "ｱ", "🚀", "❤", "❤\u{FE0F}",
        "❤\u{FE0E}", "👩\u{200D}💻", "🇩🇪", "🇫", "👋🏽", "\u{200B}", "\u{AD}", "\t", "\u{301}", "é", "…",
    ]

    private static func randomText(_ generator: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<generator.inRange(0...10) { text += generator.pick(pieces) }
        return text
    }
}

/// The shipped tables checked for shape, and against the properties the Swift standard library does expose.
@Suite struct DisplayWidthTableTests {
    private static let tables: [(String, [ScalarRange])] = [
        ("zeroWidth", DisplayWidthTables.zeroWidth),
        ("wide", DisplayWidthTables.wide),
        ("extendedPictographic", DisplayWidthTables.extendedPictographic),
    ]

    @Test func rangesAreSortedDisjointAndMerged() {
        for (name, table) in Self.tables {
            #expect(!table.isEmpty)
            for range in table {
                #expect(range.lower <= range.upper, "\(name)")
                #expect(range.upper <= 0x10FFFF, "\(name)")
                #expect(!(range.lower <= 0xDFFF && range.upper >= 0xD800), "\(name) holds surrogates")
            }
            for (earlier, later) in zip(table, table.dropFirst()) {
                // A gap of at least one scalar: sorted, no overlap, and adjacent runs merged.
                #expect(earlier.upper &+ 1 < later.lower, "\(name): \(earlier) then \(later)")
            }
        }
    }

    @Test func binarySearchFindsEveryEdge() {
        for (_, table) in Self.tables {
            for range in table {
                #expect(table.containsScalar(range.lower))
                #expect(table.containsScalar(range.upper))
                #expect(!table.containsScalar(range.lower &- 1) || range.lower == 0)
                #expect(!table.containsScalar(range.upper &+ 1))
            }
        }
    }

    @Test func basicPlaneLookupAgreesWithTheRangeTables() {
        #expect(DisplayWidthTables.basicPlaneWidths.count == 0x10000)
        for value in UInt32(0)..<0x10000 {
            #expect(DisplayWidthTables.width(of: value) == DisplayWidthTables.searchedWidth(of: value),
                    "U+\(String(value, radix: 16))")
        }
    }

    /// Scalars assigned up to Unicode 15.1, the version of the width tables; the standard library knows later
    /// ones, whose categories the tables cannot.
    private static func assignedByUnicode15_1(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 15 || (age.major == 15 && age.minor <= 1)
    }

    private static var allScalars: [Unicode.Scalar] {
        (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)
    }

    @Test func marksAndFormatCharactersAreExactlyTheZeroWidthCategories() {
        let invisibleCategories: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .format]
        let documentedExtras: [ClosedRange<UInt32>] = [
            0x0000...0x001F, 0x007F...0x009F, 0x1160...0x11FF, 0xD7B0...0xD7FF, 0x2028...0x2029,
        ]
        // U+1171E AHOM CONSONANT SIGN MEDIAL RA was Mn in 15.1 and is Mc in the standard library's newer data.
        let recategorisedSince15_1: Set<UInt32> = [0x1171E]
        for scalar in Self.allScalars
        where Self.assignedByUnicode15_1(scalar) && !recategorisedSince15_1.contains(scalar.value) {
            let category = scalar.properties.generalCategory
            let isInvisible = invisibleCategories.contains(category) && scalar.value != 0xAD
            let isExtra = documentedExtras.contains { $0.contains(scalar.value) }
            let width = DisplayWidth.of(scalar)
            #expect((width == 0) == (isInvisible || isExtra), "U+\(String(scalar.value, radix: 16)) \(category)")
        }
    }

    @Test func everyEmojiPresentationScalarIsWide() {
        for scalar in Self.allScalars
        where Self.assignedByUnicode15_1(scalar) && scalar.properties.isEmojiPresentation {
            let isRegionalIndicator = (0x1F1E6...0x1F1FF).contains(scalar.value)
            #expect(DisplayWidth.of(scalar) == (isRegionalIndicator ? 1 : 2), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func extendedPictographicCoversTheEmojiThatAreNotComponents() {
        for scalar in Self.allScalars where scalar.properties.isEmoji {
            let properties = scalar.properties
            let isComponent = properties.isEmojiModifier || (0x1F1E6...0x1F1FF).contains(scalar.value)
                || scalar.value < 0x80  // keycap bases: digits, # and *
            #expect(DisplayWidthTables.extendedPictographic.containsScalar(scalar.value) != isComponent,
                    "U+\(String(scalar.value, radix: 16))")
        }
    }
}

/// A scalar from a constant in a test; U+FFFD (one column) for a value that is not a scalar.
private func scalar(_ value: UInt32) -> Unicode.Scalar {
    Unicode.Scalar(value) ?? "\u{FFFD}"
}
