import Yams

/// Turns the YAML of a theme file into a `ThemeDocument`, refusing anything it does not know
/// (keys, roles, colours, types) with the line and column and what was expected, so a typo
/// never silently leaves a role unstyled.
struct ThemeYAMLReader {
    let file: String

    static let topLevelKeys = ["name", "palette", "roles"]
    static let styleKeys = ["fg", "bg", "bold", "dim", "underline", "reverse"]
    static let roleNames = Role.allCases.map(\.rawValue)

    func document(from yaml: String) throws -> ThemeDocument {
        guard let root = try compose(yaml) else {
            throw ThemeError(file: file, line: 1, column: 1,
                             message: "the file is empty; expected a map with the keys name, palette and roles")
        }
        let top = try mapping(root, expected: "a map with the keys name, palette and roles")
        var name = ThemeDocument.defaultName(forFile: file)
        var palette: [String: ThemeColor] = [:]
        var rolesNode: Node?
        for (key, value) in top {
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

    private func themeName(_ node: Node) throws -> String {
        guard case let .scalar(scalar) = node, !scalar.string.isEmpty else {
            throw error(at: node, "expected a theme name, found \(describe(node))")
        }
        // The name is shown on the status bar: control characters must never reach the terminal.
        guard !scalar.string.unicodeScalars.contains(where: Self.isControl) else {
            throw error(at: node, "expected a theme name without control characters")
        }
        return scalar.string
    }

    private func readPalette(_ node: Node) throws -> [String: ThemeColor] {
        var palette: [String: ThemeColor] = [:]
        for (key, value) in try mapping(node, expected: "a map of colour names to colours") {
            let name = try keyText(key)
            if name == "default" || name.hasPrefix("#") || Int(name) != nil {
                throw error(at: key, "'\(Self.quoted(name))' cannot name a palette colour: it reads as a colour itself")
            }
            // Earlier entries may be used by later ones (`accent: blue2`), not the other way round.
            palette[name] = try colour(value, palette: palette)
        }
        return palette
    }

    private func readRoles(_ node: Node, palette: [String: ThemeColor]) throws -> [Role: RoleStyle] {
        var styles: [Role: RoleStyle] = [:]
        for (key, value) in try mapping(node, expected: "a map of role names to styles") {
            let name = try keyText(key)
            guard let role = Role(rawValue: name) else {
                throw unknownKey(name, at: key, expected: Self.roleNames, in: "roles")
            }
            styles[role] = try readStyle(value, role: role, palette: palette)
        }
        return styles
    }

    private func readStyle(_ node: Node, role: Role, palette: [String: ThemeColor]) throws -> RoleStyle {
        var style = RoleStyle.plain
        let expected = "a style for \(role.rawValue) (a map of " + Self.styleKeys.joined(separator: ", ") + ")"
        for (key, value) in try mapping(node, expected: expected) {
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

    private func colour(_ node: Node, palette: [String: ThemeColor]) throws -> ThemeColor {
        guard case let .scalar(scalar) = node, !scalar.string.isEmpty else {
            throw error(at: node, "expected a colour, found \(describe(node))")
        }
        // Palette names first: a palette may redefine `red` to the shade this theme wants.
        if let named = palette[scalar.string] { return named }
        if let literal = ThemeColor.literal(scalar.string) { return literal }
        var expected = ThemeColor.literalForms
        if !palette.isEmpty {
            expected = "a palette name (" + palette.keys.sorted().joined(separator: ", ") + "), " + expected
        }
        throw error(at: node, "unknown colour '\(Self.quoted(scalar.string))'; expected \(expected)")
    }

    private func flag(_ node: Node, key: String) throws -> Bool {
        guard let value = node.bool else {
            throw error(at: node, "expected true or false for \(key), found \(describe(node))")
        }
        return value
    }

    private func mapping(_ node: Node, expected: String) throws -> Node.Mapping {
        guard case let .mapping(mapping) = node else {
            throw error(at: node, "expected \(expected), found \(describe(node))")
        }
        return mapping
    }

    private func keyText(_ node: Node) throws -> String {
        guard case let .scalar(scalar) = node else {
            throw error(at: node, "expected a plain key, found \(describe(node))")
        }
        return scalar.string
    }

    // MARK: - Errors

    private func compose(_ yaml: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            throw translate(yamlError, yaml: yaml)
        }
    }

    private func translate(_ yamlError: YamlError, yaml: String) -> ThemeError {
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ThemeError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\(Self.quoted($0))'" }.joined(separator: ", ")
            return ThemeError(file: file, line: context.mark.line, column: context.mark.column,
                              message: "a key appears twice in one map: \(keys)")
        case let .reader(problem, offset, _, _):
            let (line, column) = Self.lineAndColumn(ofByte: offset ?? 0, in: yaml)
            return ThemeError(file: file, line: line, column: column, message: "not valid YAML: \(problem)")
        default:
            return ThemeError(file: file, line: 1, column: 1, message: "not valid YAML: \(yamlError)")
        }
    }

    private func unknownKey(_ name: String, at node: Node, expected: [String], in place: String) -> ThemeError {
        var message = place == "roles"
            ? "unknown role '\(Self.quoted(name))'" : "unknown key '\(Self.quoted(name))' in \(place)"
        if let guess = NameSuggestion.closest(to: name, among: expected) {
            message += " (did you mean '\(guess)'?)"
        }
        return error(at: node, message + "; expected one of: " + expected.joined(separator: ", "))
    }

    private func error(at node: Node, _ message: String) -> ThemeError {
        ThemeError(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    /// How a value that was not wanted looks, for "found ..." in messages.
    private func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar) where Self.isNull(scalar): "nothing"
        case let .scalar(scalar): "'\(Self.quoted(scalar.string))'"
        case .mapping: "a map"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.string.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string))
    }

    /// Text from the file as it may appear in a message: short, and with no control characters
    /// (messages end up on the status bar).
    static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(40) {
            out.append(isControl(scalar) ? "?" : scalar)
        }
        return String(out) + (text.unicodeScalars.count > 40 ? "..." : "")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func lineAndColumn(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
