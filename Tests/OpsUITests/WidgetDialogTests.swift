import Testing
@testable import OpsUI

/// The modal dialog and the help overlay: boxes drawn over the screen.
@Suite struct WidgetDialogTests {
    @Test func dialogIsCentredAndSizedToItsContent() {
        var grid = CellGrid(size: Size(columns: 30, rows: 9))
        let body = ModalDialog.draw(into: &grid, bounds: grid.bounds, title: "Rollback",
                                    lines: [[StyledSpan("api to v41?", .text)]],
                                    footer: [StyledSpan("y", .helpKey), StyledSpan(" yes  n no", .text)])
        #expect(body == Rect(column: 7, row: 3, columns: 16, rows: 3))
        let blank = String(repeating: " ", count: 30), side = String(repeating: " ", count: 5)
        #expect(grid.text == [blank, blank,
                              side + "┌─ Rollback ───────┐" + side,
                              side + "│ api to v41?      │" + side,
                              side + "│                  │" + side,
                              side + "│ y yes  n no      │" + side,
                              side + "└──────────────────┘" + side,
                              blank, blank].joined(separator: "\n"))
        let mask = grid.roleMask([.text: ".", .dialog: "d", .dialogTitle: "T", .helpKey: "k"])
        #expect(mask.split(separator: "\n")[2] == ".....dddTTTTTTTTddddddddd.....")
        #expect(mask.split(separator: "\n")[5] == ".....ddk" + String(repeating: "d", count: 17) + ".....")
    }

    @Test func dialogClipsLinesAndFitsInSmallBounds() {
        var grid = CellGrid(size: Size(columns: 14, rows: 5))
        let long: StyledLine = [StyledSpan("kubectl rollout undo deployment/api", .text)]
        let body = ModalDialog.draw(into: &grid, bounds: grid.bounds, title: "A very long title indeed",
                                    lines: [long, long, long, long], footer: [StyledSpan("Enter", .text)],
                                    style: .ascii)
        #expect(body == Rect(column: 2, row: 1, columns: 10, rows: 3))
        #expect(grid.text == "+- A very l… +\n| kubectl r… |\n|            |\n| Enter      |\n+------------+")
        var tiny = CellGrid(size: Size(columns: 3, rows: 1))
        #expect(ModalDialog.draw(into: &tiny, bounds: tiny.bounds, title: "x", lines: [long], footer: nil).isEmpty)
        var cjk = CellGrid(size: Size(columns: 9, rows: 3))
        ModalDialog.draw(into: &cjk, bounds: cjk.bounds, title: "", lines: [[StyledSpan("東京大阪", .text)]],
                         footer: nil)
        #expect(cjk.rowText(1) == "│ 東京… │")
        #expect(ModalDialog.draw(into: &cjk, bounds: cjk.bounds, title: "t", lines: [], footer: nil)
            == Rect(column: 2, row: 1, columns: 5, rows: 0))
    }

    let sections: [(title: String, rows: [(keys: String, description: String)])] = [
        ("Moving", [("j ↓", "next record"), ("k ↑", "previous record"), ("G End", "follow new records")]),
        ("Searching", [("/", "search"), ("n N", "next / previous match")]),
    ]

    @Test func helpListsKeysAndDescriptionsBySection() {
        var grid = CellGrid(size: Size(columns: 40, rows: 10))
        let drawn = HelpOverlay.draw(into: &grid, bounds: grid.bounds, title: "Keys", sections: sections, scroll: 0)
        #expect(drawn == HelpOverlay.Drawn(scroll: 0, maxScroll: 0, visibleRows: 8))
        #expect(grid.rowText(0) == "┌─ Keys " + String(repeating: "─", count: 31) + "┐")
        #expect(grid.rowText(1) == "│ Moving                               │")
        #expect(grid.rowText(2) == "│ j ↓    next record                   │")
        #expect(grid.rowText(4) == "│ G End  follow new records            │")
        #expect(grid.rowText(5) == "│                                      │")
        #expect(grid.rowText(8) == "│ n N    next / previous match         │")
        let mask = grid.roleMask([.paneBorderFocused: "B", .paneTitle: "T", .helpKey: "k", .helpText: "h"])
        #expect(mask.split(separator: "\n")[2] == "BhkkkkkhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhB")
        var shorter = CellGrid(size: Size(columns: 40, rows: 9))
        let scrolled = HelpOverlay.draw(into: &shorter, bounds: shorter.bounds, title: "Keys", sections: sections,
                                        scroll: 50)
        #expect(scrolled == HelpOverlay.Drawn(scroll: 1, maxScroll: 1, visibleRows: 7))
        #expect(shorter.rowText(1) == "│ j ↓    next record                   │")
    }

    @Test func helpFitsCommonAndTinySizes() {
        let many = (0..<30).map { ("Ctrl-\($0)", "does thing number \($0) with a long description") }
        for size in [Size(columns: 80, rows: 24), Size(columns: 40, rows: 10), Size(columns: 3, rows: 2),
                     Size(columns: 0, rows: 0)] {
            var grid = CellGrid(size: size)
            let drawn = HelpOverlay.draw(into: &grid, bounds: grid.bounds, title: "Help — every key",
                                         sections: [("All", many)], scroll: -3)
            #expect(drawn.scroll == 0)
            #expect(drawn.maxScroll == max(0, 31 - drawn.visibleRows))
        }
        var grid = CellGrid(size: Size(columns: 80, rows: 24))
        HelpOverlay.draw(into: &grid, bounds: grid.bounds, title: "Help", sections: [("All", many)], scroll: 0)
        #expect(grid.rowText(0) == String(repeating: " ", count: 80)) // a one-cell margin when there is room
        #expect(grid.rowText(1).hasPrefix(" ┌─ Help ─"))
        #expect(grid.rowText(3) == " │ Ctrl-0   does thing number 0 with a long description" +
                String(repeating: " ", count: 22) + " │ ")
    }
}
