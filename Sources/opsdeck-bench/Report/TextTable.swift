/// A plain-text table as the bench prints them: the first column left-aligned, the figures between
/// right-aligned, the last column (notes) free text; a rule under the header row.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first, header.count >= 2 else { return rows.map { $0.joined(separator: "  ") + "\n" }.joined() }
        let last = header.count - 1
        let widths = (0..<last).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        var text = ""
        for (index, cells) in rows.enumerated() {
            func cell(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
            var line = cell(0).padding(toLength: widths[0])
            for column in 1..<last { line += "  " + cell(column).leftPadding(toLength: widths[column]) }
            line += "  " + cell(last)
            text += line.trimmingTrailingSpaces() + "\n"
            if index == 0 { text += String(repeating: "-", count: widths.reduce(0, +) + 2 * widths.count + 5) + "\n" }
        }
        return text
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    func leftPadding(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }

    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
