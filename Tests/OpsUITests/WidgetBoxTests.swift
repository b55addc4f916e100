import Testing
@testable import OpsUI

/// Box, splits and status bar, alone and as the screen layout every view uses.
@Suite struct WidgetBoxTests {
    let legend: [Role: Character] = [.text: ".", .paneBorder: "b", .paneBorderFocused: "B", .paneTitle: "T",
                                     .statusBar: "s", .statusError: "E"]

    @Test func drawsABorderWithATitleAndReturnsTheInside() {
        var grid = CellGrid(size: Size(columns: 12, rows: 4))
        let inner = Box.draw(into: &grid, rect: grid.bounds, title: "Logs", focused: false, style: .unicode)
        #expect(inner == Rect(column: 1, row: 1, columns: 10, rows: 2))
        #expect(grid.text == """
            ┌─ Logs ───┐
            │          │
            │          │
            └──────────┘
            """)
        #expect(grid.roleMask(legend).split(separator: "\n").first == "bbbTTTTbbbbb")
    }

    @Test func longTitlesAreClippedWithAnEllipsisAndCJKIsNeverSplit() {
        var grid = CellGrid(size: Size(columns: 10, rows: 2))
        Box.draw(into: &grid, rect: grid.bounds, title: "production", focused: true, style: .unicode)
        #expect(grid.rowText(0) == "┌─ prod… ┐")
        #expect(grid.roleMask(legend).hasPrefix("BBBTTTTTBB"))
        var cjk = CellGrid(size: Size(columns: 10, rows: 2))
        Box.draw(into: &cjk, rect: cjk.bounds, title: "東京大阪", focused: false, style: .unicode)
        // Five columns for the title: two wide characters, no room for half of a third, then `…`.
        #expect(cjk.rowText(0) == "┌─ 東京… ┐")
    }

    @Test func asciiStyleAndTinyRects() {
        var grid = CellGrid(size: Size(columns: 6, rows: 3))
        Box.draw(into: &grid, rect: grid.bounds, title: "a title too long", focused: false, style: .ascii)
        #expect(grid.text == "+- … +\n|    |\n+----+") // one column: only the ellipsis
        var tiny = CellGrid(size: Size(columns: 3, rows: 3))
        let none = Box.draw(into: &tiny, rect: Rect(column: 0, row: 0, columns: 1, rows: 3), title: "x",
                            focused: false, style: .unicode)
        #expect(none.isEmpty && tiny.text == "   \n   \n   ")
        let corners = Box.draw(into: &tiny, rect: Rect(column: 0, row: 0, columns: 2, rows: 2), title: "x",
                               focused: false, style: .unicode)
        #expect(corners.isEmpty && tiny.text == "┌┐ \n└┘ \n   ")
        // A box hanging off the grid is clipped, never a crash.
        Box.draw(into: &tiny, rect: Rect(column: -2, row: 1, columns: 9, rows: 9), title: "x", focused: true,
                 style: .unicode)
    }

    @Test func separatorsJoinTheSides() {
        var grid = CellGrid(size: Size(columns: 5, rows: 4))
        Box.draw(into: &grid, rect: grid.bounds, title: nil, focused: false, style: .unicode)
        Box.drawSeparator(into: &grid, rect: grid.bounds, row: 2, role: .paneBorder, style: .unicode)
        Box.drawSeparator(into: &grid, rect: grid.bounds, row: 0, role: .paneBorder, style: .unicode) // ignored
        #expect(grid.text == "┌───┐\n│   │\n├───┤\n└───┘")
    }

    @Test func splitsCoverTheRectAndAreNeverNegative() {
        let rect = Rect(column: 2, row: 1, columns: 10, rows: 5)
        #expect(Split.horizontal(rect, ratio: 0.3) == (Rect(column: 2, row: 1, columns: 3, rows: 5),
                                                        Rect(column: 5, row: 1, columns: 7, rows: 5)))
        #expect(Split.vertical(rect, second: 1) == (Rect(column: 2, row: 1, columns: 10, rows: 4),
                                                     Rect(column: 2, row: 5, columns: 10, rows: 1)))
        #expect(Split.horizontal(rect, second: 4).0.size.columns == 6)
        #expect(Split.vertical(rect, first: 2).1 == Rect(column: 2, row: 3, columns: 10, rows: 3))
        for (a, b) in [Split.horizontal(rect, first: -5), Split.horizontal(rect, first: 99),
                       Split.vertical(rect, ratio: .nan), Split.vertical(rect, ratio: -3),
                       Split.horizontal(rect, ratio: .infinity), Split.vertical(rect, second: 50)] {
            #expect(a.size.columns >= 0 && a.size.rows >= 0 && b.size.columns >= 0 && b.size.rows >= 0)
            #expect(a.size.columns + b.size.columns == 10 || a.size.rows + b.size.rows == 5)
        }
        #expect(Split.vertical(rect, ratio: .nan).0.size.rows == 3) // NaN is a half (2.5 rounds up)
    }

    @Test func statusBarRightAlignsAndClipsTheLeftFirst() {
        var grid = CellGrid(size: Size(columns: 20, rows: 1))
        StatusBar.draw(into: &grid, row: 0, width: 20, left: [StyledSpan("FOLLOW", .text)],
                       right: [StyledSpan("3 errors", .statusError)])
        #expect(grid.text == "FOLLOW      3 errors")
        #expect(grid.roleMask(legend) == "ssssssssssssEEEEEEEE")
        StatusBar.draw(into: &grid, row: 0, width: 20, left: [StyledSpan("paused, 1200 new below", .text)],
                       right: [StyledSpan("12:00:01", .text)])
        #expect(grid.text == "paused, 12… 12:00:01")
        StatusBar.draw(into: &grid, row: 0, width: 20, left: [StyledSpan("left", .text)],
                       right: [StyledSpan("東京東京東京東京東京東京", .text)])
        // Wider than the bar: the right part is clipped, and a wide character never split (19 columns).
        #expect(grid.text == " 東京東京東京東京東…")
        StatusBar.draw(into: &grid, row: 0, width: 0, left: [], right: []) // nothing to do, no crash
        StatusBar.draw(into: &grid, row: 0, column: 15, width: 20, left: [StyledSpan("abcdef", .text)], right: [])
        #expect(grid.rowText(0).hasSuffix("abcde"))
    }

    /// The frame every screen uses: a focused pane above a status bar.
    func layout(_ size: Size) -> CellGrid {
        var grid = CellGrid(size: size)
        let (pane, status) = Split.vertical(grid.bounds, second: 1)
        let inner = Box.draw(into: &grid, rect: pane, title: "api · production", focused: true, style: .unicode)
        grid.put("hello", row: inner.minRow, column: inner.minColumn, role: .text, clip: inner)
        StatusBar.draw(into: &grid, row: status.minRow, width: status.size.columns,
                       left: [StyledSpan("FOLLOW", .text)], right: [StyledSpan("1/1", .text)])
        return grid
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 160, rows: 48)])
    func boxAndStatusLayoutSnapshot(size: Size) {
        let grid = layout(size)
        let w = size.columns
        let title = "┌─ api · production "
        var expected = [title + String(repeating: "─", count: w - 21) + "┐",
                        "│hello" + String(repeating: " ", count: w - 7) + "│"]
        expected += Array(repeating: "│" + String(repeating: " ", count: w - 2) + "│", count: size.rows - 4)
        expected.append("└" + String(repeating: "─", count: w - 2) + "┘")
        expected.append("FOLLOW" + String(repeating: " ", count: w - 9) + "1/1")
        #expect(grid.text == expected.joined(separator: "\n"))
        var mask = ["BBB" + String(repeating: "T", count: 16) + String(repeating: "B", count: w - 19),
                    "B" + String(repeating: ".", count: w - 2) + "B"]
        mask += Array(repeating: mask[1], count: size.rows - 4)
        mask.append(String(repeating: "B", count: w))
        mask.append(String(repeating: "s", count: w))
        #expect(grid.roleMask(legend) == mask.joined(separator: "\n"))
    }
}
