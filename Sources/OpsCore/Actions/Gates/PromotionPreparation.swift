import Foundation

/// A promotion made ready to confirm, the same way for the console and `opsdeck promote`: the
/// source's lock taken (so what is promoted cannot change until the promotion ends), what the
/// source runs read, every gate judged, and the target's plan prepared. Whoever runs it releases
/// `sourceLock` when the run is over (or when the operator says no).
public struct PromotionPreparation: Sendable {
    public let source: ServiceKey
    public let target: ServiceKey
    /// Held until `release()`; nil when another action held it (then the in-flight gate is red).
    public let sourceLock: ActionLock?
    public let snapshot: ServiceSnapshot
    public let gates: [PromotionGate]
    public let action: PreparedAction

    public var failing: [PromotionGate] { PromotionGates.failing(gates) }

    public func release() { sourceLock?.release() }

    /// What the caller judges itself: the probe and metric gates (run once now headless, read off
    /// the boards in the console).
    public struct Judges: Sendable {
        public var probes: @Sendable () async -> PromotionGate
        public var metrics: @Sendable () async -> PromotionGate

        public init(probes: @escaping @Sendable () async -> PromotionGate,
                    metrics: @escaping @Sendable () async -> PromotionGate) {
            self.probes = probes
            self.metrics = metrics
        }
    }

    /// Takes the source's lock, reads the source, judges the gates, plans the target. Throws when
    /// the source is not listed or the plan cannot be made (the lock is then released).
    public static func prepare(source: ServiceKey, target: ServiceKey, sourceChanger: any ServiceChanging,
                               targetChanger: any ServiceChanging, soak: Duration?, judges: Judges,
                               locksFolder: String?, journal: JournalWriter, operator actor: ActionOperator,
                               now: LogTimestamp = JournalTime.now()) async throws -> PromotionPreparation {
        var lock: ActionLock?
        var lockError: ActionLockError?
        do {
            let taken = try ActionLock.acquire(source, kind: .promote, in: locksFolder, operator: actor)
            lock = taken
            if let takeover = taken.takeover {
                // A stale lock of the source taken over: the journal says so, as the executor does.
                try? journal.append(JournalEntry(id: UUID().uuidString.lowercased(), time: now, phase: .lockTakeover,
                                                 actor: actor, key: source, kind: .promote, note: takeover.description))
            }
        } catch {
            guard case .heldBy = error else { throw error }
            lockError = error
        }
        do {
            guard let snapshot = try await sourceChanger.snapshot(of: source) else {
                throw PromotionPreparationError.sourceNotListed(source)
            }
            async let probes = judges.probes()
            async let metrics = judges.metrics()
            let gates = [PromotionGates.sourceHealth(snapshot), await probes, await metrics,
                         PromotionGates.soak(soak, snapshot: snapshot, environment: source.environment, now: now),
                         PromotionGates.inFlight(source, lockError: lockError)]
            let action = try await targetChanger.promotion(from: snapshot, to: target)
            return PromotionPreparation(source: source, target: target, sourceLock: lock, snapshot: snapshot,
                                        gates: gates, action: action)
        } catch {
            lock?.release()
            throw error
        }
    }
}

public enum PromotionPreparationError: ActionPlanningError, Hashable, Sendable {
    case sourceNotListed(ServiceKey)

    public var description: String {
        switch self {
        case .sourceNotListed(let key): "\(key) is not listed by its platform: nothing to promote"
        }
    }

    public var blamesRequest: Bool { false }
}
