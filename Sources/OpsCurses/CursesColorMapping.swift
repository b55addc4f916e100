import OpsUI

/// Maps theme colours to curses colour numbers, degrading what the terminal cannot show.
/// Pure: the palette arithmetic is tested without a terminal.
public enum CursesColorMapping {
    /// The depth the backend draws with. curses colour pairs hold indexed colours only, so a
    /// true-colour terminal (COLORTERM=truecolor or 24bit) still draws with 256 and `rgb`
    /// theme colours go to the nearest xterm-256 colour. NO_COLOR (any non-empty value) or
    /// fewer than 8 colours means attributes only.
    public static func colorDepth(colors: Int, noColor: Bool) -> ColorDepth {
        if noColor { return .none }
        switch colors {
        case 256...: return .indexed256
        case 16...: return .sixteen
        case 8...: return .eight
        default: return .none
        }
    }

    /// The curses colour number for `color`: -1 is the terminal's default (after
    /// `use_default_colors`), and also what every colour becomes at depth `.none`.
    public static func colorNumber(_ color: ThemeColor, depth: ColorDepth) -> Int16 {
        guard depth >= .eight else { return -1 }
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let n):
            return ansi(Int(n & 15), depth: depth)
        case .indexed(let n):
            if depth >= .indexed256 { return Int16(n) }
            if n < 16 { return ansi(Int(n), depth: depth) }
            let (r, g, b) = rgbOfIndexed(n)
            return nearestANSI(red: r, green: g, blue: b, depth: depth)
        case .rgb(let r, let g, let b):
            if depth >= .indexed256 { return Int16(xterm256Index(red: r, green: g, blue: b)) }
            return nearestANSI(red: Int(r), green: Int(g), blue: Int(b), depth: depth)
        }
    }

    /// With 8 colours the bright ANSI colours 8–15 become their base colour.
    static func ansi(_ n: Int, depth: ColorDepth) -> Int16 {
        Int16(depth >= .sixteen ? n : n & 7)
    }

    /// The xterm-256 index nearest to a true colour: the nearer of the 6x6x6 cube's point
    /// and the 24-step grey ramp (greys are badly served by the cube alone).
    public static func xterm256Index(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        let r = Int(red), g = Int(green), b = Int(blue)
        let ri = cubeStep(r), gi = cubeStep(g), bi = cubeStep(b)
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance(r, g, b, cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let average = (r + g + b) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = 8 + 10 * greyStep
        let greyDistance = distance(r, g, b, grey, grey, grey)
        return greyDistance < cubeDistance ? 232 + greyStep : cube
    }

    /// The RGB value xterm shows for an indexed colour.
    static func rgbOfIndexed(_ n: UInt8) -> (Int, Int, Int) {
        switch n {
        case 0..<16:
            return ansiPalette[Int(n)]
        case 16..<232:
            let i = Int(n) - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let grey = 8 + 10 * (Int(n) - 232)
            return (grey, grey, grey)
        }
    }

    /// The nearest of the first 16 (or, at depth `.eight`, 8) ANSI colours by xterm's palette.
    static func nearestANSI(red: Int, green: Int, blue: Int, depth: ColorDepth) -> Int16 {
        let count = depth >= .sixteen ? 16 : 8
        var best = 0, bestDistance = Int.max
        for i in 0..<count {
            let (r, g, b) = ansiPalette[i]
            let d = distance(red, green, blue, r, g, b)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return Int16(best)
    }

    private static func cubeStep(_ v: Int) -> Int {
        // Levels 0, 95, 135, 175, 215, 255: the midpoints are 47.5, 115, 155, 195, 235.
        v < 48 ? 0 : v < 115 ? 1 : min(5, (v - 35) / 40)
    }

    private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        let dr = r1 - r2, dg = g1 - g2, db = b1 - b2
        return dr * dr + dg * dg + db * db
    }

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// xterm's default 16 colours.
    static let ansiPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
