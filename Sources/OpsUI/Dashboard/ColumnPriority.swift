/// Which columns of a table fit a width: taken in order of importance while their least
/// comfortable widths (and the gaps between them) fit, then shown in their display order. A
/// narrow terminal loses the least important columns instead of squeezing every one to `…`.
enum ColumnPriority {
    static func fitting<Column: Hashable>(_ display: [Column], priority: [Column], width total: Int,
                                          minimum: (Column) -> Int) -> [Column] {
        var chosen: Set<Column> = []
        var used = 0
        for column in priority {
            let needed = minimum(column) + (chosen.isEmpty ? 0 : TableView.gap)
            if used + needed <= total {
                chosen.insert(column)
                used += needed
            }
        }
        return display.filter { chosen.contains($0) }
    }

    /// The columns that fit `width` (by `fitting`) and their table columns, from each column's spec.
    static func choose<Column: Hashable>(_ display: [Column], priority: [Column], width: Int,
                                         spec: (Column) -> TableColumn) -> (columns: [Column], table: [TableColumn]) {
        let specs = Dictionary(display.map { ($0, spec($0)) }, uniquingKeysWith: { first, _ in first })
        let columns = fitting(display, priority: priority, width: width) { minimum(of: specs[$0]?.width ?? .fixed(0)) }
        return (columns, columns.compactMap { specs[$0] })
    }

    /// The least a column of this width takes.
    static func minimum(of width: TableColumn.Width) -> Int {
        switch width {
        case .fixed(let columns): max(0, columns)
        case .flexible(let minimum, _): max(0, minimum)
        }
    }
}
