import Foundation

/// The hidden `--command` option's argv template: split like a shell would split words (no
/// expansion, no pipes), `{file}` replaced by the log file's path.
enum CommandTemplate {
    static let filePlaceholder = "{file}"

    /// Words separated by blanks; `'…'` and `"…"` group, a backslash outside single quotes
    /// escapes the next character.
    static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                word.append(character); escaped = false; inWord = true
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character; inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(character); inWord = true
            }
        }
        guard quote == nil, !escaped else { throw BenchError("--command: unterminated quote or escape in '\(text)'") }
        if inWord { words.append(word) }
        guard !words.isEmpty else { throw BenchError("--command needs a command") }
        return words
    }

    /// The argv to run on `file`: every `{file}` replaced, or the file appended when the template
    /// names no place for it.
    static func expand(_ template: [String], file: String) -> [String] {
        guard template.contains(where: { $0.contains(filePlaceholder) }) else { return template + [file] }
        return template.map { $0.replacingOccurrences(of: filePlaceholder, with: file) }
    }
}
