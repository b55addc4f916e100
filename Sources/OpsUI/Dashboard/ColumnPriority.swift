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

    /// The least a column of this width takes.
    static func minimum(of width: TableColumn.Width) -> Int {
        switch width {
        case .fixed(let columns): max(0, columns)
        case .flexible(let minimum, _): max(0, minimum)
        }
    }
}
