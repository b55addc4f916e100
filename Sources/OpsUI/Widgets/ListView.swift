/// A scrolling view over many rows (a log, a service list) that asks for only the rows it shows:
/// the content can be a million records long.
public struct ListView {
    /// What `draw` showed, so a caller can keep its selection in view.
    public struct Drawn: Equatable, Sendable {
        /// The first and last index with at least one screen row shown; nil when nothing was drawn.
        public var first: Int?
        public var last: Int?
        /// Whether every screen row of `last` fitted (false when wrapping cut it off at the bottom).
        public var lastIsComplete: Bool
        /// Screen rows used from the top of the rect.
        public var rowsUsed: Int
    }

    /// Continuation rows of a wrapped row start this many columns in, so they read as one row.
    public static let wrapIndent = 2

    public var count: Int
    public var row: (Int) -> StyledLine
    /// Index of the first row shown (clamped to the content).
    public var top: Int
    public var selected: Int?
    /// Long rows continue on the next screen rows instead of being cut at the right edge.
    public var wrap: Bool
    /// Columns cut from the left of every row when not wrapping (horizontal scroll).
    public var horizontalOffset: Int
    /// Text shown in the `searchMatch` role wherever it occurs, ignoring case.
    public var highlight: String?

    public init(count: Int, top: Int = 0, selected: Int? = nil, wrap: Bool = false, horizontalOffset: Int = 0,
                highlight: String? = nil, row: @escaping (Int) -> StyledLine) {
        self.count = count
        self.row = row
        self.top = top
        self.selected = selected
        self.wrap = wrap
        self.horizontalOffset = horizontalOffset
        self.highlight = highlight
    }

    /// Draws rows from `top` down until `rect` is full or the content ends, blanking the rest of
    /// the rect. The selected row fills its whole width (every screen row of it) in the
    /// `selection` role; search matches inside it keep `searchMatch` so they stay visible.
    @discardableResult
    public func draw(into grid: inout CellGrid, rect: Rect) -> Drawn {
        grid.fill(rect)
        var drawn = Drawn(first: nil, last: nil, lastIsComplete: true, rowsUsed: 0)
        guard !rect.isEmpty, count > 0 else { return drawn }
        var index = min(max(0, top), count - 1)
        let width = rect.size.columns
        let indent = width > Self.wrapIndent ? Self.wrapIndent : 0
        while index < count, drawn.rowsUsed < rect.size.rows {
            var line = row(index)
            if let highlight, !highlight.isEmpty { line = StyledLineLayout.highlighting(line, highlight) }
            let isSelected = index == selected
            if isSelected { line = StyledLineLayout.recoloured(line, to: .selection, keeping: [.searchMatch]) }
            let roomLeft = rect.size.rows - drawn.rowsUsed
            let screenRows: [StyledLine]
            var complete = true
            if wrap {
                // One row more than fits tells whether the row was cut off.
                let pieces = StyledLineLayout.wrapped(line, firstWidth: width, nextWidth: width - indent,
                                                      maxRows: roomLeft + 1)
                complete = pieces.count <= roomLeft
                screenRows = Array(pieces.prefix(roomLeft))
            } else {
                screenRows = [StyledLineLayout.droppingColumns(line, horizontalOffset)]
            }
            for (piece, content) in screenRows.enumerated() {
                let y = rect.minRow + drawn.rowsUsed
                if isSelected { grid.fill(Rect(column: rect.minColumn, row: y, columns: width, rows: 1),
                                          with: Cell(" ", .selection)) }
                let x = rect.minColumn + (piece == 0 ? 0 : indent)
                grid.put(content, row: y, column: x, clip: rect)
                drawn.rowsUsed += 1
            }
            drawn.first = drawn.first ?? index
            drawn.last = index
            drawn.lastIsComplete = complete
            index += 1
        }
        return drawn
    }

    /// The scrolling rule for a selection moving through `count` rows of which `visibleRows` fit:
    /// keep `currentTop` while the selection is in view, else scroll just enough to show it (at
    /// the top when moving up, at the bottom when moving down). The result never leaves blank
    /// rows below the end of the content when it could show more. With wrapping, rows take
    /// several screen rows: draw, and if `Drawn.last` (complete) is before the selection, call
    /// again with fewer `visibleRows`.
    public static func top(keeping selected: Int, visibleRows: Int, currentTop: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let visible = max(1, visibleRows)
        let selected = min(max(0, selected), count - 1)
        var top = max(0, currentTop)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        return min(top, max(0, count - visible))
    }
}
