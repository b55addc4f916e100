import Foundation
import OpsCore
import OpsUI

/// The log streams of one followed service, in groups started together: each group is one
/// `ServiceLogFollower` (its sources' lines merged by time) in its own task, stopped whole. The
/// records and failures of every group go to the dashboard as the one service's.
final class LogStreamGroups: @unchecked Sendable {
    private let key: ServiceKey
    private let runner: any CommandRunner
    private let inbox: ActionInbox
    private let now: @Sendable () -> LogTimestamp
    private let lock = NSLock()
    private var groups: [Int: (task: Task<Void, Never>, names: [String])] = [:]
    private var nextGroup = 0
    private var everSeen: Set<String> = []
    private var received = 0
    /// Raised when the last running group ends.
    let allEnded = WakeSignal()

    init(key: ServiceKey, runner: any CommandRunner, inbox: ActionInbox, now: @escaping @Sendable () -> LogTimestamp) {
        self.key = key
        self.runner = runner
        self.inbox = inbox
        self.now = now
    }

    /// The group of each source streaming now.
    var running: [String: Int] {
        lock.withLock {
            var byName: [String: Int] = [:]
            for (id, group) in groups { for name in group.names { byName[name] = id } }
            return byName
        }
    }

    var runningCount: Int { lock.withLock { groups.count } }

    /// Every source followed since the service was selected.
    var seen: Set<String> { lock.withLock { everSeen } }

    /// Records delivered since the last call.
    func takeReceived() -> Int {
        lock.withLock {
            defer { received = 0 }
            return received
        }
    }

    /// Starts one group following `sources`; nothing when there are none.
    func start(_ sources: [LogSource]) {
        guard !sources.isEmpty else { return }
        let key = key, inbox = inbox, now = now
        // Stamps more than a day ahead are taken for garbage, not for the future.
        let timestamps = TimestampParser(latestAccepted: LogTimestamp(
            nanosecondsSinceEpoch: now().nanosecondsSinceEpoch &+ 86_400_000_000_000))
        let follower = ServiceLogFollower(runner: runner, sources: sources, timestamps: timestamps)
        lock.lock()
        defer { lock.unlock() }
        let id = nextGroup
        nextGroup += 1
        everSeen.formUnion(sources.map(\.name))
        let task = Task { [self] in
            await follower.run(deliver: { [self] records in
                lock.withLock { received += records.count }
                inbox.post(.logRecords(records, for: key))
            }) { [self] status in
                // A pod whose stream ended (its container stopped or restarted) no longer counts
                // as followed, so the next rescan starts it again while the group's others go on.
                lock.withLock { groups[id]?.names.removeAll { status.ended.contains($0) } }
                if let failure = status.failures.sorted(by: { $0.key < $1.key }).first {
                    inbox.post(.logsFailed(key, "\(failure.key): \(failure.value)", at: now()))
                }
            }
            ended(id)
        }
        groups[id] = (task, sources.map(\.name))
    }

    /// Stops these groups (killing their processes); their sources no longer count as running.
    func stop(_ ids: Set<Int>) {
        let tasks = lock.withLock { ids.compactMap { groups.removeValue(forKey: $0)?.task } }
        for task in tasks { task.cancel() }
    }

    func stopAll() {
        let tasks = lock.withLock { () -> [Task<Void, Never>] in
            defer { groups = [:] }
            return groups.values.map(\.task)
        }
        for task in tasks { task.cancel() }
    }

    private func ended(_ id: Int) {
        let last = lock.withLock { groups.removeValue(forKey: id) != nil && groups.isEmpty }
        if last { allEnded.raise() }
    }
}
