/// Deploys, promotes and rolls back the local services of one `LocalProvider`: reads which
/// instance is live, then plans with `LocalPlanner`. Planning only reads the state folder.
public struct LocalDeployer: ServiceChanging {
    public let provider: LocalProvider
    public let settings: ActionSettings
    /// Makes the new instance's id; random by default, fixed in tests.
    public let makeInstanceID: @Sendable (String) -> String

    public init(provider: LocalProvider, settings: ActionSettings,
                makeInstanceID: @escaping @Sendable (String) -> String = LocalDeployer.newInstanceID) {
        self.provider = provider
        self.settings = settings
        self.makeInstanceID = makeInstanceID
    }

    public var name: String { provider.name }

    /// `1.5.0-3f9a0c`: the version, then six random hex digits, so two deploys of one version differ.
    @Sendable public static func newInstanceID(version: String) -> String {
        let suffix = String(UInt32.random(in: 0...0xFF_FFFF), radix: 16)
        return version + "-" + String(repeating: "0", count: 6 - suffix.count) + suffix
    }

    public func snapshot(of key: ServiceKey) async throws -> ServiceSnapshot? {
        try provider.snapshot(of: key)
    }

    public func releases(of key: ServiceKey) async throws -> [Release] {
        try await provider.releases(of: key)
    }

    public func deployment(for key: ServiceKey, version: String) async throws -> PreparedAction {
        try plan(.deploy, key: key, version: version)
    }

    public func rollback(of key: ServiceKey, to release: Release) async throws -> PreparedAction {
        try plan(.rollback, key: key, version: release.version)
    }

    /// What the source runs (its version; local versions have no digest) onto `target`.
    public func promotion(from source: ServiceSnapshot, to target: ServiceKey) async throws -> PreparedAction {
        guard let version = source.image?.version else {
            throw LocalProviderError.noInstance("\(source.key) runs no known version: nothing to promote")
        }
        return try plan(.promote, key: target, version: version)
    }

    func plan(_ kind: ActionPlan.Kind, key: ServiceKey, version: String) throws(LocalProviderError) -> PreparedAction {
        guard LocalTarget.isVersion(version) else { throw .badVersion(version) }
        guard let target = provider.targets[key] else { throw .noInstance("\(key) is not a local service") }
        let store = try provider.store(for: key)
        guard store.runningSupervisor() != nil else { throw .noSupervisor(stateFolder: store.layout.root) }
        // Only a live instance that still runs has anything to stop or to go back to.
        let live = store.live(of: key).flatMap { live in
            store.instance(of: key, id: live.instance).flatMap { $0.isRunning ? live : nil }
        }
        let request = LocalPlanner.Request(kind: kind, key: key, target: target, layout: store.layout, live: live,
                                           version: version, instance: makeInstanceID(version))
        return LocalPlanner.plan(request, settings: settings)
    }
}
