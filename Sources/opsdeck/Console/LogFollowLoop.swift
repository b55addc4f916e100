import Foundation
import OpsCore
import OpsUI

/// Follows one service's logs until cancelled. `docker logs -f` ends when its container stops, and
/// a crash-looping container stops every few seconds: so an ended stream is followed again, from
/// new lines only, after a pause that grows while nothing arrives (up to 16 s), and the pane says
/// it ended in between.
struct LogFollowLoop: Sendable {
    let key: ServiceKey
    let providers: ProviderSet
    let runner: any CommandRunner
    let inbox: ActionInbox
    let now: @Sendable () -> LogTimestamp
    let tail: Int

    func run() async {
        var pause: Duration = .seconds(1)
        var first = true
        while !Task.isCancelled {
            let received = LockedValue(0)
            do {
                let sources = try await providers.logSources(of: key, tail: first ? tail : 0)
                let timestamps = TimestampParser(latestAccepted: LogTimestamp(
                    nanosecondsSinceEpoch: now().nanosecondsSinceEpoch &+ 86_400_000_000_000))
                let follower = ServiceLogFollower(runner: runner, sources: sources, timestamps: timestamps)
                await follower.run(deliver: { records in
                    received.withLock { $0 += records.count }
                    inbox.post(.logRecords(records, for: key))
                }) { status in
                    if let failure = status.failures.sorted(by: { $0.key < $1.key }).first {
                        inbox.post(.logsFailed(key, "\(failure.key): \(failure.value)", at: now()))
                    }
                }
                if Task.isCancelled { return }
                inbox.post(.logsEnded(key, at: now()))
            } catch {
                if Task.isCancelled { return }
                inbox.post(.logsFailed(key, "\(error)", at: now()))
            }
            first = false
            pause = received.value > 0 ? .seconds(1) : min(pause * 2, .seconds(16))
            try? await Task.sleep(for: pause)
        }
    }
}
