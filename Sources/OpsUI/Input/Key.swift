/// A key press as the UI sees it, whatever terminal produced it. The backend decodes terminal
/// input into these; the keymap turns them into intents.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Control plus a letter: `.control("c")` is Ctrl-C.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size (not a key, but it arrives with them).
    case resize

    /// How the help overlay and the README write the key: `j`, `Ctrl-D`, `PgDn`, `Esc`.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + String(c).uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        }
    }

    /// The label in plain ASCII, for terminals whose locale cannot show arrows.
    public var asciiLabel: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: label
        }
    }
}
