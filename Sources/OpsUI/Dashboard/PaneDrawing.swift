import OpsCore

/// What every pane needs to draw itself, and the parts they share: the title with its
/// freshness, and a failed source's error above whatever data is kept.
struct PaneDrawing {
    /// Error lines shown above stale data (all the pane has when there is no data).
    static let staleErrorLines = 3

    let state: DashboardState
    let marks: DashboardMarks
    let style: BoxStyle
    /// The pane is the only one on screen.
    let single: Bool

    /// `2 History · api/production · 3s ago · …`: the number its key jumps to, then facts.
    func title(_ pane: DashboardPane, _ parts: [String]) -> String {
        var all = ["\(pane.rawValue) \(pane.title)"] + parts.filter { !$0.isEmpty }
        if state.zoomed { all.append("zoomed") }
        return all.joined(separator: " \(marks.dot) ")
    }

    /// Draws a source's error at the top of `rect` in the failure role and returns the rows left
    /// under it. With data kept, the error takes a few rows and the stale data the rest.
    func drawFailure(_ message: String, hasData: Bool, into grid: inout CellGrid, rect: Rect) -> Rect {
        let limit = hasData ? min(Self.staleErrorLines, max(1, rect.size.rows / 3)) : rect.size.rows
        let lines = DashboardText.errorLines(message, limit: limit)
        for (offset, line) in lines.enumerated() {
            let clipped = StyledLineLayout.clipped(line, to: rect.size.columns - 1)
            grid.put(clipped, row: rect.minRow + offset, column: rect.minColumn + 1, role: .statusFailed, clip: rect)
        }
        return Split.vertical(rect, first: lines.count).1
    }

    /// A dim line saying why a pane is empty.
    func drawEmpty(_ text: String, into grid: inout CellGrid, rect: Rect) {
        grid.put(text, row: rect.minRow, column: rect.minColumn + 1, role: .dim, clip: rect)
    }
}
