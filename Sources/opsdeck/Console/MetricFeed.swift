import Foundation
import OpsCore
import OpsUI

/// Reads the configured metrics for the console: every metric on its interval, each reading
/// posted as an action, and the last hour of a service's metrics when the dashboard asks.
struct MetricFeed: Sendable {
    let poller: MetricPoller
    let inbox: ActionInbox
    let now: @Sendable () -> LogTimestamp

    init(metrics: [PlannedMetric], interval: Duration, inbox: ActionInbox, now: @escaping @Sendable () -> LogTimestamp) {
        poller = MetricPoller(metrics: metrics, interval: interval, trustRoots: .fromEnvironment())
        self.inbox = inbox
        self.now = now
    }

    /// Until cancelled.
    func run() async {
        guard !poller.metrics.isEmpty else { return }
        let inbox = inbox
        await poller.run { reading in inbox.post(.metricReading(reading)) }
    }

    /// The last hour of each metric of `key`, one range query each, answered as they come.
    func loadHistory(of key: ServiceKey) async {
        let metrics = poller.metrics.filter { $0.id.service == key.service && $0.id.environment == key.environment }
        await withTaskGroup(of: Void.self) { group in
            for metric in metrics {
                group.addTask { [poller, inbox, now] in
                    switch await poller.sparkline(of: metric, points: MetricBoard.hourPoints) {
                    case .success(let values): inbox.post(.metricHistoryLoaded(metric.id, values, at: now()))
                    case .failure(let error): inbox.post(.metricHistoryFailed(metric.id, "\(error)", at: now()))
                    }
                }
            }
        }
    }
}
