import Foundation
import OpsCore
import OpsUI

/// Every provider endpoint the console reads, queried together: the services table is the union
/// of their listings, and each service's history and logs come from the endpoint that listed it.
final class ProviderSet: @unchecked Sendable {
    let providers: [any ServiceListing]
    private let lock = NSLock()
    /// Which provider listed each service in the last listing.
    private var owners: [ServiceKey: Int] = [:]

    init(_ providers: [any ServiceListing]) { self.providers = providers }

    /// One endpoint's answer in a listing round, handed on as soon as it comes.
    struct Answer: Sendable {
        /// The endpoint's position in `providers` (its `ListingEndpoint.id`).
        var index: Int
        var result: Result<[ServiceSnapshot], any Error>
        /// The quick listing, the full one still to come.
        var partial = false
    }

    /// Lists every endpoint at once and hands each answer to `answer` the moment it comes: a dead
    /// cluster holding out until its deadline delays only its own rows. `quickFirst`: an endpoint
    /// with a cheap first listing (`docker ps` alone) answers with it, then with its full one (a
    /// quick listing that fails says nothing: the full one that follows will say why).
    func list(quickFirst: Bool = false, answer: @escaping @Sendable (Answer) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask { [self] in
                    if quickFirst, let first = try? await provider.quickServices() {
                        deliver(Answer(index: index, result: .success(first), partial: true), to: answer)
                    }
                    do {
                        deliver(Answer(index: index, result: .success(try await provider.services())), to: answer)
                    } catch {
                        deliver(Answer(index: index, result: .failure(error)), to: answer)
                    }
                }
            }
        }
    }

    /// Remembers which endpoint listed each service, then hands the answer on.
    private func deliver(_ each: Answer, to answer: @Sendable (Answer) -> Void) {
        if case .success(let snapshots) = each.result {
            lock.withLock { for snapshot in snapshots { owners[snapshot.key] = each.index } }
        }
        answer(each)
    }

    /// What a whole listing round gave: the services of every endpoint that answered, and the
    /// error of each that did not.
    struct Listing: Sendable {
        var services: [ServiceSnapshot] = []
        var failures: [String] = []
    }

    /// Lists every endpoint and waits for all of them (`opsdeck status` prints one table), in
    /// endpoint order.
    func services() async -> Listing? {
        let answers = LockedValue<[Answer]>([])
        await list { answer in answers.withLock { $0.append(answer) } }
        var listing = Listing()
        for each in answers.value.sorted(by: { $0.index < $1.index }) {
            switch each.result {
            case .success(let snapshots): listing.services += snapshots
            case .failure(let error):
                let name = providers[each.index].name
                listing.failures.append(providers.count > 1 ? "\(name): \(error)" : "\(error)")
            }
        }
        return listing
    }

    /// The endpoints as the dashboard tracks them: each one's failures named after it, its
    /// configured services shown as loading until it first answers.
    var endpoints: [ListingEndpoint] {
        providers.enumerated().map { index, provider in
            ListingEndpoint(id: index, name: Self.label(provider), keys: Self.configuredKeys(provider))
        }
    }

    static func label(_ provider: any ServiceListing) -> String {
        if let kubernetes = provider as? KubernetesProvider { return "kubernetes \(kubernetes.endpoint)" }
        return provider.name
    }

    /// What the configuration placed on the endpoint; nothing for discovery.
    static func configuredKeys(_ provider: any ServiceListing) -> [ServiceKey] {
        let keys: [ServiceKey] = switch provider {
        case let kubernetes as KubernetesProvider: Array(kubernetes.targets.keys)
        case let docker as DockerProvider: docker.targets.map { Array($0.keys) } ?? []
        case let local as LocalProvider: Array(local.targets.keys)
        case let unavailable as UnavailableProvider: unavailable.keys
        default: []
        }
        return keys.sorted()
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
