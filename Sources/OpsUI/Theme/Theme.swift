/// A complete look for the terminal UI: a name and one `RoleStyle` for every `Role`.
///
/// Every role always has a style: `init(name:style:)` asks for each one, and a theme file that
/// leaves roles out gets the stock theme's style for them (see `ThemeLoader`), so adding a role
/// never breaks an older theme file.
public struct Theme: Sendable, Equatable {
    public let name: String
    // Keyed by role; the initialiser fills every case, so a lookup never misses. Backends turn
    // styles into terminal attributes once per theme, not once per cell.
    private let styles: [Role: RoleStyle]

    /// A theme whose style for each role is `style(role)`.
    public init(name: String, style: (Role) -> RoleStyle) {
        self.name = name
        var styles: [Role: RoleStyle] = [:]
        styles.reserveCapacity(Role.allCases.count)
        for role in Role.allCases { styles[role] = style(role) }
        self.styles = styles
    }

    /// What `role` looks like in this theme.
    public func style(for role: Role) -> RoleStyle {
        styles[role] ?? .plain
    }

    /// The same theme with every style degraded to what a terminal of `depth` can show.
    public func degraded(to depth: ColorDepth) -> Theme {
        Theme(name: name) { style(for: $0).degraded(to: depth) }
    }

    /// The stock theme (`Themes/default.yml`, dark), compiled into the binary so that an
    /// installed opsdeck without its Themes folder still has every role styled.
    public static let stock: Theme = {
        // The embedded default names every role (ThemeStockTests proves it), so neither the
        // `try?` nor the plain fallback is ever taken; they only keep this free of a trap.
        let document = try? ThemeDocument.parse(yaml: StockThemes.defaultTheme, file: "default.yml (built in)")
        return Theme(name: document?.name ?? "default") { document?.styles[$0] ?? .plain }
    }()
}
