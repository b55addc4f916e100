/// Screen geometry in cells: rows down, columns across, from the top-left corner.
public struct Size: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    public var isEmpty: Bool { columns == 0 || rows == 0 }
}

public struct Point: Hashable, Sendable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

public struct Rect: Hashable, Sendable {
    public var origin: Point
    public var size: Size

    public init(column: Int, row: Int, columns: Int, rows: Int) {
        origin = Point(column: column, row: row)
        size = Size(columns: columns, rows: rows)
    }

    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    public var minColumn: Int { origin.column }
    public var minRow: Int { origin.row }
    /// One past the last column.
    public var maxColumn: Int { origin.column + size.columns }
    /// One past the last row.
    public var maxRow: Int { origin.row + size.rows }
    public var isEmpty: Bool { size.isEmpty }

    public func contains(_ point: Point) -> Bool {
        point.column >= minColumn && point.column < maxColumn && point.row >= minRow && point.row < maxRow
    }

    /// The part of this rectangle inside `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(minColumn, other.minColumn), top = max(minRow, other.minRow)
        let right = min(maxColumn, other.maxColumn), bottom = min(maxRow, other.maxRow)
        return Rect(column: left, row: top, columns: max(0, right - left), rows: max(0, bottom - top))
    }

    /// The rectangle shrunk by `cells` on every side (a border's inside).
    public func inset(by cells: Int) -> Rect {
        Rect(column: minColumn + cells, row: minRow + cells,
             columns: size.columns - 2 * cells, rows: size.rows - 2 * cells)
    }
}
