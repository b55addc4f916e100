/// Runs the hook for each submitted alert, one at a time, in the order the alerts came.
///
/// One at a time, because a burst of alerts (a network failure turns every probe red at once)
/// must not start dozens of pagers at once, and because a recovery must never reach the team's
/// tool before the alert it ends. At most `capacity` alerts wait; past that an alert's hook is not
/// run and reported `.dropped` at once (the alert is shown and journalled all the same). Every
/// submitted alert gets exactly one outcome through `report`, called on the queue's own task.
public final class AlertHookQueue: Sendable {
    public static let defaultCapacity = 32

    private struct State: Sendable {
        var stopping = false
        var running: Task<AlertHookOutcome, Never>?
    }

    public let capacity: Int
    private let continuation: AsyncStream<Alert>.Continuation
    private let worker: Task<Void, Never>
    private let state: LockedValue<State>
    private let report: @Sendable (Alert, AlertHookOutcome) -> Void

    public init(hook: AlertHook, capacity: Int = defaultCapacity,
                report: @escaping @Sendable (Alert, AlertHookOutcome) -> Void) {
        let capacity = max(1, capacity)
        let (stream, continuation) = AsyncStream.makeStream(of: Alert.self, bufferingPolicy: .bufferingOldest(capacity))
        let state = LockedValue(State())
        self.capacity = capacity
        self.continuation = continuation
        self.state = state
        self.report = report
        worker = Task {
            for await alert in stream {
                let run: Task<AlertHookOutcome, Never>? = state.withLock { state in
                    guard !state.stopping else { return nil }
                    let run = Task { await hook.run(alert) }
                    state.running = run
                    return run
                }
                let outcome = await run?.value ?? .cancelled
                state.withLock { $0.running = nil }
                report(alert, outcome)
            }
        }
    }

    /// Queues the hook of `alert`; returns at once.
    public func submit(_ alert: Alert) {
        switch continuation.yield(alert) {
        case .enqueued:
            break
        case .dropped(let dropped):
            report(dropped, .dropped(waiting: capacity))
        case .terminated:
            report(alert, .cancelled)
        @unknown default:
            report(alert, .cancelled)
        }
    }

    /// Takes no more alerts and waits until the hook of every queued one has run (each bounded by
    /// the hook's deadline).
    public func finish() async {
        continuation.finish()
        await worker.value
    }

    /// Takes no more alerts, kills the running hook and reports the waiting ones `.cancelled`
    /// without running them. `finish` then returns as soon as that is done.
    public func cancel() {
        let running = state.withLock { state in
            state.stopping = true
            return state.running
        }
        running?.cancel()
        continuation.finish()
    }
}
