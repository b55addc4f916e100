import OpsCore

/// A row of the History pane: a release the provider lists, or an action opsdeck itself ran on
/// the service (a deploy, rollback or promote from the journal), so the pane tells the whole
/// story of a service in one list.
public enum HistoryRow: Hashable, Sendable {
    case release(Release)
    case action(JournalAction)

    /// Unique among the rows of one service: journal ids are prefixed so that they can never be
    /// taken for a provider's release id (a rollback picks releases by id).
    public var id: String {
        switch self {
        case .release(let release): release.id
        case .action(let action): Self.actionPrefix + action.id
        }
    }

    static let actionPrefix = "journal:"

    /// When it happened: a release's creation, an action's start. Nil when the provider does not say.
    public var time: LogTimestamp? {
        switch self {
        case .release(let release): release.createdAt
        case .action(let action): action.startedAt
        }
    }

    /// The release that runs now.
    public var isLive: Bool {
        if case .release(let release) = self { return release.status == .live }
        return false
    }

    /// Merges the provider's releases (newest first, as listed) with opsdeck's actions, newest
    /// first. The provider's order is kept as it is: a release without a time stays right after the
    /// one listed before it, and an action goes before the first release older than it.
    public static func merged(releases: [Release], actions: [JournalAction]) -> [HistoryRow] {
        let newestActions = actions.sorted { $0.startedAt > $1.startedAt }
        var rows: [HistoryRow] = []
        rows.reserveCapacity(releases.count + newestActions.count)
        var next = newestActions.startIndex
        for release in releases {
            if let created = release.createdAt {
                while next < newestActions.endIndex, newestActions[next].startedAt > created {
                    rows.append(.action(newestActions[next]))
                    next += 1
                }
            }
            rows.append(.release(release))
        }
        rows += newestActions[next...].map(HistoryRow.action)
        return rows
    }

    /// What `/` looks in, as shown (sanitised) and lower-cased. An action also answers to
    /// `opsdeck` and its kind, so `/opsdeck` or `/rollback` shows opsdeck's own rows.
    var haystack: String {
        let words: [String]
        switch self {
        case .release(let release):
            words = [release.version, release.image?.reference ?? "", release.image?.digest ?? "", release.commit ?? "",
                     release.author ?? "", release.status.word, release.note ?? ""]
        case .action(let action):
            words = ["opsdeck", action.kind.rawValue, action.from.version ?? "", action.from.digest ?? "",
                     action.to.version ?? "", action.to.digest ?? "", action.actor.userAtHost,
                     JournalActionText.outcome(action.outcome)]
        }
        return words.map { DashboardText.clean($0).lowercased() }.joined(separator: "\u{1F}")
    }
}
