extension RoleStyle {
    /// This style as a terminal of `depth` can show it.
    ///
    /// - `.trueColor`: unchanged.
    /// - `.indexed256`: true colours become the nearest of the xterm cube and grey ramp (16–255).
    /// - `.sixteen`: true colours and indices 16–255 become the nearest of the 16 ANSI colours;
    ///   indices 0–15 are the ANSI colours already.
    /// - `.eight`: as for 16, then a bright colour loses its brightness. A bright foreground
    ///   turns bold instead, as 8-colour terminals (the Linux console) show bold text bright;
    ///   bright black, the usual "muted grey", becomes the default colour dimmed, since plain
    ///   black text would vanish on a dark background.
    /// - `.none`: colours are dropped and attributes kept. A style that relied on a background
    ///   colour (selection, search match, status bar) turns reverse so it still stands out.
    public func degraded(to depth: ColorDepth) -> RoleStyle {
        var style = self
        switch depth {
        case .trueColor:
            break
        case .indexed256:
            style.foreground = foreground.nearestIn256()
            style.background = background.nearestIn256()
        case .sixteen:
            style.foreground = foreground.nearestIn16()
            style.background = background.nearestIn16()
        case .eight:
            style.background = background.nearestIn16().withoutBrightness()
            switch foreground.nearestIn16() {
            case .ansi(8):
                style.foreground = .terminalDefault
                style.dim = true
            case .ansi(let index) where index > 8:
                style.foreground = .ansi(index - 8)
                style.bold = true
            case let colour:
                style.foreground = colour
            }
        case .none:
            style.foreground = .terminalDefault
            style.background = .terminalDefault
            style.reverse = reverse || background != .terminalDefault
        }
        return style
    }
}

extension ThemeColor {
    func nearestIn256() -> ThemeColor {
        guard case let .rgb(red, green, blue) = self else { return self }
        let rgb = XtermPalette.RGB(red: Int(red), green: Int(green), blue: Int(blue))
        return .indexed(XtermPalette.nearestIndex256(to: rgb))
    }

    func nearestIn16() -> ThemeColor {
        switch self {
        case .terminalDefault:
            return self
        case let .ansi(index):
            // Out-of-range values cannot come from a theme file; fold them rather than trap.
            return .ansi(index & 0x0F)
        case let .indexed(index) where index < 16:
            return .ansi(index)
        case let .indexed(index):
            return .ansi(XtermPalette.nearestANSI16(to: XtermPalette.rgb(ofIndex: index)))
        case let .rgb(red, green, blue):
            let rgb = XtermPalette.RGB(red: Int(red), green: Int(green), blue: Int(blue))
            return .ansi(XtermPalette.nearestANSI16(to: rgb))
        }
    }

    func withoutBrightness() -> ThemeColor {
        guard case let .ansi(index) = self, index >= 8 else { return self }
        return .ansi(index & 0x07)
    }
}

extension ColorDepth {
    /// The depth to draw in, from terminfo's `colors` (`tigetnum("colors")`, -1 or 0 when the
    /// terminal has none) and whether `NO_COLOR` is set to a non-empty value (no-color.org: an
    /// empty `NO_COLOR` does not count; see `noColorRequested`).
    ///
    /// Terminfo rarely reports 16777216 even where true colour works, so the caller checks
    /// `COLORTERM` (`truecolor` or `24bit`) itself and passes 16777216 for `colors` then.
    /// Counts between the steps round down (88 colours draw as 16).
    public static func depth(colors: Int, noColor: Bool) -> ColorDepth {
        if noColor { return .none }
        switch colors {
        case ColorDepth.trueColor.rawValue...: return .trueColor
        case ColorDepth.indexed256.rawValue...: return .indexed256
        case ColorDepth.sixteen.rawValue...: return .sixteen
        case ColorDepth.eight.rawValue...: return .eight
        default: return .none
        }
    }

    /// Whether the value of `NO_COLOR` (nil when unset) asks for no colour: set and non-empty.
    public static func noColorRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }
}
