import Foundation
import OpsCore
import OpsUI

/// Follows one service's logs until cancelled, picking up the replicas that come and go: its
/// log sources are asked again every `rescanInterval`, at once when nudged (the dashboard saw the
/// service's replicas change), and after a pause once every stream ended (`docker logs -f` ends
/// when its container stops, and a crash-looping one stops every few seconds: the pause grows
/// while nothing arrives, up to 16 s, and the pane says the streams ended in between). New
/// sources start, vanished ones stop, the others go on untouched (`LogStreamPlan`), so no line
/// shows twice.
struct LogFollowLoop: Sendable {
    let key: ServiceKey
    let providers: ProviderSet
    let runner: any CommandRunner
    let inbox: ActionInbox
    let now: @Sendable () -> LogTimestamp
    let tail: Int
    /// Raised to ask the sources again now.
    let nudge: WakeSignal
    var rescanInterval: Duration = .seconds(10)

    func run() async {
        let streams = LogStreamGroups(key: key, runner: runner, inbox: inbox, now: now)
        defer { streams.stopAll() }
        var idlePause = RestartPause(first: .seconds(1), longest: .seconds(16))
        while !Task.isCancelled {
            var failed = false
            do {
                try await rescan(streams)
            } catch {
                if Task.isCancelled { return }
                inbox.post(.logsFailed(key, "\(error)", at: now()))
                failed = true
            }
            if streams.runningCount > 0 {
                await WakeSignal.pause(for: rescanInterval, wakingOn: [nudge, streams.allEnded])
                if streams.runningCount > 0 { idlePause.reset(); continue }
            }
            if Task.isCancelled { return }
            if !failed { inbox.post(.logsEnded(key, at: now())) }
            await WakeSignal.pause(for: idlePause.next(wentWell: streams.takeReceived() > 0), wakingOn: [nudge])
        }
    }

    /// Asks the sources once and carries out the plan. The first time every source starts with
    /// its recent lines; later, a new source's recent lines need a second listing (with a tail),
    /// asked for only when there is a new source.
    private func rescan(_ streams: LogStreamGroups) async throws {
        let first = streams.seen.isEmpty
        let current = try await providers.logSources(of: key, tail: first ? tail : 0)
        let plan = LogStreamPlan.make(running: streams.running, seen: streams.seen, wanted: current.map(\.name))
        guard !plan.isEmpty else { return }
        streams.stop(plan.stop)
        var fresh = current.filter { plan.fresh.contains($0.name) }
        if !first, !fresh.isEmpty, tail > 0 {
            let withTail = try await providers.logSources(of: key, tail: tail)
            fresh = fresh.map { source in withTail.first { $0.name == source.name } ?? source }
        }
        // Started together, so the first lines of every new replica are merged by time.
        streams.start(fresh + current.filter { plan.resumed.contains($0.name) })
    }
}
