import Foundation

/// Wakes one waiting task: raised before anyone waits, the next wait returns at once. A
/// cancelled wait returns too, so a pause can race a signal against a timer.
final class WakeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var waiter: CheckedContinuation<Void, Never>?

    func raise() {
        let woken = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { waiter = nil }
            if waiter == nil { raised = true }
            return waiter
        }
        woken?.resume()
    }

    /// One waiter at a time.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = lock.withLock { () -> Bool in
                    if raised || Task.isCancelled {
                        raised = false
                        return true
                    }
                    waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let woken = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                defer { waiter = nil }
                return waiter
            }
            woken?.resume()
        }
    }

    /// Returns after `duration` or as soon as one of `signals` is raised, whichever comes first.
    static func pause(for duration: Duration, wakingOn signals: [WakeSignal]) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            for signal in signals { group.addTask { await signal.wait() } }
            _ = await group.next()
            group.cancelAll()
        }
    }
}
