/// At most `count` probes in flight at once: an async counting semaphore whose waiters leave the
/// queue when their task is cancelled.
actor ProbeSlots {
    private var free: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiter: UInt64 = 0

    init(_ count: Int) { free = max(1, count) }

    /// Waits for a slot; false when the task was cancelled instead (it then holds no slot).
    func acquire() async -> Bool {
        if free > 0 {
            free -= 1
            return true
        }
        let id = nextWaiter
        nextWaiter &+= 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.leave(id) }
        }
    }

    /// Hands the slot to the longest waiter, or frees it.
    func release() {
        if waiters.isEmpty {
            free += 1
        } else {
            waiters.removeFirst().continuation.resume(returning: true)
        }
    }

    private func leave(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }
}
