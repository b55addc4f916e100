/// The colours of xterm's default palette, the reference every 256-colour terminal follows for
/// indices 16–255 and most follow for the 16 ANSI colours. Degradation measures distances here.
enum XtermPalette {
    struct RGB: Equatable {
        var red: Int
        var green: Int
        var blue: Int

        func squaredDistance(to other: RGB) -> Int {
            let dr = red - other.red, dg = green - other.green, db = blue - other.blue
            return dr * dr + dg * dg + db * db
        }
    }

    /// xterm's defaults for the 16 ANSI colours: 0–7 basic, 8–15 bright.
    static let ansi: [RGB] = [
        RGB(red: 0, green: 0, blue: 0), RGB(red: 205, green: 0, blue: 0),
        RGB(red: 0, green: 205, blue: 0), RGB(red: 205, green: 205, blue: 0),
        RGB(red: 0, green: 0, blue: 238), RGB(red: 205, green: 0, blue: 205),
        RGB(red: 0, green: 205, blue: 205), RGB(red: 229, green: 229, blue: 229),
        RGB(red: 127, green: 127, blue: 127), RGB(red: 255, green: 0, blue: 0),
        RGB(red: 0, green: 255, blue: 0), RGB(red: 255, green: 255, blue: 0),
        RGB(red: 92, green: 92, blue: 255), RGB(red: 255, green: 0, blue: 255),
        RGB(red: 0, green: 255, blue: 255), RGB(red: 255, green: 255, blue: 255),
    ]

    /// The six levels of each channel in the 6x6x6 cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The colour of a 256-palette index.
    static func rgb(ofIndex index: UInt8) -> RGB {
        let i = Int(index)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let n = i - 16
            return RGB(red: cubeLevels[n / 36], green: cubeLevels[(n / 6) % 6], blue: cubeLevels[n % 6])
        }
        let level = 8 + (i - 232) * 10
        return RGB(red: level, green: level, blue: level)
    }

    /// The nearest index among 16–255 (cube and grey ramp). Indices 0–15 are left out on
    /// purpose: users redefine them in their terminal, so they are not a stable target.
    static func nearestIndex256(to colour: RGB) -> UInt8 {
        nearest(to: colour, among: 16...255)
    }

    /// The nearest of the 16 ANSI colours.
    static func nearestANSI16(to colour: RGB) -> UInt8 {
        nearest(to: colour, among: 0...15)
    }

    private static func nearest(to colour: RGB, among indices: ClosedRange<Int>) -> UInt8 {
        var best = indices.lowerBound
        var bestDistance = Int.max
        for index in indices {
            let distance = rgb(ofIndex: UInt8(index)).squaredDistance(to: colour)
            // Strictly less: on a tie the lower index wins, which keeps results stable.
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return UInt8(best)
    }
}
