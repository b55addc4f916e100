import Synchronization

/// A small value (a flag, a counter, a list) that escaping closures on several threads share,
/// read and changed under a lock. `Mutex` alone cannot be captured: it is not copyable.
public final class LockedValue<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { value in body(&value) }
    }

    public var value: Value { withLock { $0 } }
}
