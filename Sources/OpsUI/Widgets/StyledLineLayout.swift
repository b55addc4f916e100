/// Cutting styled lines by display columns: the shared arithmetic of every widget that draws text
/// in a limited width. Works a character at a time and never splits a wide character.
enum StyledLineLayout {
    /// The line cut to `columns`: unchanged when it fits, else the longest head that leaves one
    /// column for a trailing `…` (drawn in the role of the span it cuts).
    static func clipped(_ line: StyledLine, to columns: Int) -> StyledLine {
        guard columns > 0 else { return [] }
        if DisplayWidth.of(line.plainText) <= columns { return line }
        var result: StyledLine = []
        var used = 0
        var lastRole = line.first?.role ?? .text
        for span in line {
            let fitted = DisplayWidth.prefix(span.text, fittingIn: columns - 1 - used)
            if !fitted.text.isEmpty { result.append(StyledSpan(String(fitted.text), span.role)) }
            used += fitted.width
            lastRole = span.role
            if fitted.text.endIndex < span.text.endIndex { break }
        }
        result.append(StyledSpan("…", lastRole))
        return result
    }

    /// Plain text cut to `columns` with a trailing `…` when it does not fit (no padding).
    static func clipped(_ text: String, to columns: Int) -> String {
        clipped([StyledSpan(text, .text)], to: columns).plainText
    }

    /// The line with its first `columns` display columns removed. A wide character cut in half by
    /// the edge becomes a space, so what follows stays in its column.
    static func droppingColumns(_ line: StyledLine, _ columns: Int) -> StyledLine {
        guard columns > 0 else { return line }
        var skipped = 0
        var result: StyledLine = []
        for span in line {
            if skipped >= columns { result.append(span); continue }
            var kept = ""
            for character in span.text {
                if skipped >= columns { kept.append(character); continue }
                skipped += DisplayWidth.of(character)
                if skipped > columns { kept.append(" ") } // the right half of a wide character
            }
            if !kept.isEmpty { result.append(StyledSpan(kept, span.role)) }
        }
        return result
    }

    /// The line broken into screen rows: the first `firstWidth` wide, the others `nextWidth` wide,
    /// at most `maxRows` of them (the rest is never looked at, so a huge line costs only what
    /// shows). A wide character that would straddle a row's end moves to the next row.
    static func wrapped(_ line: StyledLine, firstWidth: Int, nextWidth: Int, maxRows: Int) -> [StyledLine] {
        guard maxRows > 0 else { return [] }
        var rows: [StyledLine] = [[]]
        var used = 0
        var limit = max(1, firstWidth)
        for span in line {
            var piece = ""
            for character in span.text {
                let width = DisplayWidth.of(character)
                if used + width > limit, used > 0 {
                    if !piece.isEmpty { rows[rows.count - 1].append(StyledSpan(piece, span.role)) }
                    if rows.count == maxRows { return rows }
                    rows.append([])
                    piece = ""
                    used = 0
                    limit = max(1, nextWidth)
                }
                piece.append(character)
                used += width
            }
            if !piece.isEmpty { rows[rows.count - 1].append(StyledSpan(piece, span.role)) }
        }
        return rows
    }

    /// Every span in `from` redrawn in `to`: plain text sitting on a bar or dialog takes the
    /// bar's background role.
    static func replacingRole(_ line: StyledLine, _ from: Role, with to: Role) -> StyledLine {
        line.map { $0.role == from ? StyledSpan($0.text, to) : $0 }
    }

    /// Every span in `role`, except those in a role listed in `keeping`.
    static func recoloured(_ line: StyledLine, to role: Role, keeping: Set<Role>) -> StyledLine {
        line.map { keeping.contains($0.role) ? $0 : StyledSpan($0.text, role) }
    }

    /// The line with every case-insensitive occurrence of `needle` in the `searchMatch` role.
    /// Occurrences may cross span boundaries; they do not overlap.
    static func highlighting(_ line: StyledLine, _ needle: String) -> StyledLine {
        let pattern = needle.map(foldedCase)
        guard !pattern.isEmpty else { return line }
        // One entry a character: its text, role, and whether a match covers it.
        var characters: [(character: Character, role: Role)] = []
        for span in line { for character in span.text { characters.append((character, span.role)) } }
        guard characters.count >= pattern.count else { return line }
        var matched = [Bool](repeating: false, count: characters.count)
        var found = false
        var start = 0
        while start + pattern.count <= characters.count {
            var length = 0
            while length < pattern.count, foldedCase(characters[start + length].character) == pattern[length] {
                length += 1
            }
            if length == pattern.count {
                for index in start..<start + length { matched[index] = true }
                found = true
                start += length
            } else {
                start += 1
            }
        }
        guard found else { return line }
        var result: StyledLine = []
        for (index, entry) in characters.enumerated() {
            let role = matched[index] ? Role.searchMatch : entry.role
            if let last = result.last, last.role == role {
                result[result.count - 1].text.append(entry.character)
            } else {
                result.append(StyledSpan(String(entry.character), role))
            }
        }
        return result
    }

    /// A character in a form that compares equal regardless of case (ASCII without allocating).
    private static func foldedCase(_ character: Character) -> String {
        if let ascii = character.asciiValue {
            let lower = ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii
            return String(UnicodeScalar(lower))
        }
        return character.lowercased()
    }
}
