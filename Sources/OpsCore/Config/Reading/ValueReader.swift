import Foundation

/// Reads typed values out of nodes, logging `expected ... for KEY in PLACE, found ...` for
/// anything of the wrong type or out of range. Every method returns nil after logging.
struct ValueReader {
    let log: IssueLog

    /// `expected WHAT for LABEL, found ...`, then `; HINT` when there is one.
    func expected(_ what: String, for label: String, found node: YAMLNode, hint: String? = nil) {
        let tail = hint.map { "; \($0)" } ?? ""
        log.report("expected \(what) for \(label), found \(node.describe(quote: "\""))\(tail)", at: node.position)
    }

    /// Non-empty text. Numbers are text too (`namespace: 2024`); true, false and null are not.
    func text(_ node: YAMLNode, for label: String, what: String = "text") -> String? {
        guard let scalar = node.scalar, !scalar.isNull, scalar.bool == nil, !scalar.text.isEmpty else {
            expected(what, for: label, found: node)
            return nil
        }
        return scalar.text
    }

    func bool(_ node: YAMLNode, for label: String) -> Bool? {
        guard let value = node.bool else {
            expected("true or false", for: label, found: node)
            return nil
        }
        return value
    }

    /// A whole number in `range`.
    func integer(_ node: YAMLNode, for label: String, in range: ClosedRange<Int>, what: String = "a whole number") -> Int? {
        guard let value = node.scalar?.integer, range.contains(value) else {
            expected("\(what) from \(range.lowerBound) to \(range.upperBound)", for: label, found: node)
            return nil
        }
        return value
    }

    /// A finite number.
    func number(_ node: YAMLNode, for label: String) -> Double? {
        guard let value = node.scalar?.number else {
            expected("a number", for: label, found: node)
            return nil
        }
        return value
    }

    func duration(_ node: YAMLNode, for label: String) -> Duration? {
        guard let scalar = node.scalar, let value = ConfigDuration.parse(scalar.text) else {
            let unit = node.scalar?.integer != nil ? "a number needs a unit, " : ""
            expected("a duration", for: label, found: node,
                     hint: unit + "e.g. 500ms, 30s, 1m or 1h30m (at most 24h)")
            return nil
        }
        return value
    }

    /// A list of non-empty text items; `allowEmpty` accepts `[]`.
    func textList(_ node: YAMLNode, for label: String, allowEmpty: Bool = false) -> [String]? {
        guard let items = node.items, allowEmpty || !items.isEmpty else {
            expected(allowEmpty ? "a list of text" : "a list of text with at least one item", for: label, found: node)
            return nil
        }
        var values: [String] = []
        var valid = true
        for (index, item) in items.enumerated() {
            if let value = text(item, for: "item \(index + 1) of \(label)") { values.append(value) } else { valid = false }
        }
        return valid ? values : nil
    }

    /// A map of text to text, in file order, with where each key is.
    func textMap(_ node: YAMLNode, for label: String) -> [(key: String, value: String, position: YAMLPosition)]? {
        guard let entries = node.entries else {
            expected("a map of names to text", for: label, found: node)
            return nil
        }
        var pairs: [(key: String, value: String, position: YAMLPosition)] = []
        var valid = true
        for entry in entries {
            guard let key = KeyedMap.keyText(of: entry, place: label, log: log),
                  let value = text(entry.value, for: "\(YAMLText.quoted(key)) in \(label)") else {
                valid = false
                continue
            }
            pairs.append((key, value, entry.key.position))
        }
        return valid ? pairs : nil
    }

    /// An http or https URL with a host and no credentials in it.
    func url(_ node: YAMLNode, for label: String) -> String? {
        guard let text = text(node, for: label, what: "an http or https URL") else { return nil }
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            expected("an http or https URL", for: label, found: node, hint: "e.g. https://api.example.com")
            return nil
        }
        guard components.password == nil, components.user == nil else {
            // The value is not repeated: it holds a password.
            log.report("the URL for \(label) holds a user name or password; secrets do not belong in this file",
                       at: node.position)
            return nil
        }
        return text
    }

    /// The name of an environment variable, for settings that must not hold the secret itself.
    func environmentVariableName(_ node: YAMLNode, for label: String) -> String? {
        guard let scalar = node.scalar, !scalar.isNull, Self.isVariableName(scalar.text) else {
            // Never echoed: a value that is not a variable name may be the secret itself.
            let found = node.scalar == nil || node.isNull ? node.describe(quote: "\"") : "a value that is not one (not shown: it may be the secret itself)"
            log.report("expected the name of an environment variable (letters, digits and _, such as PROMETHEUS_TOKEN) for \(label), found \(found)",
                       at: node.position)
            return nil
        }
        return scalar.text
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !ASCII.isDigit(first) else { return false }
        return text.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }
}
