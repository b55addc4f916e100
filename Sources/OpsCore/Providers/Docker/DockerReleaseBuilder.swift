import Foundation

/// A service's versions on one engine. Docker keeps no deploy history, so the releases are the
/// images: the tags of the repository its containers run (`docker image ls REPO`), plus any image
/// a container of it runs that is not one of those tags. The image the service runs now is `.live`;
/// the others are `.superseded` (they ran before, or could run next: docker cannot tell which).
enum DockerReleaseBuilder {
    /// The repository to list the tags of: the current container's, unless it was started from a
    /// bare image id, which has none.
    static func repository(of containers: [DockerServiceContainer]) -> String? {
        guard let current = DockerReplicaBuilder.current(of: containers) else { return nil }
        let reference = current.details.imageReference
        guard !reference.isEmpty, !reference.hasPrefix("sha256:") else { return nil }
        return ImageReference(reference).repository
    }

    /// Newest first. `tagsOnly` leaves out images without a tag and images no tag names (for
    /// choosing a version to deploy, which needs a tag).
    static func releases(containers: [DockerServiceContainer], tags: [DockerImageSummary], tagsOnly: Bool) -> [Release] {
        let live = liveContainers(containers)
        let liveIDs = Set(live.map(\.details.imageID))
        let liveReferences = Set(live.map(\.details.imageReference))
        // An id is live under the tag the container names; under every tag of it when the container
        // named none of them (it was started by id or digest).
        let namedIDs = Set(tags.filter { liveReferences.contains($0.reference) }.map(\.id))
        let commit = live.lazy.compactMap { $0.details.labels[DockerReplicaBuilder.revisionLabel] }.first { !$0.isEmpty }

        var seen = Set<String>()
        var rows: [(release: Release, order: String)] = []
        for image in tags where !(tagsOnly && image.tag == nil) && seen.insert(image.id + " " + image.reference).inserted {
            let isLive = liveIDs.contains(image.id) && (liveReferences.contains(image.reference) || !namedIDs.contains(image.id))
            let version = image.tag ?? ImageReference.shortDigest(image.id)
            rows.append((Release(id: image.id, version: version, image: ImageReference(image.reference, digest: image.digest),
                                 commit: isLive ? commit : nil, createdAt: image.createdAt,
                                 status: isLive ? .live : .superseded), version))
        }
        if !tagsOnly {
            let listed = Set(tags.map(\.id))
            for container in containers where !listed.contains(container.details.imageID)
                && seen.insert(container.details.imageID).inserted {
                let details = container.details
                let image = ImageReference(details.imageReference.isEmpty ? details.imageID : details.imageReference)
                let isLive = liveIDs.contains(details.imageID)
                rows.append((Release(id: details.imageID, version: image.version, image: image,
                                     commit: details.labels[DockerReplicaBuilder.revisionLabel], createdAt: nil,
                                     status: isLive ? .live : .superseded), image.version))
            }
        }
        return rows.sorted(by: newerFirst).map(\.release)
    }

    /// The containers whose image is live: those up, else the newest one.
    private static func liveContainers(_ containers: [DockerServiceContainer]) -> [DockerServiceContainer] {
        let up = containers.filter(\.details.isUp)
        if !up.isEmpty { return up }
        return DockerReplicaBuilder.current(of: containers).map { [$0] } ?? []
    }

    /// By creation time (`image ls` gives whole seconds), then by version with numbers compared as
    /// numbers (1.10.0 after 1.9.0), then by id, so the order never depends on the input's.
    private static func newerFirst(_ a: (release: Release, order: String), _ b: (release: Release, order: String)) -> Bool {
        let timeA = a.release.createdAt?.nanosecondsSinceEpoch ?? .min
        let timeB = b.release.createdAt?.nanosecondsSinceEpoch ?? .min
        if timeA != timeB { return timeA > timeB }
        switch a.order.compare(b.order, options: .numeric) {
        case .orderedDescending: return true
        case .orderedAscending: return false
        case .orderedSame: return a.release.id < b.release.id
        }
    }
}
