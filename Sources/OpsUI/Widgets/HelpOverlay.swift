/// The `?` screen: every key of the keymap, grouped in sections, in a box over the screen.
public enum HelpOverlay {
    /// What `draw` showed, so the caller can clamp its scroll position.
    public struct Drawn: Equatable, Sendable {
        /// The scroll position used: the one asked for, clamped to 0...maxScroll.
        public var scroll: Int
        /// The largest useful scroll position (0 when everything fits).
        public var maxScroll: Int
        /// Rows of content that fit in the box.
        public var visibleRows: Int
    }

    /// Draws a box filling `bounds` (less a one-cell margin when it has room) titled `title`, and
    /// in it each section's title (`paneTitle`) followed by its rows: the keys (`helpKey`) in a
    /// column as wide as the widest keys (at most half the box), two spaces, the description
    /// (`helpText`) clipped with `…`. A blank row separates sections. The content starts
    /// `scroll` rows down (clamped); a too-small box draws nothing.
    @discardableResult
    public static func draw(into grid: inout CellGrid, bounds: Rect, title: String,
                            sections: [(title: String, rows: [(keys: String, description: String)])],
                            scroll: Int, style: BoxStyle = .unicode) -> Drawn {
        let margin = bounds.size.columns >= 44 && bounds.size.rows >= 12 ? 1 : 0
        let rect = bounds.inset(by: margin)
        grid.fill(rect, with: Cell(" ", .helpText))
        let inside = Box.draw(into: &grid, rect: rect, title: title, focused: true, style: style)
        let body = Rect(column: inside.minColumn + 1, row: inside.minRow,
                        columns: inside.size.columns - 2, rows: inside.size.rows)
        let content = rows(of: sections, width: body.size.columns)
        let maxScroll = max(0, content.count - body.size.rows)
        let scroll = min(max(0, scroll), maxScroll)
        guard !body.isEmpty else { return Drawn(scroll: 0, maxScroll: maxScroll, visibleRows: 0) }
        for (offset, line) in content.dropFirst(scroll).prefix(body.size.rows).enumerated() {
            grid.put(line, row: body.minRow + offset, column: body.minColumn, clip: body)
        }
        return Drawn(scroll: scroll, maxScroll: maxScroll, visibleRows: body.size.rows)
    }

    /// Every row of the overlay's content, laid out for `width` columns.
    static func rows(of sections: [(title: String, rows: [(keys: String, description: String)])],
                     width: Int) -> [StyledLine] {
        let widestKeys = sections.flatMap(\.rows).map { DisplayWidth.of($0.keys) }.max() ?? 0
        let keyColumns = min(widestKeys, width / 2)
        let descriptionColumns = width - keyColumns - 2
        var lines: [StyledLine] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append([]) }
            lines.append([StyledSpan(StyledLineLayout.clipped(section.title, to: width), .paneTitle)])
            for row in section.rows {
                var line: StyledLine = [StyledSpan(DisplayWidth.padded(row.keys, to: keyColumns), .helpKey)]
                if descriptionColumns > 0 {
                    line.append(StyledSpan("  ", .helpText))
                    line.append(StyledSpan(StyledLineLayout.clipped(row.description, to: descriptionColumns),
                                           .helpText))
                }
                lines.append(line)
            }
        }
        return lines
    }
}
