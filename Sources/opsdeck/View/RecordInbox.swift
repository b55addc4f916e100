import OpsCore
import Synchronization

/// Records read on the ingestion thread, waiting for the UI thread to take them. The reader
/// hands over batches; the UI drains everything at once, so the lock is taken rarely.
final class RecordInbox: Sendable {
    private let waiting = Mutex<[LogRecord]>([])
    private let stopping = Atomic<Bool>(false)

    /// Adds a batch; returns true when the inbox was empty (the UI must be woken).
    func post(_ batch: [LogRecord]) -> Bool {
        waiting.withLock { records in
            let wasEmpty = records.isEmpty
            records.append(contentsOf: batch)
            return wasEmpty
        }
    }

    func drain() -> [LogRecord] {
        waiting.withLock { records in
            defer { records.removeAll(keepingCapacity: true) }
            return records
        }
    }

    func stop() { stopping.store(true, ordering: .relaxed) }
    var isStopping: Bool { stopping.load(ordering: .relaxed) }
}
