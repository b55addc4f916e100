import CNcurses
import OpsUI

extension CursesTerminal {
    /// Writes the changed cells into curses' screen (sent on `refresh()`). Each stretch of one
    /// role is written with that role's attributes and colour pair; the continuation half of a
    /// wide character is skipped, as the character already took both columns.
    public func draw(_ runs: [CellRun], style: (Role) -> RoleStyle) {
        guard !isRestored else { return }
        let window = cn_stdscr()
        var looks: [Role: (attributes: attr_t, pair: Int16)] = [:]
        for run in runs {
            let cells = run.cells
            var start = 0
            while start < cells.count {
                let role = cells[start].role
                var end = start
                textBytes.removeAll(keepingCapacity: true)
                // A continuation belongs with its character whatever its role says: starting a
                // new stretch there would move into the middle of the wide character.
                while end < cells.count, end == start || cells[end].role == role || cells[end].isContinuation {
                    appendText(of: cells[end])
                    end += 1
                }
                let look = looks[role] ?? cursesLook(style(role))
                looks[role] = look
                cn_wattr_set(window, look.attributes, Int32(look.pair))
                wmove(window, Int32(clamping: run.row), Int32(clamping: run.column + start))
                textBytes.withUnsafeBufferPointer { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        _ = waddnstr(window, chars.baseAddress, Int32(clamping: chars.count))
                    }
                }
                start = end
            }
        }
        cn_wattr_set(window, cn_a_normal(), 0)
    }

    /// A cell's UTF-8 without control bytes (cells are sanitised; this is the last line of
    /// defence against a byte moving the cursor). A cell left empty by that is a space, so
    /// the columns after it stay where the grid put them.
    private func appendText(of cell: Cell) {
        // Without a UTF-8 locale curses would send each byte of a character as a character of its
        // own, and every column after it would move: anything not ASCII is a `?` a column, the
        // second half of a wide character included.
        if cell.isContinuation {
            if !isUTF8 { textBytes.append(UInt8(ascii: "?")) }
            return
        }
        let before = textBytes.count
        cell.appendUTF8(to: &textBytes)
        if !isUTF8, textBytes[before...].contains(where: { $0 >= 0x80 }) {
            // The ellipsis that marks cut text reads as `~`, as it does in ASCII-only tools.
            let isEllipsis = textBytes[before...].elementsEqual([0xE2, 0x80, 0xA6])
            textBytes.removeLast(textBytes.count - before)
            textBytes.append(UInt8(ascii: isEllipsis ? "~" : "?"))
            return
        }
        var kept = before
        for index in before..<textBytes.count where textBytes[index] >= 0x20 && textBytes[index] != 0x7F {
            textBytes[kept] = textBytes[index]
            kept += 1
        }
        textBytes.removeLast(textBytes.count - kept)
        if kept == before { textBytes.append(UInt8(ascii: " ")) }
    }

    private func cursesLook(_ style: RoleStyle) -> (attributes: attr_t, pair: Int16) {
        var attributes = cn_a_normal()
        if style.bold { attributes |= cn_a_bold() }
        if style.dim { attributes |= cn_a_dim() }
        if style.underline { attributes |= cn_a_underline() }
        if style.reverse { attributes |= cn_a_reverse() }
        guard colorDepth > .none else { return (attributes, 0) }
        var foreground = CursesColorMapping.colorNumber(style.foreground, depth: colorDepth)
        var background = CursesColorMapping.colorNumber(style.background, depth: colorDepth)
        // Without use_default_colors, -1 is no colour: use curses' own defaults.
        if !defaultColorsWork {
            if foreground < 0 { foreground = 7 }
            if background < 0 { background = 0 }
        }
        let pair = colorPairs.pair(foreground: foreground, background: background) { pair, fg, bg in
            init_pair(pair, fg, bg) != ERR
        }
        return (attributes, pair)
    }
}
