/// What `opsdeck.yml` says: the environments in promotion order, the services and where each
/// runs in each environment, and the settings that apply everywhere.
public struct OpsdeckConfig: Sendable, Equatable {
    /// In file order, which is the promotion order: a release moves from each environment to the next.
    public var environments: [EnvironmentConfig]
    /// In file order.
    public var services: [ServiceConfig]
    /// Where the audit journal is written (`journal_path`); nil for opsdeck's default place.
    public var journalPath: String?
    /// `read_only: true`: no deploy, promote or rollback anywhere, whatever the environments say.
    public var readOnly: Bool
    /// `alerts:`: the bell and the `on_alert` hook; by default neither.
    public var alerts: AlertsConfig

    public init(environments: [EnvironmentConfig], services: [ServiceConfig], journalPath: String? = nil,
                readOnly: Bool = false, alerts: AlertsConfig = AlertsConfig()) {
        self.environments = environments
        self.services = services
        self.journalPath = journalPath
        self.readOnly = readOnly
        self.alerts = alerts
    }

    public func environment(named name: String) -> EnvironmentConfig? {
        environments.first { $0.name == name }
    }

    public func service(named name: String) -> ServiceConfig? {
        services.first { $0.name == name }
    }

    /// The environment a release in `name` is promoted to (the next in file order), nil for the last.
    public func environment(after name: String) -> EnvironmentConfig? {
        guard let index = environments.firstIndex(where: { $0.name == name }), index + 1 < environments.count else {
            return nil
        }
        return environments[index + 1]
    }

    /// Whether changes (deploy, promote, rollback) are allowed in `environment` at all.
    public func allowsChanges(in environment: EnvironmentConfig) -> Bool {
        !readOnly && !environment.readOnly
    }
}
