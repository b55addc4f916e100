import Testing
@testable import OpsUI

@Suite struct WidgetSparklineTests {
    @Test func scalesToTheMaximumWithTheNewestOnTheRight() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8, ascii: false) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8, ascii: true) == " .:-=+*#")
        #expect(Sparkline.render([7, 0, 0], width: 2, ascii: false) == "▁▁") // only the newest two
    }

    @Test func missingValuesAreSpacesAndATrickleIsNotSilence() {
        #expect(Sparkline.render([10], width: 4, ascii: false) == "   █")
        #expect(Sparkline.render([1000, 1], width: 2, ascii: false) == "█▂")
        #expect(Sparkline.render([], width: 3, ascii: true) == "   ")
        #expect(Sparkline.render([1, 2], width: 0, ascii: false) == "")
        #expect(Sparkline.render([1, 2], width: -4, ascii: false) == "")
    }

    @Test func nanInfinityAndNegativesCountAsZero() {
        #expect(Sparkline.render([.nan, -5, .infinity, 4], width: 4, ascii: false) == "▁▁▁█")
        #expect(Sparkline.render([0, 0], width: 2, ascii: false) == "▁▁")
        #expect(Sparkline.render([.nan, -.infinity], width: 2, ascii: true) == "  ")
    }

    @Test func drawsInTheSparklineRole() {
        var grid = CellGrid(size: Size(columns: 5, rows: 1))
        Sparkline.draw(into: &grid, row: 0, column: 1, values: [1, 2], width: 3, ascii: false)
        #expect(grid.text == "  ▅█ ") // 1 of 2 is level 3.5 of 7, rounded up
        #expect(grid.roleMask([.sparkline: "~", .text: "."]) == ".~~~.")
    }
}

@Suite struct SparklineGapTests {
    @Test func gapsAreSpacesAndTheCeilingKeepsSmallValuesLow() {
        #expect(Sparkline.render(gapped: [nil, 1, nil, 8], ascii: false) == " ▂ █")
        #expect(Sparkline.render(gapped: [1, 1, 1], ceiling: 8, ascii: false) == "▂▂▂")
        #expect(Sparkline.render(gapped: [0, 4, 8], ceiling: 8, ascii: false) == "▁▅█")
        // A value above the ceiling is the top; NaN counts as zero; an infinite ceiling is ignored.
        #expect(Sparkline.render(gapped: [16, .nan], ceiling: 8, ascii: false) == "█▁")
        #expect(Sparkline.render(gapped: [2, 4], ceiling: .infinity, ascii: false) == "▅█")
    }
}
