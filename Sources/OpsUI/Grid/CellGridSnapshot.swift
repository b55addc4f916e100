/// Grids read back as text, for snapshot tests and screen dumps.
extension CellGrid {
    /// The characters of every row, rows joined by newlines, trailing spaces kept so that the
    /// layout is exact. A wide character is written once (its continuation cell adds nothing).
    public var text: String {
        (0..<size.rows).map { rowText($0) }.joined(separator: "\n")
    }

    public func rowText(_ row: Int) -> String {
        self.row(row).map(\.text).joined()
    }

    /// One character a cell naming its role, from `legend` (roles not in it are `?`): a mask
    /// that shows where each role is without colours.
    public func roleMask(_ legend: [Role: Character]) -> String {
        (0..<size.rows).map { y in
            String(row(y).map { legend[$0.role] ?? "?" })
        }.joined(separator: "\n")
    }
}
