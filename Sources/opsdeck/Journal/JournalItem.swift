import OpsCore

/// One thing `opsdeck journal` prints: an action or an alert, in time order.
enum JournalItem {
    case action(JournalAction)
    case alert(JournalAlertEntry)

    var isAction: Bool {
        if case .action = self { return true }
        return false
    }

    var time: LogTimestamp {
        switch self {
        case .action(let action): action.startedAt
        case .alert(let alert): alert.time
        }
    }

    /// Both lists, each oldest first, merged by time; at one time an action comes before an alert,
    /// and each list keeps its own order.
    static func merged(actions: [JournalAction], alerts: [JournalAlertEntry]) -> [JournalItem] {
        var items: [JournalItem] = []
        items.reserveCapacity(actions.count + alerts.count)
        var next = (action: 0, alert: 0)
        while next.action < actions.count || next.alert < alerts.count {
            if next.alert == alerts.count
                || (next.action < actions.count && !(alerts[next.alert].time < actions[next.action].startedAt)) {
                items.append(.action(actions[next.action]))
                next.action += 1
            } else {
                items.append(.alert(alerts[next.alert]))
                next.alert += 1
            }
        }
        return items
    }
}
