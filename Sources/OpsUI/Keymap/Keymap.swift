/// One row of a keymap: the keys, what they do, and how help describes them. Dangerous intents
/// (deploy, promote, roll back) always confirm and vanish in read-only mode.
public struct KeyBinding<Intent: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var intent: Intent
    public var section: String
    public var summary: String
    public var dangerous: Bool

    public init(_ keys: [Key], _ intent: Intent, section: String, _ summary: String, dangerous: Bool = false) {
        self.keys = keys
        self.intent = intent
        self.section = section
        self.summary = summary
        self.dangerous = dangerous
    }
}

/// The one table that drives key dispatch, the help overlay and the README's key list, so the
/// three can never disagree.
public struct Keymap<Intent: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<Intent>]
    private let byKey: [Key: Intent]

    public init(_ bindings: [KeyBinding<Intent>]) {
        var byKey: [Key: Intent] = [:]
        for binding in bindings {
            for key in binding.keys {
                precondition(byKey[key] == nil, "\(key.label) is bound twice")
                byKey[key] = binding.intent
            }
        }
        self.bindings = bindings
        self.byKey = byKey
    }

    public func intent(for key: Key) -> Intent? { byKey[key] }

    /// The bindings to offer: without the dangerous ones when `readOnly`.
    public func available(readOnly: Bool) -> [KeyBinding<Intent>] {
        bindings.filter { !(readOnly && $0.dangerous) }
    }

    /// Sections in table order, each with `keys / summary` rows, for the help overlay; `ascii`
    /// names the arrow keys in words.
    public func helpSections(readOnly: Bool = false, ascii: Bool = false)
        -> [(title: String, rows: [(keys: String, description: String)])] {
        var sections: [(title: String, rows: [(keys: String, description: String)])] = []
        for binding in available(readOnly: readOnly) {
            let labels = binding.keys.map { ascii ? $0.asciiLabel : $0.label }
            let row = (keys: labels.joined(separator: " "), description: binding.summary)
            if let i = sections.firstIndex(where: { $0.title == binding.section }) {
                sections[i].rows.append(row)
            } else {
                sections.append((binding.section, [row]))
            }
        }
        return sections
    }

    /// The key list as a Markdown table, for the README.
    public func markdownTable() -> String {
        var out = "| keys | action |\n|---|---|\n"
        for section in helpSections() {
            out += "| **\(section.title)** | |\n"
            for row in section.rows {
                let keys = row.keys.split(separator: " ").map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")
                out += "| \(keys) | \(row.description) |\n"
            }
        }
        return out
    }
}
