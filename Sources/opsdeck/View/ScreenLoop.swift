import OpsCurses
import OpsUI

/// The loop every full-screen command runs on the one thread that owns the terminal: it waits
/// for a key, a resize or a wake without polling, lets the screen take what arrived, and redraws
/// only when something changed.
struct ScreenLoop {
    enum Step {
        case changed
        case unchanged
        case quit
    }

    let terminal: CursesTerminal
    /// Takes what background work left (records, actions) since the last turn.
    var takeArrivals: () -> Step
    var key: (Key) -> Step
    /// The terminal changed size: the next draw must be a full one.
    var resized: () -> Void
    var draw: () -> Void
    /// Stops background work before a signal ends the process.
    var stop: () -> Void

    /// Runs until `takeArrivals` or `key` says quit; a terminating signal ends the process.
    func run() {
        var dirty = true
        while true {
            switch takeArrivals() {
            case .quit: return
            case .changed: dirty = true
            case .unchanged: break
            }
            if dirty {
                draw()
                dirty = false
            }
            guard let event = terminal.nextEvent(timeout: .seconds(1)) else { continue }
            switch event {
            case .key(let pressed):
                dirty = true
                if case .quit = key(pressed) { return }
            case .resize:
                resized()
                dirty = true
            case .wake:
                break // arrivals are taken at the top of the loop
            case .terminate(let signal):
                stop()
                CursesTerminal.exitBySignal(signal)
            }
        }
    }
}
