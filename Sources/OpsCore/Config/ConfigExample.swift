/// A short configuration to show a user who has none. Tests check that it is valid.
public enum ConfigExample {
    /// The smallest useful `opsdeck.yml`: two environments, one service in both.
    public static let minimal = """
        environments:
          staging: {}
          production: { protected: true }
        services:
        \(servicesOnly)
        """

    private static let servicesOnly = """
          api:
            staging:    { provider: docker, project: shop-staging, service: api }
            production: { provider: docker, project: shop-production, service: api }
        """
}
