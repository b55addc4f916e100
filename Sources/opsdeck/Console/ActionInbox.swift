import Foundation
import OpsUI

/// Where the console's background tasks leave actions for the UI thread, which owns the state:
/// posting wakes the terminal's wait, the loop drains them all at once.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [DashboardAction] = []
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ action: DashboardAction) {
        lock.withLock { waiting.append(action) }
        wake()
    }

    func drain() -> [DashboardAction] {
        lock.withLock {
            defer { waiting.removeAll(keepingCapacity: true) }
            return waiting
        }
    }
}
