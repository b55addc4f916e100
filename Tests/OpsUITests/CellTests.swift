import Testing
@testable import OpsUI

@Suite struct CellTests {
    @Test func keepsEveryClusterUpToSixteenBytesWhole() {
        for text in ["a", "é", "e\u{301}", "東", "🙂", "❤️", "🇫🇷", "👍🏽", "👩‍💻", "\u{FFFD}"] {
            #expect(Cell(text, .logError).text == text)
            #expect(Cell(text, .logError).role == .logError)
        }
    }

    @Test func aClusterTooLongToKeepShowsItsFirstCharacterOrAReplacement() {
        let family = "👨‍👩‍👧‍👦" // 25 bytes, two columns; its first person is two columns too
        #expect(family.utf8.count > Cell.maxInlineBytes)
        #expect(Cell(family).text == "👨")
        let marks = "a" + String(repeating: "\u{301}", count: 10) // one column, 21 bytes
        #expect(Cell(marks).text == "a")
    }

    @Test func continuationsAndBlanksAreWhatTheyLookLike() {
        #expect(Cell.continuation(.text).isContinuation)
        #expect(Cell("", .text).isContinuation)
        #expect(!Cell.blank.isContinuation)
        #expect(Cell.blank.text == " ")
        #expect(Cell(ascii: UInt8(ascii: "x"), .dim) == Cell("x", .dim))
        #expect(Cell("x", .dim) != Cell("x", .text))
    }

    @Test func asciiAndGeneralWritesGiveTheSameCells() {
        // The grid writes printable ASCII without walking clusters; the picture must not change.
        var fast = CellGrid(size: Size(columns: 12, rows: 2))
        var general = fast
        let clip = Rect(column: 2, row: 0, columns: 6, rows: 2)
        let taken = fast.put("hello, world", row: 0, column: 0, role: .text, clip: clip)
        #expect(general.put("hello, world\u{301}", row: 0, column: 0, role: .text, clip: clip) == taken)
        #expect(fast.row(0) == general.row(0))
        #expect(fast.rowText(0) == "  llo, w    ")
        #expect(fast.put("abc", row: 1, column: 9, role: .text, clip: clip) == 0)
        #expect(fast.put("\u{7}bell", row: 1, column: 0, role: .text) == 4)
        #expect(fast.rowText(1) == "bell        ")
    }
}
