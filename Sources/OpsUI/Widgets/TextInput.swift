/// What a key did to a `TextInput`.
public enum TextInputEvent: Equatable, Sendable {
    /// The key was the input's: its text or cursor may have changed, redraw it.
    case edited
    /// Enter: the text as it stands.
    case submitted(String)
    /// Escape: the caller closes the input.
    case cancelled
    /// Not an editing key (arrows up/down, Tab, function keys...): the caller may use it.
    case ignored
}

/// A one-line text field (search, filter, command line) with readline's basic keys. A value:
/// it lives in the app state and is edited by the reducer.
public struct TextInput: Hashable, Sendable {
    /// The text typed so far, as characters so the cursor moves by whole grapheme clusters.
    public private(set) var characters: [Character]
    /// Where the next character goes, in characters from the start (0...characters.count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// Applies one key. Keys: printable characters insert; Backspace / Ctrl-H and Delete / Ctrl-D
    /// erase; ←/→ (Ctrl-B/Ctrl-F), Home/End (Ctrl-A/Ctrl-E) move; Ctrl-U erases to the start,
    /// Ctrl-K to the end, Ctrl-W the word before the cursor (and the spaces after it); Enter
    /// submits; Escape cancels. A control character arriving as `.character` is ignored, so it
    /// can never reach the screen.
    public mutating func handle(_ key: Key) -> TextInputEvent {
        switch key {
        case .character(let character):
            guard isInsertable(character) else { return .ignored }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace, .control("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"): characters.removeSubrange(cursor...)
        case .control("w"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .enter: return .submitted(text)
        case .escape: return .cancelled
        default: return .ignored
        }
        return .edited
    }

    /// Draws `prompt` then the text from `column` across `width` columns in the `input` role, and
    /// returns the cursor's screen column. The text scrolls horizontally by display width so the
    /// cursor (and the whole character under it) stays visible; the prompt is left out when it
    /// would leave no column for the text.
    @discardableResult
    public func draw(into grid: inout CellGrid, row: Int, column: Int, width: Int, prompt: String) -> Int {
        guard width > 0 else { return column }
        let area = Rect(column: column, row: row, columns: width, rows: 1)
        grid.fill(area, with: Cell(" ", .input))
        let layout = layout(width: width, prompt: prompt)
        if layout.showsPrompt { grid.put(prompt, row: row, column: column, role: .input, clip: area) }
        let visible = String(characters[layout.firstVisible...])
        grid.put(visible, row: row, column: column + layout.textColumn, role: .input, clip: area)
        return column + layout.cursorColumn
    }

    /// The screen column `draw` puts the cursor on, for the backend to place the terminal cursor.
    public func cursorColumn(column: Int, width: Int, prompt: String) -> Int {
        guard width > 0 else { return column }
        return column + layout(width: width, prompt: prompt).cursorColumn
    }

    // MARK: - Layout

    private struct Layout {
        var showsPrompt: Bool
        /// Columns from the start of the field where the text begins.
        var textColumn: Int
        /// The first character drawn.
        var firstVisible: Int
        /// Columns from the start of the field to the cursor.
        var cursorColumn: Int
    }

    private func layout(width: Int, prompt: String) -> Layout {
        let promptWidth = DisplayWidth.of(prompt)
        let showsPrompt = promptWidth < width
        let textColumn = showsPrompt ? promptWidth : 0
        let room = width - textColumn
        // The cursor needs the cells of the character under it (one at the end of the text).
        let cursorCells = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        var first = cursor
        var before = 0
        while first > 0 {
            let width = DisplayWidth.of(characters[first - 1])
            guard before + width + cursorCells <= room else { break }
            before += width
            first -= 1
        }
        return Layout(showsPrompt: showsPrompt, textColumn: textColumn, firstVisible: first,
                      cursorColumn: min(width - 1, textColumn + before))
    }

    // MARK: - Editing helpers

    private func isInsertable(_ character: Character) -> Bool {
        !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Where Ctrl-W stops: back over spaces, then back over the word before them.
    private func wordStart(before index: Int) -> Int {
        var start = index
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }
}
