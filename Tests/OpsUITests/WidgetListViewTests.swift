import Testing
@testable import OpsUI

@Suite struct WidgetListViewTests {
    let legend: [Role: Character] = [.text: ".", .selection: "S", .searchMatch: "M", .logError: "E"]

    func list(_ lines: [String], top: Int = 0, selected: Int? = nil, wrap: Bool = false, offset: Int = 0,
              highlight: String? = nil) -> ListView {
        ListView(count: lines.count, top: top, selected: selected, wrap: wrap, horizontalOffset: offset,
                 highlight: highlight) { [StyledSpan(lines[$0], .text)] }
    }

    @Test func drawsTheVisibleRowsAndReportsThem() {
        var grid = CellGrid(size: Size(columns: 6, rows: 3))
        let drawn = list(["zero", "one", "two", "three", "four"], top: 1).draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "one   \ntwo   \nthree ")
        #expect(drawn == ListView.Drawn(first: 1, last: 3, lastIsComplete: true, rowsUsed: 3))
        let end = list(["a", "b"], top: 9).draw(into: &grid, rect: grid.bounds) // top past the end: clamped
        #expect(grid.text == "b     \n      \n      ")
        #expect(end == ListView.Drawn(first: 1, last: 1, lastIsComplete: true, rowsUsed: 1))
    }

    @Test func emptyContentAndEmptyRects() {
        var grid = CellGrid(size: Size(columns: 4, rows: 2))
        grid.put("xxxx", row: 0, column: 0, role: .logError)
        let none = list([]).draw(into: &grid, rect: grid.bounds)
        #expect(none == ListView.Drawn(first: nil, last: nil, lastIsComplete: true, rowsUsed: 0))
        #expect(grid.text == "    \n    ") // the rect is blanked
        let zero = list(["a"]).draw(into: &grid, rect: Rect(column: 1, row: 0, columns: 0, rows: 2))
        #expect(zero.rowsUsed == 0)
        list(["a"], wrap: true).draw(into: &grid, rect: Rect(column: 3, row: 0, columns: 1, rows: 9))
        #expect(grid.text == "   a\n    ")
    }

    @Test func selectionFillsTheWholeRow() {
        var grid = CellGrid(size: Size(columns: 6, rows: 2))
        let view = ListView(count: 2, selected: 1) { index in
            index == 0 ? [StyledSpan("ok", .text)] : [StyledSpan("E", .logError), StyledSpan(" bad", .text)]
        }
        view.draw(into: &grid, rect: grid.bounds)
        #expect(grid.roleMask(legend) == "......\nSSSSSS")
    }

    @Test func wrappedRowsContinueIndented() {
        var grid = CellGrid(size: Size(columns: 6, rows: 4))
        let drawn = list(["abcdefghijkl", "xy"], selected: 0, wrap: true).draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "abcdef\n  ghij\n  kl  \nxy    ")
        #expect(grid.roleMask(legend) == "SSSSSS\nSSSSSS\nSSSSSS\n......")
        #expect(drawn == ListView.Drawn(first: 0, last: 1, lastIsComplete: true, rowsUsed: 4))
        let cut = list(["ab", "abcdefghijklmnop"], wrap: true).draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "ab    \nabcdef\n  ghij\n  klmn")
        #expect(cut == ListView.Drawn(first: 0, last: 1, lastIsComplete: false, rowsUsed: 4))
    }

    @Test func wrappingNeverSplitsAWideCharacter() {
        var grid = CellGrid(size: Size(columns: 5, rows: 3))
        list(["東京大阪👩‍💻"], wrap: true).draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "東京 \n  大 \n  阪 ")
    }

    @Test func horizontalOffsetSkipsColumns() {
        var grid = CellGrid(size: Size(columns: 4, rows: 2))
        list(["abcdefgh", "東京大阪"], offset: 3).draw(into: &grid, rect: grid.bounds)
        // Three columns into 東京大阪 cut 京 in half: its right half shows as a space.
        #expect(grid.text == "defg\n 大 ")
        list(["abc"], offset: 10).draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "    \n    ")
    }

    @Test func highlightMarksMatchesIgnoringCaseAcrossSpans() {
        var grid = CellGrid(size: Size(columns: 16, rows: 2))
        let view = ListView(count: 2, selected: 1, highlight: "TIME") { index in
            index == 0 ? [StyledSpan("Timeout ti", .logError), StyledSpan("me", .text)]
                       : [StyledSpan("no match", .text)]
        }
        view.draw(into: &grid, rect: grid.bounds)
        #expect(grid.roleMask(legend) == "MMMMEEEEMMMM....\nSSSSSSSSSSSSSSSS")
        var selected = CellGrid(size: Size(columns: 8, rows: 1))
        list(["a TiMe b"], selected: 0, highlight: "time").draw(into: &selected, rect: selected.bounds)
        #expect(selected.roleMask(legend) == "SSMMMMSS") // matches stay visible on the selection
        list(["Ünïcödé"], highlight: "üNÏ").draw(into: &selected, rect: selected.bounds)
        #expect(selected.roleMask(legend) == "MMM.....")
    }

    @Test func topKeepsTheSelectionVisible() {
        #expect(ListView.top(keeping: 5, visibleRows: 10, currentTop: 0, count: 100) == 0)
        #expect(ListView.top(keeping: 12, visibleRows: 10, currentTop: 0, count: 100) == 3)
        #expect(ListView.top(keeping: 2, visibleRows: 10, currentTop: 8, count: 100) == 2)
        #expect(ListView.top(keeping: 99, visibleRows: 10, currentTop: 0, count: 100) == 90)
        #expect(ListView.top(keeping: 5, visibleRows: 10, currentTop: 50, count: 8) == 0)
        #expect(ListView.top(keeping: -4, visibleRows: 0, currentTop: -1, count: 3) == 0)
        #expect(ListView.top(keeping: 3, visibleRows: 5, currentTop: 2, count: 0) == 0)
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 160, rows: 48)])
    func aMillionRowsCostOnlyWhatShows(size: Size) {
        var grid = CellGrid(size: size)
        let view = ListView(count: 1_000_000, top: 999_990, selected: 999_995) { [StyledSpan("record \($0)", .text)] }
        let drawn = view.draw(into: &grid, rect: grid.bounds)
        #expect(drawn == ListView.Drawn(first: 999_990, last: 999_999, lastIsComplete: true, rowsUsed: 10))
        #expect(grid.rowText(5).hasPrefix("record 999995"))
        #expect(grid.roleMask(legend).split(separator: "\n")[5] == Substring(String(repeating: "S", count: size.columns)))
    }
}
