import Foundation

/// Runs recursive work on a thread with a stack large enough for it, and waits for the result.
///
/// Yams composes recursively, one level per nested list or map, up to libyaml's limit of 1000
/// levels; that takes over a megabyte of stack in a debug build, more than a secondary thread
/// may have (512 KiB on macOS). The thread's stack is reserved address space, only touched as used.
enum LargeStack {
    static let bytes = 32 << 20

    /// The result of `work`, or nil if no thread could be started.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result? {
        let outcome = Outcome<Result>()
        let thread = Thread {
            outcome.value = work()
            outcome.done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        outcome.done.wait()
        return outcome.value
    }

    /// Written by the worker before it signals `done`, read after the wait: the semaphore orders them.
    private final class Outcome<Result: Sendable>: @unchecked Sendable {
        var value: Result?
        let done = DispatchSemaphore(value: 0)
    }
}
