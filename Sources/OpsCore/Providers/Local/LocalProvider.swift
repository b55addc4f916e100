import Foundation

/// The services the configuration runs on this machine through `opsdeck local up`: listed from
/// the state folder (instances whose processes still run, by pid and start time), with the
/// release history of each switch, the versions the configuration offers, and each instance's log
/// file followed with `tail -F`. Reads files only: it works while a supervisor runs in another
/// terminal, and says so when none does.
public struct LocalProvider: ServiceListing, ReleaseHistory, LogStreaming, VersionListing {
    public let targets: [ServiceKey: LocalTarget]
    public let opsdeckStateFolder: String

    public init(targets: [ServiceKey: LocalTarget], opsdeckStateFolder: String) {
        self.targets = targets
        self.opsdeckStateFolder = opsdeckStateFolder
    }

    public var name: String { "local" }

    func store(for key: ServiceKey) throws(LocalProviderError) -> LocalStateStore {
        guard let target = targets[key] else { throw .noInstance("\(key) is not a local service") }
        return LocalStateStore(layout: LocalStateLayout(target: target, opsdeckStateFolder: opsdeckStateFolder))
    }

    public func services() async throws -> [ServiceSnapshot] {
        try targets.keys.sorted().map { try snapshot(of: $0) }
    }

    public func snapshot(of key: ServiceKey) throws(LocalProviderError) -> ServiceSnapshot {
        let store = try store(for: key)
        let instances = store.instances(of: key)
        let running = Set(instances.filter(\.isRunning).map(\.id))
        return LocalSnapshotBuilder.snapshot(key: key, instances: instances, running: running, live: store.live(of: key),
                                             supervised: store.runningSupervisor() != nil, stateFolder: store.layout.root)
    }

    public func releases(of key: ServiceKey) async throws -> [Release] {
        let store = try store(for: key)
        return LocalSnapshotBuilder.releases(key: key, history: store.history(of: key), live: store.live(of: key))
    }

    public func availableVersions(of key: ServiceKey) async throws -> [Release] {
        guard let target = targets[key] else { throw LocalProviderError.noInstance("\(key) is not a local service") }
        let live = try store(for: key).live(of: key)?.version
        return target.offeredVersions.map { version in
            Release(id: version, version: version, image: LocalSnapshotBuilder.image(of: key, version: version),
                    status: version == live ? .live : .superseded)
        }
    }

    /// `tail -n TAIL -F LOG` of every recorded instance (an ended one's last words included).
    public func logSources(of key: ServiceKey, tail: Int) async throws -> [LogSource] {
        let store = try store(for: key)
        return store.instances(of: key).map { instance in
            LogSource(name: LocalSnapshotBuilder.replicaName(of: key, instance: instance.id),
                      command: Command("tail", ["-n", String(max(0, tail)), "-F", store.layout.logFile(key, id: instance.id)],
                                       isLongRunning: true))
        }
    }
}
