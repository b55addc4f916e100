import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGHUP (the SSH link dropped), SIGTERM and SIGINT during an action: opsdeck does not die with
/// them. The running step (in its own process group, so the terminal's hangup does not reach it)
/// finishes, is journalled, and no further step starts; `onStop` asks the executor for that.
final class ActionSignals {
    private static let handled = [SIGHUP, SIGTERM, SIGINT]
    private var sources: [any DispatchSourceSignal] = []

    init(onStop: @escaping @Sendable (Int32) -> Void) {
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { onStop(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening; the signals stay ignored until the process exits, which follows at once.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
    }
}
