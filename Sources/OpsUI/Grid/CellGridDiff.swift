/// A run of changed cells on one row: what the backend must draw to turn the previous frame
/// into the next.
public struct CellRun: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var cells: [Cell]
}

extension CellGrid {
    /// Unchanged cells between two changed ones up to this many are redrawn rather than skipped:
    /// moving the cursor costs about as many bytes.
    static let mergeGap = 4

    /// The runs of cells that differ from `previous`, row by row, left to right. A grid of
    /// another size differs everywhere. A run never starts on the second half of a wide
    /// character, so the backend always draws whole characters.
    public func changes(since previous: CellGrid?) -> [CellRun] {
        guard let previous, previous.size == size else {
            return (0..<size.rows).map { CellRun(row: $0, column: 0, cells: Array(row($0))) }
        }
        var runs: [CellRun] = []
        for y in 0..<size.rows {
            let now = row(y), before = previous.row(y)
            let base = now.startIndex, baseBefore = before.startIndex
            var x = 0
            while x < size.columns {
                guard now[base + x] != before[baseBefore + x] else { x += 1; continue }
                var start = x
                if now[base + start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                var gap = 0
                while end < size.columns, gap <= CellGrid.mergeGap {
                    if now[base + end] != before[baseBefore + end] { gap = 0 } else { gap += 1 }
                    end += 1
                }
                end -= gap // drop the unchanged cells the run ended on
                if end < size.columns, now[base + end].isContinuation { end += 1 }
                runs.append(CellRun(row: y, column: start, cells: Array(now[base + start ..< base + end])))
                x = end
            }
        }
        return runs
    }
}
