/// A container that belongs to a service: its `docker ps` line (for the daemon's status words)
/// and its `docker inspect` details.
struct DockerServiceContainer: Hashable, Sendable {
    var summary: DockerContainerSummary?
    var details: DockerContainerDetails

    var name: String { details.name.isEmpty ? summary?.name ?? details.id : details.name }

    /// What to name it by in an argv: its name when docker could have made it, else its id.
    var argument: String { DockerIdentifiers.isContainerName(name) ? name : details.id }
}

/// Turns inspected containers into the provider model: replicas, and the snapshot of a service.
enum DockerReplicaBuilder {
    /// The OCI label CI stamps with the commit an image was built from.
    static let revisionLabel = "org.opencontainers.image.revision"

    static func replica(_ container: DockerServiceContainer, images: [String: DockerImageDetails]) -> Replica {
        let details = container.details
        let state = details.state
        var runState = DockerStatusText.state(ofWord: state.status, exitCode: state.exitCode)
        if state.oomKilled && !details.isUp { runState = .failed }
        let exited = ["exited", "restarting", "dead"].contains(state.status)
        var detail = container.summary?.statusText.trimmingSpaces ?? ""
        if detail.isEmpty { detail = state.status }
        if state.oomKilled { detail += detail.isEmpty ? "OOMKilled" : ", OOMKilled" }
        return Replica(id: details.id, name: container.name, state: runState,
                       health: details.isUp ? state.health?.state ?? .none : .none,
                       image: image(of: details, images: images), restarts: details.restartCount,
                       exitCode: exited ? state.exitCode : nil, startedAt: state.startedAt,
                       detail: detail.isEmpty ? nil : detail)
    }

    /// The reference it was started with, pinned by the registry digest when the image has one.
    static func image(of details: DockerContainerDetails, images: [String: DockerImageDetails]) -> ImageReference? {
        let reference = details.imageReference.isEmpty ? details.imageID : details.imageReference
        guard !reference.isEmpty else { return nil }
        let repository = ImageReference(reference).repository
        return ImageReference(reference, digest: images[details.imageID]?.digest(in: repository))
    }

    /// The container whose image is the service's current version: the newest one that is up, else
    /// the newest of all.
    static func current(of containers: [DockerServiceContainer]) -> DockerServiceContainer? {
        func created(_ container: DockerServiceContainer) -> Int64 { container.details.createdAt?.nanosecondsSinceEpoch ?? .min }
        let newestFirst = containers.sorted { created($0) > created($1) }
        return newestFirst.first { $0.details.isUp } ?? newestFirst.first
    }

    static func snapshot(_ key: ServiceKey, containers: [DockerServiceContainer], images: [String: DockerImageDetails],
                         emptyNote: String) -> ServiceSnapshot {
        let sorted = containers.sorted { ($0.name, $0.details.id) < ($1.name, $1.details.id) }
        let current = current(of: containers)
        return ServiceSnapshot(key: key, provider: DockerProvider.providerName,
                               image: current.flatMap { image(of: $0.details, images: images) },
                               commit: current?.details.labels[revisionLabel].flatMap { $0.isEmpty ? nil : $0 },
                               replicas: sorted.map { replica($0, images: images) },
                               updatedAt: current?.details.createdAt,
                               note: containers.isEmpty ? emptyNote : note(sorted))
    }

    /// What the daemon says went wrong: a start error, else an OOM kill.
    static func note(_ containers: [DockerServiceContainer]) -> String? {
        if let failed = containers.first(where: { $0.details.state.error != nil }), let error = failed.details.state.error {
            return "\(failed.name): \(error)"
        }
        if let killed = containers.first(where: { $0.details.state.oomKilled }) {
            return "\(killed.name) was killed for want of memory (OOM)"
        }
        return nil
    }
}
