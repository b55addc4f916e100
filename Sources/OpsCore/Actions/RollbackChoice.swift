/// Which release a rollback goes to when none is named: the newest one older than the live one
/// that is not known to have failed. "Older" is the order of the provider's history (for Docker,
/// which keeps none, the image's age among the repository's local tags), and "failed" comes from
/// the caller as well (the journal's actions to that version that did not end well).
public enum RollbackChoice {
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case noLiveRelease
        case nothingOlder(live: String)
        case unknownRelease(String)

        public var description: String {
            switch self {
            case .noLiveRelease: "no release is live, so there is nothing to roll back from: deploy a version instead"
            case .nothingOlder(let live): "no release older than \(live) that did not fail: name one with --to"
            case .unknownRelease(let name): "no release \(name): pick a version, tag or image id from the service's releases"
            }
        }
    }

    /// `releases` newest first, as `ReleaseHistory` gives them.
    public static func defaultRelease(in releases: [Release], failedVersions: Set<String> = []) throws(Problem) -> Release {
        guard let liveIndex = releases.firstIndex(where: { $0.status == .live }) else { throw .noLiveRelease }
        let live = releases[liveIndex]
        let candidate = releases[(liveIndex + 1)...].first { release in
            release.status != .failed && !failedVersions.contains(release.version) && release.id != live.id
        }
        guard let candidate else { throw .nothingOlder(live: live.version) }
        return candidate
    }

    /// The release `name` names: a version (tag), a whole reference, or an image id (full or as
    /// `sha256:` plus its first digits).
    public static func release(named name: String, in releases: [Release]) throws(Problem) -> Release {
        let exact = releases.first { $0.version == name || $0.image?.reference == name || $0.id == name }
        if let exact { return exact }
        let byPrefix = releases.filter { name.count >= 12 + 7 && $0.id.hasPrefix(name) }
        guard byPrefix.count == 1, let only = byPrefix.first else { throw .unknownRelease(name) }
        return only
    }
}
