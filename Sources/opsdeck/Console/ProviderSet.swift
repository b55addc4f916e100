import Foundation
import OpsCore

/// Every provider endpoint the console reads, queried together: the services table is the union
/// of their listings, and each service's history and logs come from the endpoint that listed it.
final class ProviderSet: @unchecked Sendable {
    let providers: [any ServiceListing]
    private let lock = NSLock()
    /// Which provider listed each service in the last listing.
    private var owners: [ServiceKey: Int] = [:]

    init(_ providers: [any ServiceListing]) { self.providers = providers }

    /// What one listing round gave: the services of every endpoint that answered, and the error
    /// of each that did not.
    struct Listing: Sendable {
        var services: [ServiceSnapshot] = []
        var failures: [String] = []
    }

    /// Lists every endpoint at once; a slow or failing one costs only its own rows. `quick`: the
    /// cheap first listings (`docker ps` alone) where an endpoint has one; nil when any endpoint
    /// failed (the full listing that follows will say why).
    func services(quick: Bool = false) async -> Listing? {
        let results = await withTaskGroup(of: (Int, Result<[ServiceSnapshot], any Error>).self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask {
                    do {
                        if quick, let first = try await provider.quickServices() { return (index, .success(first)) }
                        return (index, .success(try await provider.services()))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var all: [(Int, Result<[ServiceSnapshot], any Error>)] = []
            for await result in group { all.append(result) }
            return all.sorted { $0.0 < $1.0 }
        }
        var listing = Listing()
        var owners: [ServiceKey: Int] = [:]
        for (index, result) in results {
            switch result {
            case .success(let snapshots):
                listing.services += snapshots
                for snapshot in snapshots { owners[snapshot.key] = index }
            case .failure(let error):
                let name = providers[index].name
                listing.failures.append(providers.count > 1 ? "\(name): \(error)" : "\(error)")
            }
        }
        lock.withLock { self.owners.merge(owners) { _, new in new } }
        return quick && !listing.failures.isEmpty ? nil : listing
    }

    func releases(of key: ServiceKey) async throws -> [Release] {
        guard let provider = owner(of: key) as? any ReleaseHistory else {
            throw ProviderSetError.unsupported(key, "release history")
        }
        return try await provider.releases(of: key)
    }

    func logSources(of key: ServiceKey, tail: Int) async throws -> [LogSource] {
        guard let provider = owner(of: key) as? any LogStreaming else {
            throw ProviderSetError.unsupported(key, "logs")
        }
        return try await provider.logSources(of: key, tail: tail)
    }

    /// The versions `key` can be deployed at: the platform's own list where it has one (local
    /// image tags), else the versions of its history.
    func availableVersions(of key: ServiceKey) async throws -> [Release] {
        if let provider = owner(of: key) as? any VersionListing { return try await provider.availableVersions(of: key) }
        return try await releases(of: key)
    }

    /// The endpoints that can say when something changed.
    var watchers: [any ChangeWatching] { providers.compactMap { $0 as? any ChangeWatching } }

    private func owner(of key: ServiceKey) -> (any ServiceListing)? {
        lock.withLock { owners[key].map { providers[$0] } }
    }
}

enum ProviderSetError: Error, CustomStringConvertible {
    case unsupported(ServiceKey, String)

    var description: String {
        switch self {
        case .unsupported(let key, let what): "\(key): its provider has no \(what), or it is no longer listed"
        }
    }
}
