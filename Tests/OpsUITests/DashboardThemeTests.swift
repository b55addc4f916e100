import Testing
@testable import OpsUI

@Suite struct DashboardThemeTests {
    /// With no colour at all a failed service still looks unlike a degraded one, and both unlike
    /// a running one.
    @Test(arguments: StockThemes.names)
    func serviceStatesStayDistinctWithoutColour(name: String) throws {
        let theme = try #require(ThemeLoader.stockTheme(named: name)).degraded(to: .none)
        let roles: [Role] = [.statusRunning, .statusDegraded, .statusFailed]
        #expect(Set(roles.map { theme.style(for: $0) }).count == roles.count)
        #expect(theme.style(for: .statusFailed).bold)
    }
}
