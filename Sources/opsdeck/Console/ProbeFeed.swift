import Foundation
import OpsCore
import OpsUI

/// Runs the configured probes for the console, each on its own interval, and posts every result
/// as an action; the dashboard's trackers damp them into states.
struct ProbeFeed: Sendable {
    let probes: [Probe]
    let inbox: ActionInbox

    /// Until cancelled. A client that cannot be made (an unusable `SSL_CERT_FILE`) is said on the
    /// status line, and the probes stay unknown.
    func run() async {
        guard !probes.isEmpty else { return }
        let client: HTTPClient
        do {
            client = try HTTPClient(trustRoots: .fromEnvironment())
        } catch {
            inbox.post(.notice("probes cannot run: \(error)", isError: true))
            return
        }
        let scheduler = ProbeScheduler(probes: probes, runner: LiveProbeRunner(client: client))
        let inbox = inbox
        await scheduler.run { report in inbox.post(.probeResult(report)) }
    }
}
