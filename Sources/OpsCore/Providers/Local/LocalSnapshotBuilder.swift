/// Turns the state folder's records into what the console and the headless commands show: the
/// services table's row (instances as replicas, the live one's version) and the release history.
/// Pure: the caller reads the records and whether each process still runs.
public enum LocalSnapshotBuilder {
    /// What a local version looks like where an image would be: `api:1.4.0`, whose tag is the version.
    public static func image(of key: ServiceKey, version: String) -> ImageReference {
        ImageReference("\(key.service):\(version)")
    }

    /// The replica name of an instance, which is also the source of its log lines.
    public static func replicaName(of key: ServiceKey, instance id: String) -> String { "\(key.service)-\(id)" }

    /// `running`: by instance id, whether its process still runs. `supervised`: whether
    /// `opsdeck local up` runs for the state folder.
    public static func snapshot(key: ServiceKey, instances: [LocalInstance], running: Set<String>, live: LocalLive?,
                                supervised: Bool, stateFolder: String) -> ServiceSnapshot {
        let replicas = instances.map { instance -> Replica in
            let isRunning = running.contains(instance.id)
            let role = instance.id == live?.instance ? "live" : "not live"
            var detail = "pid \(instance.pid), 127.0.0.1:\(instance.port), \(role)"
            let state: RunState
            if isRunning {
                state = .running
            } else if let status = instance.exitStatus {
                state = status == 0 ? .stopped : .failed
                detail += ", exited \(status)"
            } else {
                state = .failed
                detail += ", gone"
            }
            return Replica(id: instance.id, name: replicaName(of: key, instance: instance.id), state: state,
                           image: image(of: key, version: instance.version), exitCode: instance.exitStatus.map(Int.init),
                           startedAt: LogTimestamp(nanosecondsSinceEpoch: instance.started), detail: detail)
        }
        var snapshot = ServiceSnapshot(key: key, provider: "local", image: live.map { image(of: key, version: $0.version) },
                                       replicas: replicas, desiredReplicas: supervised ? 1 : nil,
                                       updatedAt: live.map { LogTimestamp(nanosecondsSinceEpoch: $0.since) })
        if !supervised {
            snapshot.note = "opsdeck local up is not running for \(stateFolder)"
            if running.isEmpty { snapshot.reportedState = .stopped }
        } else if let live, !running.contains(live.instance) {
            snapshot.note = "the live instance \(live.instance) has ended"
            snapshot.reportedState = .failed
        } else if live == nil {
            snapshot.note = "no instance is live"
        }
        return snapshot
    }

    /// The history newest first: the entry of the live instance is `live`, older switches are
    /// `superseded`, versions that did not become ready (or were taken back) are `failed`.
    public static func releases(key: ServiceKey, history: [LocalHistoryEntry], live: LocalLive?) -> [Release] {
        let failed = Set(history.filter { $0.outcome == .failed }.map(\.instance))
        var liveSeen = false
        var releases: [Release] = []
        for entry in history.reversed() {
            // A failed instance may also have a `live` line (a switch taken back): one row is enough.
            if entry.outcome == .live && failed.contains(entry.instance) { continue }
            let status: Release.Status
            if entry.outcome == .failed {
                status = .failed
            } else if !liveSeen && entry.instance == live?.instance {
                status = .live
                liveSeen = true
            } else {
                status = .superseded
            }
            releases.append(Release(id: entry.instance, version: entry.version, image: image(of: key, version: entry.version),
                                    createdAt: LogTimestamp(nanosecondsSinceEpoch: entry.time), status: status,
                                    note: entry.cause))
        }
        return releases
    }
}
