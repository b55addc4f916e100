import Synchronization

/// Remembers which keys a redactor judged secret. The same few dozen keys come back on every
/// record, and judging one walks its words against every secret word: looking it up is far
/// cheaper. Bounded, and shared safely between threads.
final class KeyVerdictCache: Sendable {
    private let verdicts = Mutex<[String: Bool]>([:])
    /// More distinct keys than this and the cache starts afresh (a log with generated keys).
    static let capacity = 4096

    func verdict(for key: String, judge: (String) -> Bool) -> Bool {
        if let known = verdicts.withLock({ $0[key] }) { return known }
        let verdict = judge(key)
        verdicts.withLock { table in
            if table.count >= KeyVerdictCache.capacity { table.removeAll(keepingCapacity: true) }
            table[key] = verdict
        }
        return verdict
    }
}
