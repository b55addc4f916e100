extension ThemeColor {
    /// The ANSI colour names a theme may use, in index order (0–15).
    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// What a colour literal may be, for error messages.
    static let literalForms =
        "\"#rrggbb\", a number 0-255, default, or an ANSI name (black, red, green, yellow, blue, "
        + "magenta, cyan, white, bright-black ... bright-white)"

    /// A colour written literally: `default`, `#rrggbb`, a 256-colour index `0`–`255` or an
    /// ANSI name. Nil for anything else (the caller then tries the palette or reports it).
    static func literal(_ text: String) -> ThemeColor? {
        if text == "default" { return .terminalDefault }
        if let index = ansiNames.firstIndex(of: text) { return .ansi(UInt8(index)) }
        if text.first == "#" { return hexColour(text.utf8.dropFirst()) }
        return paletteIndex(text)
    }

    private static func hexColour(_ digits: Substring.UTF8View) -> ThemeColor? {
        guard digits.count == 6 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            guard let nibble = hexValue(byte) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return .rgb(red: UInt8(truncatingIfNeeded: value >> 16),
                    green: UInt8(truncatingIfNeeded: value >> 8),
                    blue: UInt8(truncatingIfNeeded: value))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func paletteIndex(_ text: String) -> ThemeColor? {
        // At most three digits, so the arithmetic below cannot overflow.
        guard (1...3).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        let value = text.utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return value <= 255 ? .indexed(UInt8(value)) : nil
    }
}
