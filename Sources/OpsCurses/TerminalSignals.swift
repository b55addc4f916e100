import CNcurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The signal handlers that keep the terminal usable on every exit path.
///
/// A signal handler may only call async-signal-safe functions, and `endwin` is not one (it
/// writes through stdio and touches curses' state, which the interrupted UI thread may be in
/// the middle of changing). So the handlers for the signals the UI can answer calmly only
/// write the signal's number to the self-pipe (`write(2)` is async-signal-safe); the UI loop,
/// polling that pipe, restores the terminal, suspends or resizes on its own thread:
/// - SIGINT, SIGTERM, SIGHUP: `nextEvent` restores and returns `.terminate`. Should the UI
///   thread be stuck, a second such signal calls `endwin` best-effort and dies by the signal.
/// - SIGTSTP (Ctrl-Z, or `kill -TSTP`): `nextEvent` calls `suspend()`.
/// - SIGCONT: a full repaint (the screen was someone else's meanwhile).
/// - SIGWINCH: the new size is read and `resizeterm` called.
/// Fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT) leave no UI loop to ask:
/// their handler calls `endwin` best-effort (the process is dying; a garbled terminal is the
/// worse outcome), puts back the previous handler (the Swift runtime's backtracer or the
/// default) and raises the signal again. SIGPIPE is ignored: a closed pipe is an error to
/// report, not a reason to leave the terminal in curses mode.
final class TerminalSignals {
    static let routed: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    private var previous: [Int32: sigaction] = [:]

    /// Routes the signals to `wakeDescriptor`. Only one terminal at a time may own them.
    init(wakeDescriptor: Int32) {
        // Touch the globals here: a global's first access runs its lazy initialiser, which
        // must never happen inside a handler.
        pendingTermination.store(0, ordering: .relaxed)
        signalWakeDescriptor.store(wakeDescriptor, ordering: .releasing)
        screenActive.store(true, ordering: .releasing)
        for signal in Self.routed { install(signal, routedSignalHandler, flags: Int32(truncatingIfNeeded: SA_RESTART)) }
        for signal in Self.fatal {
            if let old = install(signal, fatalSignalHandler, flags: Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: SA_RESETHAND) | UInt32(truncatingIfNeeded: SA_NODEFER))) {
                fatalPrevious.save(old, for: signal)
            }
        }
        install(SIGPIPE, nil, flags: 0)
    }

    /// Puts back every handler that was there before. Idempotent.
    func uninstall() {
        screenActive.store(false, ordering: .releasing)
        signalWakeDescriptor.store(-1, ordering: .releasing)
        for (signal, var action) in previous { sigaction(signal, &action, nil) }
        previous.removeAll()
    }

    /// Installs `handler` (nil: ignore) and remembers the previous action the first time.
    @discardableResult
    private func install(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?, flags: Int32) -> sigaction? {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler ?? SIG_IGN
        action.sa_flags = flags
        sigemptyset(&action.sa_mask)
        var old = sigaction()
        guard sigaction(signal, &action, &old) == 0 else { return nil }
        if previous[signal] == nil { previous[signal] = old }
        return old
    }

    /// Stops the process as Ctrl-Z would without us: SIGTSTP with its default action, then our
    /// handler again once the shell continues the process.
    func stopProcess() {
        var stop = sigaction()
        stop.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        var ours = sigaction()
        sigaction(SIGTSTP, &stop, &ours)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    /// Dies by `signal` with its default action, so the parent (a shell) sees the real cause.
    static func exitBySignal(_ signal: Int32) -> Never {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        exit(128 + signal)
    }
}

// Signal handlers cannot carry context, so what they need lives in these process-wide
// constants; they are atomics (or written before the handler is installed), never locks.
private let signalWakeDescriptor = Atomic<Int32>(-1)
private let pendingTermination = Atomic<Int32>(0)
private let screenActive = Atomic<Bool>(false)
private let fatalPrevious = SavedSignalActions()

/// The actions to chain to from the fatal-signal handler: written when the handlers are
/// installed, only read by the handler.
private final class SavedSignalActions: @unchecked Sendable {
    private let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    private let present = UnsafeMutablePointer<Bool>.allocate(capacity: 65)

    init() {
        actions.initialize(repeating: sigaction(), count: 65)
        present.initialize(repeating: false, count: 65)
    }

    func save(_ action: sigaction, for signal: Int32) {
        guard signal > 0, signal < 65, !present[Int(signal)] else { return }
        actions[Int(signal)] = action
        present[Int(signal)] = true
    }

    /// Reinstalls the saved action, or the default one; async-signal-safe (sigaction only).
    func reinstall(_ signal: Int32) {
        if signal > 0, signal < 65, present[Int(signal)] {
            sigaction(signal, actions + Int(signal), nil)
        } else {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(signal, &action, nil)
        }
    }
}

private let routedSignalHandler: @convention(c) (Int32) -> Void = { signal in
    let savedErrno = errno
    if TerminalSignals.isTerminating(signal), pendingTermination.exchange(signal, ordering: .acquiringAndReleasing) != 0 {
        // The UI loop has not answered the first one: do the best we can and go.
        if screenActive.load(ordering: .acquiring) { _ = endwin() }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &action, nil)
        raise(signal)
    }
    let descriptor = signalWakeDescriptor.load(ordering: .acquiring)
    if descriptor >= 0 {
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(descriptor, &byte, 1)
    }
    errno = savedErrno
}

private let fatalSignalHandler: @convention(c) (Int32) -> Void = { signal in
    if screenActive.exchange(false, ordering: .acquiringAndReleasing) { _ = endwin() }
    fatalPrevious.reinstall(signal)
    raise(signal)
}

extension TerminalSignals {
    /// No array here: this runs inside a signal handler.
    static func isTerminating(_ signal: Int32) -> Bool {
        signal == SIGINT || signal == SIGTERM || signal == SIGHUP
    }
}
