/// How one column of a `TableView` is sized and aligned.
public struct TableColumn: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// A share of what the fixed columns leave, by weight, but at least `minimum` columns.
        case flexible(minimum: Int, weight: Int)
    }

    public enum Alignment: Hashable, Sendable { case left, right }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(_ title: String, width: Width, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One row of a `TableView`: a text a column, each in its role.
public struct TableRow: Equatable, Sendable {
    public var cells: [StyledSpan]

    public init(cells: [StyledSpan]) { self.cells = cells }

    /// Every cell in the same role.
    public init(_ texts: [String], role: Role = .text) {
        cells = texts.map { StyledSpan($0, role) }
    }
}

/// Rows in aligned columns under a header (services, releases, probes). The body scrolls and
/// selects like a `ListView`; cells are cut to their column by display width, with `…`.
public struct TableView: Sendable {
    /// Columns between two columns.
    public static let gap = 1

    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var top: Int
    public var selected: Int?

    public init(columns: [TableColumn], rows: [TableRow], top: Int = 0, selected: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.top = top
        self.selected = selected
    }

    /// Draws the header (in `paneTitle`) on the first row of `rect` and the rows below it.
    /// Returns what the body showed (indices are row indices).
    @discardableResult
    public func draw(into grid: inout CellGrid, rect: Rect) -> ListView.Drawn {
        guard !rect.isEmpty else { return ListView.Drawn(first: nil, last: nil, lastIsComplete: true, rowsUsed: 0) }
        let widths = columnWidths(total: rect.size.columns)
        let (headerRect, bodyRect) = Split.vertical(rect, first: 1)
        grid.fill(headerRect)
        let header = line(columns.map { StyledSpan($0.title, .paneTitle) }, widths: widths)
        grid.put(header, row: headerRect.minRow, column: headerRect.minColumn, clip: headerRect)
        let body = ListView(count: rows.count, top: top, selected: selected) { index in
            line(rows[index].cells, widths: widths)
        }
        return body.draw(into: &grid, rect: bodyRect)
    }

    /// Each column's width for a table `total` columns wide: fixed widths as given, what remains
    /// (after the gaps) shared by weight among flexible columns, never below their minimum.
    /// Columns past the right edge are cut off by the clip when drawing.
    public func columnWidths(total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1) * Self.gap
        var fixed = 0, weights = 0
        for column in columns {
            switch column.width {
            case .fixed(let width): fixed += max(0, width)
            case .flexible(let minimum, let weight): fixed += max(0, minimum); weights += max(0, weight)
            }
        }
        var spare = max(0, total - gaps - fixed)
        var remainingWeight = weights
        return columns.map { column in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let minimum, let weight):
                let weight = max(0, weight)
                // Share the spare columns proportionally, the last flexible column taking the rest.
                let share = remainingWeight > 0 ? spare * weight / remainingWeight : 0
                spare -= share
                remainingWeight -= weight
                return max(0, minimum) + share
            }
        }
    }

    /// One row's cells, each padded or clipped to its column, joined by the gap.
    private func line(_ cells: [StyledSpan], widths: [Int]) -> StyledLine {
        var line: StyledLine = []
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : StyledSpan("", .text)
            if index > 0 { line.append(StyledSpan(String(repeating: " ", count: Self.gap), .text)) }
            line.append(StyledSpan(aligned(cell.text, width: widths[index], alignment: column.alignment), cell.role))
        }
        return line
    }

    private func aligned(_ text: String, width: Int, alignment: TableColumn.Alignment) -> String {
        let textWidth = DisplayWidth.of(text)
        guard alignment == .right, textWidth < width else { return DisplayWidth.padded(text, to: width) }
        return String(repeating: " ", count: width - textWidth) + text
    }
}
