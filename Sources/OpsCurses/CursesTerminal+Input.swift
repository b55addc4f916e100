import CNcurses
import OpsUI
#if canImport(Glibc)
import Glibc
#endif

/// What the signal handlers and other threads posted on the wake pipe, not yet answered.
struct PendingSignals {
    var terminate: Int32 = 0
    var suspend = false
    var continued = false
    var resized = false
    var wake = false

    mutating func note(_ byte: UInt8) {
        let signal = Int32(byte)
        switch signal {
        case 0: wake = true
        case SIGTSTP: suspend = true
        case SIGCONT: continued = true
        case SIGWINCH: resized = true
        default: if TerminalSignals.isTerminating(signal), terminate == 0 { terminate = signal }
        }
    }
}

extension CursesTerminal {
    /// Waits up to `timeout` for a key, a resize, a wake or a terminating signal; nil when the
    /// time passed with none. Blocks in poll(2) on the terminal and the wake pipe: no busy loop.
    /// Ctrl-Z and SIGCONT are answered here (suspend, repaint) without an event.
    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !isRestored {
            collectSignals()
            if let event = answerSignals() { return event }
            // Keys first from curses' own buffer: bytes it has already read never make the
            // descriptor readable again.
            if let event = readInput() { return event }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            var descriptors = [
                pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, Self.milliseconds(remaining))
            if ready > 0, descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0,
               descriptors[0].revents & Int16(POLLIN) == 0 {
                // The terminal is gone (SSH dropped): act as on SIGHUP.
                pending.note(UInt8(SIGHUP))
            }
        }
        return nil
    }

    func collectSignals() {
        waker.drain { pending.note($0) }
    }

    /// The most urgent posted signal's answer, and its event if the caller must know.
    private func answerSignals() -> TerminalEvent? {
        if pending.terminate != 0 {
            let signal = pending.terminate
            pending.terminate = 0
            // A hangup means the terminal is gone, but its other end may still be open and no longer
            // read (tmux's kill-server waits for the pane's process): a blocking write of the
            // restoring sequences would then hang the process for good. They are dropped instead.
            if signal == SIGHUP { _ = fcntl(outputDescriptor, F_SETFL, fcntl(outputDescriptor, F_GETFL) | O_NONBLOCK) }
            restore()
            return .terminate(signal: signal)
        }
        if pending.suspend {
            pending.suspend = false
            suspend()
            if let event = resizeEventIfChanged() { return event }
        }
        if pending.continued {
            pending.continued = false
            fullRepaint()
        }
        if pending.resized {
            pending.resized = false
            updateSizeFromTerminal()
            if let event = resizeEventIfChanged() { return event }
        }
        if pending.wake {
            pending.wake = false
            return .wake
        }
        return nil
    }

    /// Reads keys curses has (nodelay) until one the UI knows; nil when there is none.
    private func readInput() -> TerminalEvent? {
        // Bounded: curses hands out what the terminal sent, and unknown keys are skipped.
        for _ in 0..<64 {
            var code: wint_t = 0
            let result = wget_wch(cn_stdscr(), &code)
            if result == ERR { return nil }
            let key = result == cn_key_code_yes()
                ? KeyDecoding.functionKey(Int32(truncatingIfNeeded: code))
                : KeyDecoding.character(UInt32(code))
            switch key {
            case .none: continue
            case .resize?:
                updateSizeFromTerminal()
                if let event = resizeEventIfChanged() { return event }
            case let key?: return .key(key)
            }
        }
        return nil
    }

    /// Our SIGWINCH answer and curses' KEY_RESIZE can both report one change: report it once.
    private func resizeEventIfChanged() -> TerminalEvent? {
        guard size != lastReportedSize else { return nil }
        lastReportedSize = size
        return .resize(size)
    }

    /// Rounded up, so a wait never ends just before its deadline and spins once more.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds < 86_400 else { return 86_400_000 }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}
