import Synchronization

/// Work that must be done before a signal (the terminal gone with the SSH link, SIGTERM) ends the
/// console: the process ends by re-raising the signal, so no `defer` or `atexit` of a caller runs.
/// `opsdeck demo` registers the stop of its fleet here, which would otherwise outlive it.
enum ConsoleSignalCleanup {
    private static let work = Mutex<[@Sendable () -> Void]>([])

    static func register(_ cleanup: @escaping @Sendable () -> Void) {
        work.withLock { $0.append(cleanup) }
    }

    /// Runs what was registered, once.
    static func runAll() {
        let all = work.withLock { work in
            defer { work = [] }
            return work
        }
        for cleanup in all { cleanup() }
    }
}
