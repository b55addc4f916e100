import Testing
@testable import OpsUI

@Suite struct WidgetTableViewTests {
    let columns = [TableColumn("SERVICE", width: .flexible(minimum: 4, weight: 1)),
                   TableColumn("VERSION", width: .fixed(7)),
                   TableColumn("AGE", width: .fixed(4), alignment: .right)]

    @Test func headerRowsAlignmentAndSelection() {
        var grid = CellGrid(size: Size(columns: 24, rows: 4))
        let table = TableView(columns: columns, rows: [
            TableRow(["api", "v42", "3m"]),
            TableRow(cells: [StyledSpan("web", .text), StyledSpan("v7", .text), StyledSpan("12d", .statusError)]),
        ], selected: 1)
        #expect(table.columnWidths(total: 24) == [11, 7, 4]) // the flexible column takes what is left
        let drawn = table.draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == """
            SERVICE     VERSION  AGE
            api         v42       3m
            web         v7       12d
                                    
            """)
        let mask = grid.roleMask([.paneTitle: "T", .text: ".", .selection: "S", .statusError: "E"])
        #expect(mask == "TTTTTTTTTTT.TTTTTTT.TTTT\n" + String(repeating: ".", count: 24) + "\n"
            + String(repeating: "S", count: 24) + "\n" + String(repeating: ".", count: 24))
        #expect(drawn == ListView.Drawn(first: 0, last: 1, lastIsComplete: true, rowsUsed: 2))
    }

    @Test func cellsAreClippedByDisplayWidth() {
        var grid = CellGrid(size: Size(columns: 18, rows: 2))
        let table = TableView(columns: columns, rows: [TableRow(["東京-checkout", "v2024.11.5", "100d"])])
        table.draw(into: &grid, rect: grid.bounds)
        #expect(table.columnWidths(total: 18) == [5, 7, 4])
        #expect(grid.rowText(0) == "SERV… VERSION  AGE")
        #expect(grid.rowText(1) == "東京… v2024.… 100d")
    }

    @Test func flexibleColumnsShareBySizeAndNarrowTablesNeverCrash() {
        let shared = TableView(columns: [TableColumn("A", width: .flexible(minimum: 0, weight: 1)),
                                         TableColumn("B", width: .flexible(minimum: 0, weight: 2))], rows: [])
        #expect(shared.columnWidths(total: 10) == [3, 6])
        var grid = CellGrid(size: Size(columns: 5, rows: 1))
        let table = TableView(columns: columns, rows: [TableRow(["a", "b"])], top: 5, selected: 9)
        table.draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "SER… ") // the minimum width, then the gap; later columns cut off
        table.draw(into: &grid, rect: Rect(column: 0, row: 0, columns: 0, rows: 0))
        TableView(columns: [], rows: [TableRow(["x"])]).draw(into: &grid, rect: grid.bounds)
        #expect(grid.text == "     ")
    }
}
