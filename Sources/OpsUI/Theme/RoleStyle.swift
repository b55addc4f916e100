/// A colour as a theme names it: the terminal's default, one of the 16 ANSI colours, one of
/// the 256 indexed colours, or a true colour. Backends degrade it to what the terminal has.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    /// 0–7 the basic colours (black, red, green, yellow, blue, magenta, cyan, white), 8–15 bright.
    case ansi(UInt8)
    case indexed(UInt8)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
}

/// How many colours the terminal can show, from none (NO_COLOR, `--theme mono`, a dumb
/// terminal) to 24-bit colour.
public enum ColorDepth: Int, Comparable, Sendable {
    case none = 0, eight = 8, sixteen = 16, indexed256 = 256, trueColor = 16_777_216

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// What a role looks like: colours and attributes. Attributes alone must keep roles apart
/// when there is no colour.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = RoleStyle()
}
