/// Makes attacker-controlled text safe to draw on a terminal while keeping it visible.
///
/// Log lines, event messages, names and labels can carry escape sequences that recolour the
/// screen, move the cursor to forge earlier lines, set the window title, write the clipboard
/// (OSC 52) or make the terminal answer queries into the shell (kubectl CVE-2021-25743,
/// moby/moby#36175). Nothing is ever dropped silently: every dangerous scalar becomes printable
/// text, so a whole escape sequence turns into inert, readable characters.
///
/// The visible notation, applied everywhere:
///
/// | Input                                   | Shown as                         |
/// |-----------------------------------------|----------------------------------|
/// | ESC (0x1B)                              | `\e` (so `ESC[31m` reads `\e[31m`) |
/// | other C0 controls, DEL (0x7F)           | `\x07`, `\x00`, `\x0d`, `\x7f` (lower-case hex) |
/// | LF when `multiline` is false            | `\n`                             |
/// | LF when `multiline` is true             | kept                             |
/// | TAB                                     | spaces up to the next tab stop   |
/// | C1 controls U+0080-U+009F               | `\u{9b}` (Swift literal style, lower-case hex) |
/// | bidi, zero-width, invisible format characters, U+2028/U+2029 | `<U+202E>` (upper-case hex, at least 4 digits) |
/// | invalid UTF-8 (byte input only)         | U+FFFD, one per maximal ill-formed subpart |
///
/// Every escape form is printable ASCII, so sanitising is idempotent and its output never
/// needs sanitising again. The notation is not reversible: a log that literally contains the
/// text `\e[31m` looks the same as one that contained ESC; `needsSanitising` tells a view
/// whether to show a "content was escaped" indicator. Backslashes are not doubled because
/// Windows paths and JSON escapes in logs would become unreadable.
///
/// Tab stops are counted in Unicode scalars from the start of the current line (the start of
/// the text, or the last kept LF in multiline mode). That is exact for the indentation of stack
/// traces; for wide or combining characters before a tab the column is approximate, because
/// display widths belong to the renderer. `tabWidth` is clamped to 1...64 so a tab never
/// disappears and one byte cannot expand without bound.
public enum Sanitiser {
    /// The text made safe to display. Returns `text` itself, without allocating, when nothing
    /// needs escaping (the common case: printable ASCII or ordinary Unicode text).
    public static func sanitise(_ text: String, multiline: Bool = false, tabWidth: Int = 4) -> String {
        withUTF8Bytes(of: text) { bytes -> String? in
            guard let firstUnsafe = firstUnsafeOffset(in: bytes, from: 0, multiline: multiline) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count &+ 16)
            appendEscaped(bytes, firstUnsafe: firstUnsafe, multiline: multiline, tabWidth: tabWidth, into: &output)
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// Raw bytes (possibly invalid UTF-8) made safe to display, as a `String`.
    public static func sanitise(_ bytes: UnsafeBufferPointer<UInt8>, multiline: Bool = false,
                                tabWidth: Int = 4) -> String {
        guard let firstUnsafe = firstUnsafeOffset(in: bytes, from: 0, multiline: multiline) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count &+ 16)
        appendEscaped(bytes, firstUnsafe: firstUnsafe, multiline: multiline, tabWidth: tabWidth, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the sanitised form of raw bytes to `output`, which the pipeline can reuse
    /// between lines. The appended bytes are always valid UTF-8.
    public static func sanitise(_ bytes: UnsafeBufferPointer<UInt8>, multiline: Bool = false, tabWidth: Int = 4,
                                into output: inout [UInt8]) {
        guard let firstUnsafe = firstUnsafeOffset(in: bytes, from: 0, multiline: multiline) else {
            output.append(contentsOf: bytes)
            return
        }
        appendEscaped(bytes, firstUnsafe: firstUnsafe, multiline: multiline, tabWidth: tabWidth, into: &output)
    }

    /// Whether `sanitise` would change the text; a view uses it to mark escaped content.
    public static func needsSanitising(_ text: String, multiline: Bool = false) -> Bool {
        withUTF8Bytes(of: text) { firstUnsafeOffset(in: $0, from: 0, multiline: multiline) != nil }
    }

    /// Whether `sanitise` would change the bytes (invalid UTF-8 counts as needing it).
    public static func needsSanitising(_ bytes: UnsafeBufferPointer<UInt8>, multiline: Bool = false) -> Bool {
        firstUnsafeOffset(in: bytes, from: 0, multiline: multiline) != nil
    }
}
