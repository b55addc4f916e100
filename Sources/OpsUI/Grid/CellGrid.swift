/// A screen's worth of cells, the output of every render: widgets write styled text into it,
/// the curses backend draws only what differs from the previous grid, and tests read it back
/// as text. A pure value: no terminal is involved.
public struct CellGrid: Hashable, Sendable {
    public let size: Size
    private var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        cells = Array(repeating: fill, count: size.columns * size.rows)
    }

    public var bounds: Rect { Rect(origin: Point(column: 0, row: 0), size: size) }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set { cells[row * size.columns + column] = newValue }
    }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[row * size.columns ..< (row + 1) * size.columns]
    }

    /// Writes `text` from `column` on `row`, inside `clip` (the whole grid by default), and
    /// returns the columns it took. A wide character that would straddle the clip's right edge
    /// is replaced by a space; a character written over half of a wide one blanks its other half.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard row >= area.minRow, row < area.maxRow else { return 0 }
        if let taken = putPrintableASCII(text, row: row, column: column, role: role, area: area) { return taken }
        var x = column
        for character in text {
            guard x < area.maxColumn else { break }
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A lone combining mark or an invisible character: it has no cell of its own.
                continue
            }
            if x < area.minColumn {
                x += width
                continue
            }
            if width == 2, x + 1 >= area.maxColumn {
                set(Cell(ascii: UInt8(ascii: " "), role), row: row, column: x)
                x += 1
                break
            }
            set(Cell(String(character), role), row: row, column: x)
            if width == 2 { set(.continuation(role), row: row, column: x + 1) }
            x += width
        }
        return max(0, x - max(column, area.minColumn))
    }

    /// The common case of log text, without walking grapheme clusters: every byte a printable
    /// ASCII character one column wide. Nil when the text has any other byte.
    private mutating func putPrintableASCII(_ text: String, row: Int, column: Int, role: Role, area: Rect) -> Int? {
        let written = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
            let start = max(column, area.minColumn)
            let end = min(column + bytes.count, area.maxColumn)
            guard start < end else { return 0 }
            for x in start..<end { set(Cell(ascii: bytes[x - column], role), row: row, column: x) }
            return end - start
        }
        return written ?? nil
    }

    /// Writes styled spans one after another; returns the columns taken.
    @discardableResult
    public mutating func put(_ line: StyledLine, row: Int, column: Int, clip: Rect? = nil) -> Int {
        var x = column
        for span in line { x += put(span.text, row: row, column: x, role: span.role, clip: clip) }
        return x - column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.minRow ..< area.maxRow {
            for x in area.minColumn ..< area.maxColumn { set(cell, row: y, column: x) }
        }
    }

    /// Sets one cell, keeping wide characters whole: overwriting either half of a wide
    /// character blanks the other half.
    private mutating func set(_ cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
        let old = self[row, column]
        if old.isContinuation, column > 0 {
            self[row, column - 1] = Cell(ascii: UInt8(ascii: " "), self[row, column - 1].role)
        } else if column + 1 < size.columns, self[row, column + 1].isContinuation, !cell.isContinuation {
            self[row, column + 1] = Cell(ascii: UInt8(ascii: " "), self[row, column + 1].role)
        }
        self[row, column] = cell
    }
}
