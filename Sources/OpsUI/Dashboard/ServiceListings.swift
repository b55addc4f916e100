import OpsCore

/// One endpoint the runtime lists services from (a Docker engine, a kube context and namespace):
/// its answers come on their own (`.endpointListed`, `.endpointFailed`), so a slow one holds
/// back only its own rows.
public struct ListingEndpoint: Hashable, Sendable {
    /// The runtime's number for it, unique among the endpoints.
    public var id: Int
    /// What its failures are prefixed with (`kubernetes context prod, namespace shop`).
    public var name: String
    /// The services the configuration places there, shown as loading until it first answers;
    /// empty on discovery (nobody knows yet what it runs).
    public var keys: [ServiceKey]

    public init(id: Int, name: String, keys: [ServiceKey]) {
        self.id = id
        self.name = name
        self.keys = keys
    }
}

/// Where each endpoint's part of the Services table stands: the rows it gave last, whether it
/// has answered this round, its last failure. The table is the union of their rows; an endpoint
/// that never answered stands as its configured keys, marked loading (or failed).
public struct ServiceListings: Sendable {
    struct Part: Sendable {
        var endpoint: ListingEndpoint
        /// `endpoint.keys`, looked up once a row per frame while it has not answered.
        var keys: Set<ServiceKey>
        var rows: [ServiceSnapshot]?
        var failure: SourceFailure?
        var pending = true
    }

    private(set) var parts: [Part]

    public init(_ endpoints: [ListingEndpoint]) {
        parts = endpoints.map { Part(endpoint: $0, keys: Set($0.keys)) }
    }

    public var isEmpty: Bool { parts.isEmpty }

    /// A refresh asked every endpoint again.
    mutating func startRound() {
        for index in parts.indices { parts[index].pending = true }
    }

    /// False for an endpoint that is not one of them. A `partial` answer shows its rows and leaves
    /// the endpoint pending: its full answer is still to come.
    @discardableResult
    mutating func load(_ id: Int, _ rows: [ServiceSnapshot], partial: Bool = false) -> Bool {
        guard let index = parts.firstIndex(where: { $0.endpoint.id == id }) else { return false }
        parts[index].rows = rows
        parts[index].failure = nil
        parts[index].pending = partial
        return true
    }

    /// The endpoint's rows from before stay (stale); its message says why.
    @discardableResult
    mutating func fail(_ id: Int, _ message: String, at time: LogTimestamp) -> Bool {
        guard let index = parts.firstIndex(where: { $0.endpoint.id == id }) else { return false }
        parts[index].failure = SourceFailure(message: message, at: time)
        parts[index].pending = false
        return true
    }

    /// Some endpoint has listed its services at least once.
    public var hasAnswered: Bool { parts.contains { $0.rows != nil } }

    /// Every endpoint has answered (or failed) since the last `startRound`.
    public var isComplete: Bool { !parts.contains { $0.pending } }

    /// The Services table's rows: each endpoint's last rows, or, for one that never answered,
    /// a row per configured key with nothing known yet.
    public var rows: [ServiceSnapshot] {
        parts.flatMap { part in
            part.rows ?? part.endpoint.keys.map { ServiceSnapshot(key: $0, provider: "", reportedState: .unknown) }
        }
    }

    /// What a row stands for while its endpoint has not said anything about it.
    public enum RowStatus: Hashable, Sendable {
        /// Its endpoint has not answered yet.
        case loading
        /// Its endpoint failed before it ever answered.
        case unreachable
    }

    /// `.loading` or `.unreachable` for a placeholder row; nil for a row an endpoint listed.
    public func status(of key: ServiceKey) -> RowStatus? {
        guard let part = parts.first(where: { $0.rows == nil && $0.keys.contains(key) }) else { return nil }
        return part.failure == nil ? .loading : .unreachable
    }

    /// The failures of this round's endpoints, one line each, named when there are several
    /// endpoints; nil when none failed.
    public var failure: SourceFailure? {
        let failed = parts.compactMap { part in part.failure.map { (part.endpoint.name, $0) } }
        guard let latest = failed.map(\.1.at).max(by: { $0.nanosecondsSinceEpoch < $1.nanosecondsSinceEpoch }) else { return nil }
        let lines = failed.map { name, failure in parts.count > 1 ? "\(name): \(failure.message)" : failure.message }
        return SourceFailure(message: lines.joined(separator: "\n"), at: latest)
    }
}
