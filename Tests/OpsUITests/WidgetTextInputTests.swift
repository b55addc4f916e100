import Testing
@testable import OpsUI

@Suite struct WidgetTextInputTests {
    func typed(_ text: String, into input: inout TextInput) {
        for character in text { #expect(input.handle(.character(character)) == .edited) }
    }

    @Test func insertsMovesAndErases() {
        var input = TextInput()
        typed("helo", into: &input)
        _ = input.handle(.left)
        typed("l", into: &input)
        #expect(input.text == "hello" && input.cursor == 4)
        _ = input.handle(.home)
        _ = input.handle(.delete)
        #expect(input.text == "ello" && input.cursor == 0)
        _ = input.handle(.backspace) // nothing before the cursor: still the input's key
        _ = input.handle(.end)
        _ = input.handle(.backspace)
        #expect(input.text == "ell" && input.cursor == 3)
        _ = input.handle(.right)
        #expect(input.cursor == 3)
        _ = input.handle(.control("a"))
        #expect(input.cursor == 0)
        _ = input.handle(.control("e"))
        #expect(input.cursor == 3)
    }

    @Test func controlUKAndWordErase() {
        var input = TextInput("level>=warn  user=42  ")
        _ = input.handle(.control("w"))
        #expect(input.text == "level>=warn  ")
        _ = input.handle(.control("w"))
        #expect(input.text == "" && input.cursor == 0)
        input.text = "abc def"
        for _ in 0..<3 { _ = input.handle(.left) }
        _ = input.handle(.control("u"))
        #expect(input.text == "def" && input.cursor == 0)
        _ = input.handle(.right)
        _ = input.handle(.control("k"))
        #expect(input.text == "d" && input.cursor == 1)
    }

    @Test func enterEscapeAndForeignKeys() {
        var input = TextInput("timeout")
        #expect(input.handle(.enter) == .submitted("timeout"))
        #expect(input.handle(.escape) == .cancelled)
        #expect(input.handle(.up) == .ignored)
        #expect(input.handle(.function(2)) == .ignored)
        #expect(input.handle(.character("\u{1B}")) == .ignored) // an escape byte never enters the text
        #expect(input.handle(.control("x")) == .ignored)
        #expect(input.text == "timeout")
    }

    @Test func graphemeClustersMoveAsOne() {
        var input = TextInput("a👩‍💻e\u{301}")
        #expect(input.cursor == 3)
        _ = input.handle(.backspace)
        _ = input.handle(.left)
        _ = input.handle(.backspace)
        #expect(input.text == "👩‍💻" && input.cursor == 0)
    }

    @Test func drawsPromptAndTextWithTheCursorAfterIt() {
        var grid = CellGrid(size: Size(columns: 12, rows: 1))
        let input = TextInput("err")
        let cursor = input.draw(into: &grid, row: 0, column: 1, width: 10, prompt: "/")
        #expect(grid.text == " /err       ")
        #expect(cursor == 5 && input.cursorColumn(column: 1, width: 10, prompt: "/") == 5)
        #expect(grid.roleMask([.input: "i", .text: "."]) == ".iiiiiiiiii.")
    }

    @Test func scrollsSoTheCursorStaysVisible() {
        var grid = CellGrid(size: Size(columns: 8, rows: 1))
        var input = TextInput("abcdefghij")
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 8, prompt: "> ") == 7)
        #expect(grid.text == "> fghij ") // five before the cursor and the cursor's own cell
        _ = input.handle(.home)
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 8, prompt: "> ") == 2)
        #expect(grid.text == "> abcdef")
    }

    @Test func wideCharactersScrollWhole() {
        var grid = CellGrid(size: Size(columns: 6, rows: 1))
        var input = TextInput("東京大阪")
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 6, prompt: ":") == 5)
        #expect(grid.text == ":大阪 ") // 京 would need a half cell: it scrolls out whole
        _ = input.handle(.left)
        let column = input.draw(into: &grid, row: 0, column: 0, width: 6, prompt: ":")
        // The cursor sits on 阪, whose two cells must both show.
        #expect(grid.text == ":大阪 " && column == 3)
        _ = input.handle(.home)
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 6, prompt: ":") == 1)
        #expect(grid.text == ":東京 ") // 大 would straddle the edge: a space
    }

    @Test func tinyWidthsDropThePromptAndNeverCrash() {
        var grid = CellGrid(size: Size(columns: 3, rows: 1))
        let input = TextInput("東京")
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 2, prompt: "search: ") == 0)
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 1, prompt: "> ") == 0)
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 0, prompt: "> ") == 0)
        #expect(input.draw(into: &grid, row: 0, column: 0, width: 3, prompt: "") == 2)
        #expect(grid.text == "京 ")
    }
}
