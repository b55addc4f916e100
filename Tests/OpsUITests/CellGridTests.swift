import Testing
@testable import OpsUI

@Suite struct CellGridTests {
    @Test func writesTextAndReadsItBackAsRows() {
        var grid = CellGrid(size: Size(columns: 8, rows: 2))
        #expect(grid.put("hello", row: 0, column: 1, role: .text) == 5)
        grid.put("東京", row: 1, column: 0, role: .logInfo)
        #expect(grid.text == " hello  \n東京    ")
        #expect(grid[1, 1].isContinuation && grid[1, 0].text == "東")
    }

    @Test func clipsAtTheEdgeAndNeverSplitsAWideCharacter() {
        var grid = CellGrid(size: Size(columns: 5, rows: 1))
        #expect(grid.put("ab東京", row: 0, column: 0, role: .text) == 5)
        #expect(grid.text == "ab東 ") // 京 would straddle the edge: a space instead
        var clipped = CellGrid(size: Size(columns: 6, rows: 1))
        clipped.put("abcdef", row: 0, column: 0, role: .text, clip: Rect(column: 1, row: 0, columns: 3, rows: 1))
        #expect(clipped.text == " bcd  ")
        #expect(clipped.put("x", row: 5, column: 0, role: .text) == 0) // outside the grid
    }

    @Test func overwritingHalfAWideCharacterBlanksItsOtherHalf() {
        var grid = CellGrid(size: Size(columns: 4, rows: 1))
        grid.put("東京", row: 0, column: 0, role: .text)
        grid.put("x", row: 0, column: 1, role: .text)  // the second half of 東
        #expect(grid.text == " x京")
        grid.put("y", row: 0, column: 2, role: .text)  // the first half of 京
        #expect(grid.text == " xy ")
    }

    @Test func combiningMarksStayWithTheirCharacter() {
        var grid = CellGrid(size: Size(columns: 4, rows: 1))
        grid.put("e\u{301}x", row: 0, column: 0, role: .text)
        #expect(grid.rowText(0) == "e\u{301}x  ")
    }

    @Test func styledSpansKeepTheirRoles() {
        var grid = CellGrid(size: Size(columns: 10, rows: 1))
        grid.put([StyledSpan("ERROR", .logError), StyledSpan(" ", .text), StyledSpan("boom", .text)], row: 0, column: 0)
        #expect(grid.roleMask([.logError: "E", .text: "."]) == "EEEEE.....")
    }

    @Test func anUnchangedGridHasNoChanges() {
        var grid = CellGrid(size: Size(columns: 20, rows: 3))
        grid.put("steady", row: 1, column: 2, role: .text)
        #expect(grid.changes(since: grid).isEmpty)
    }

    @Test func changesAreRunsOfChangedCellsWithSmallGapsMerged() {
        var before = CellGrid(size: Size(columns: 20, rows: 2))
        before.put("aaaaaaaaaaaaaaaaaaaa", row: 0, column: 0, role: .text)
        var after = before
        after.put("X", row: 0, column: 2, role: .text)
        after.put("Y", row: 0, column: 5, role: .text)   // 2 unchanged cells apart: one run
        after.put("Z", row: 0, column: 15, role: .text)  // far away: its own run
        let runs = after.changes(since: before)
        #expect(runs.map(\.column) == [2, 15])
        #expect(runs.map { $0.cells.map(\.text).joined() } == ["XaaY", "Z"])
    }

    @Test func aChangedRoleIsAChange() {
        var before = CellGrid(size: Size(columns: 5, rows: 1))
        before.put("abc", row: 0, column: 0, role: .text)
        var after = before
        after.put("b", row: 0, column: 1, role: .logError)
        #expect(after.changes(since: before) == [CellRun(row: 0, column: 1, cells: [Cell("b", .logError)])])
    }

    @Test func runsAlwaysHoldWholeWideCharacters() {
        var before = CellGrid(size: Size(columns: 6, rows: 1))
        before.put("東京", row: 0, column: 0, role: .text)
        var after = before
        after.put("東京", row: 0, column: 0, role: .logWarn)
        let runs = after.changes(since: before)
        #expect(runs.count == 1 && runs[0].column == 0 && runs[0].cells.count == 4)
    }

    @Test func aResizedGridIsRedrawnWhole() {
        let small = CellGrid(size: Size(columns: 3, rows: 2))
        let large = CellGrid(size: Size(columns: 4, rows: 2))
        #expect(large.changes(since: small).map(\.cells.count) == [4, 4])
        #expect(large.changes(since: nil).count == 2)
    }

    @Test func fillPaintsOnlyInsideTheGrid() {
        var grid = CellGrid(size: Size(columns: 4, rows: 3))
        grid.fill(Rect(column: 2, row: 1, columns: 10, rows: 10), with: Cell("#", .dim))
        #expect(grid.text == "    \n  ##\n  ##")
    }
}

@Suite struct GeometryTests {
    @Test func rectsIntersectAndInset() {
        let a = Rect(column: 0, row: 0, columns: 10, rows: 5)
        #expect(a.intersection(Rect(column: 8, row: 3, columns: 5, rows: 5)) == Rect(column: 8, row: 3, columns: 2, rows: 2))
        #expect(a.intersection(Rect(column: 20, row: 0, columns: 1, rows: 1)).isEmpty)
        #expect(a.inset(by: 1) == Rect(column: 1, row: 1, columns: 8, rows: 3))
        #expect(Rect(column: 0, row: 0, columns: 1, rows: 1).inset(by: 1).isEmpty)
        #expect(Size(columns: -3, rows: 2).columns == 0)
    }
}
