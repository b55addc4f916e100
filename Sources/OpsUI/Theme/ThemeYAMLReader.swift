import OpsCore

/// Turns the YAML of a theme file into a `ThemeDocument`, refusing anything it does not know
/// (keys, roles, colours, types) with the line and column and what was expected, so a typo
/// never silently leaves a role unstyled.
struct ThemeYAMLReader {
    let file: String

    static let topLevelKeys = ["name", "palette", "roles"]
    static let styleKeys = ["fg", "bg", "bold", "dim", "underline", "reverse"]
    static let roleNames = Role.allCases.map(\.rawValue)

    func document(from yaml: String) throws -> ThemeDocument {
        let document = YAMLDocument.read(yaml)
        if let problem = document.problems.first {
            throw ThemeError(file: file, line: problem.position.line, column: problem.position.column,
                             message: problem.message(quote: "'"))
        }
        guard let root = document.root else {
            throw ThemeError(file: file, line: 1, column: 1,
                             message: "the file is empty; expected a map with the keys name, palette and roles")
        }
        let top = try mapping(root, expected: "a map with the keys name, palette and roles")
        var name = ThemeDocument.defaultName(forFile: file)
        var palette: [String: ThemeColor] = [:]
        var rolesNode: YAMLNode?
        for entry in top {
            let (key, value) = (entry.key, entry.value)
            switch try keyText(key) {
            case "name": name = try themeName(value)
            case "palette": palette = try readPalette(value)
            case "roles": rolesNode = value
            case let other: throw unknownKey(other, at: key, expected: Self.topLevelKeys, in: "a theme")
            }
        }
        // Roles refer to the palette, so they are read once it is complete, wherever they stand.
        let styles = try rolesNode.map { try readRoles($0, palette: palette) } ?? [:]
        return ThemeDocument(name: name, styles: styles)
    }

    // MARK: - Sections

    private func themeName(_ node: YAMLNode) throws -> String {
        guard let name = node.text, !name.isEmpty else {
            throw error(at: node, "expected a theme name, found \(describe(node))")
        }
        // The name is shown on the status bar: control characters must never reach the terminal.
        guard !name.unicodeScalars.contains(where: Self.isControl) else {
            throw error(at: node, "expected a theme name without control characters")
        }
        return name
    }

    private func readPalette(_ node: YAMLNode) throws -> [String: ThemeColor] {
        var palette: [String: ThemeColor] = [:]
        for entry in try mapping(node, expected: "a map of colour names to colours") {
            let (key, value) = (entry.key, entry.value)
            let name = try keyText(key)
            if name == "default" || name.hasPrefix("#") || Int(name) != nil {
                throw error(at: key, "'\(Self.quoted(name))' cannot name a palette colour: it reads as a colour itself")
            }
            // Earlier entries may be used by later ones (`accent: blue2`), not the other way round.
            palette[name] = try colour(value, palette: palette)
        }
        return palette
    }

    private func readRoles(_ node: YAMLNode, palette: [String: ThemeColor]) throws -> [Role: RoleStyle] {
        var styles: [Role: RoleStyle] = [:]
        for entry in try mapping(node, expected: "a map of role names to styles") {
            let (key, value) = (entry.key, entry.value)
            let name = try keyText(key)
            guard let role = Role(rawValue: name) else {
                throw unknownKey(name, at: key, expected: Self.roleNames, in: "roles")
            }
            styles[role] = try readStyle(value, role: role, palette: palette)
        }
        return styles
    }

    private func readStyle(_ node: YAMLNode, role: Role, palette: [String: ThemeColor]) throws -> RoleStyle {
        var style = RoleStyle.plain
        let expected = "a style for \(role.rawValue) (a map of " + Self.styleKeys.joined(separator: ", ") + ")"
        for entry in try mapping(node, expected: expected) {
            let (key, value) = (entry.key, entry.value)
            switch try keyText(key) {
            case "fg": style.foreground = try colour(value, palette: palette)
            case "bg": style.background = try colour(value, palette: palette)
            case "bold": style.bold = try flag(value, key: "bold")
            case "dim": style.dim = try flag(value, key: "dim")
            case "underline": style.underline = try flag(value, key: "underline")
            case "reverse": style.reverse = try flag(value, key: "reverse")
            case let other: throw unknownKey(other, at: key, expected: Self.styleKeys, in: "a style")
            }
        }
        return style
    }

    // MARK: - Values

    private func colour(_ node: YAMLNode, palette: [String: ThemeColor]) throws -> ThemeColor {
        guard let text = node.text, !text.isEmpty else {
            throw error(at: node, "expected a colour, found \(describe(node))")
        }
        // Palette names first: a palette may redefine `red` to the shade this theme wants.
        if let named = palette[text] { return named }
        if let literal = ThemeColor.literal(text) { return literal }
        var expected = ThemeColor.literalForms
        if !palette.isEmpty {
            expected = "a palette name (" + palette.keys.sorted().joined(separator: ", ") + "), " + expected
        }
        throw error(at: node, "unknown colour '\(Self.quoted(text))'; expected \(expected)")
    }

    private func flag(_ node: YAMLNode, key: String) throws -> Bool {
        guard let value = node.bool else {
            throw error(at: node, "expected true or false for \(key), found \(describe(node))")
        }
        return value
    }

    private func mapping(_ node: YAMLNode, expected: String) throws -> [YAMLEntry] {
        guard let entries = node.entries else {
            throw error(at: node, "expected \(expected), found \(describe(node))")
        }
        return entries
    }

    private func keyText(_ node: YAMLNode) throws -> String {
        guard let scalar = node.scalar else {
            throw error(at: node, "expected a plain key, found \(describe(node))")
        }
        return scalar.text
    }

    // MARK: - Errors

    private func unknownKey(_ name: String, at node: YAMLNode, expected: [String], in place: String) -> ThemeError {
        var message = place == "roles"
            ? "unknown role '\(Self.quoted(name))'" : "unknown key '\(Self.quoted(name))' in \(place)"
        if let guess = NameSuggestion.closest(to: name, among: expected) {
            message += " (did you mean '\(guess)'?)"
        }
        return error(at: node, message + "; expected one of: " + expected.joined(separator: ", "))
    }

    private func error(at node: YAMLNode, _ message: String) -> ThemeError {
        ThemeError(file: file, line: node.position.line, column: node.position.column, message: message)
    }

    /// How a value that was not wanted looks, for "found ..." in messages.
    private func describe(_ node: YAMLNode) -> String { node.describe(quote: "'") }

    /// Text from the file as it may appear in a message: short, and with no control characters
    /// (messages end up on the status bar).
    static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(40) {
            out.append(isControl(scalar) ? "?" : scalar)
        }
        return String(out) + (text.unicodeScalars.count > 40 ? "..." : "")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { YAMLText.isControl(scalar) }
}
