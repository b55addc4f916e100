/// Where something starts in a YAML text: 1-based line and column, columns counted in Unicode
/// scalars (as libyaml counts them, so a tab is one column).
public struct YAMLPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = YAMLPosition(line: 1, column: 1)

    public static func < (lhs: YAMLPosition, rhs: YAMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One value of a YAML document with the position it starts at. Aliases are already resolved
/// and merge keys (`<<: *defaults`) already merged, so readers see plain data.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    public var content: Content
    public var position: YAMLPosition

    public init(_ content: Content, at position: YAMLPosition) {
        self.content = content
        self.position = position
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The node's value when it is a scalar that YAML would not read as null.
    public var text: String? {
        guard let scalar, !scalar.isNull else { return nil }
        return scalar.text
    }

    /// `true` / `false` (the YAML 1.2 core schema: `yes`, `on` and quoted `"true"` are text).
    public var bool: Bool? { scalar?.bool }

    public var isNull: Bool { scalar?.isNull ?? false }

    /// How the node looks, for "found ..." in messages: `nothing`, `a list`, `an empty map`, `true`,
    /// `a number (12)` or the text itself in `quote` marks, shortened and without control characters.
    public func describe(quote: Character) -> String {
        switch content {
        case .mapping(let entries): return entries.isEmpty ? "an empty map" : "a map"
        case .sequence(let items): return items.isEmpty ? "an empty list" : "a list"
        case .scalar(let scalar):
            if scalar.isNull { return "nothing" }
            if let bool = scalar.bool { return bool ? "true" : "false" }
            if scalar.isNumber { return "a number (\(YAMLText.shortened(scalar.text)))" }
            return YAMLText.quoted(scalar.text, quote: quote)
        }
    }
}

/// A key and its value in a map, in file order.
public struct YAMLEntry: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key as text, nil for a key that is itself a list or a map.
    public var keyText: String? { key.scalar?.text }
}

/// A scalar's text, and whether it was written plain (unquoted): only plain scalars can be
/// null, booleans or numbers.
public struct YAMLScalar: Sendable, Equatable {
    public var text: String
    public var isPlain: Bool

    public init(_ text: String, isPlain: Bool) {
        self.text = text
        self.isPlain = isPlain
    }

    public var isNull: Bool {
        isPlain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    public var bool: Bool? {
        guard isPlain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A plain decimal integer (`42`, `-7`, `+3`), nil on overflow or anything else.
    public var integer: Int? {
        guard isPlain, Self.isInteger(text.utf8) else { return nil }
        return Int(text)
    }

    /// A plain number that is finite: integers and decimals with an optional exponent.
    public var number: Double? {
        guard isPlain, Self.isDecimal(text.utf8) else { return nil }
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Whether YAML reads this scalar as a number (including `.inf` and `.nan`).
    public var isNumber: Bool {
        guard isPlain else { return false }
        if Self.isDecimal(text.utf8) { return true }
        let lowered = text.lowercased()
        return [".inf", "+.inf", "-.inf", ".nan"].contains(lowered)
    }

    private static func isInteger(_ bytes: String.UTF8View) -> Bool {
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(ASCII.isDigit)
    }

    /// `[-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, the core schema's float.
    private static func isDecimal(_ bytes: String.UTF8View) -> Bool {
        var rest = bytes[...]
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        let whole = rest.prefix(while: ASCII.isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = rest.prefix(0)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: ASCII.isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: ASCII.isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
