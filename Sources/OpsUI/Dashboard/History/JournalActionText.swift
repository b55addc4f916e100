import OpsCore

/// How the History pane writes an action of opsdeck's journal.
enum JournalActionText {
    /// `ok`, `failed`, `timed out`, `cancelled`, `interrupted`.
    static func outcome(_ outcome: JournalEntry.Outcome) -> String {
        switch outcome {
        case .ok: "ok"
        case .failed: "failed"
        case .timedOut: "timed out"
        case .cancelled: "cancelled"
        case .interrupted: "interrupted"
        }
    }

    static func role(_ outcome: JournalEntry.Outcome) -> Role {
        switch outcome {
        case .ok: .statusRunning
        case .failed, .timedOut: .statusFailed
        case .cancelled: .statusStopped
        // It may have done part of its work: someone should look.
        case .interrupted: .statusDegraded
        }
    }

    /// One side of an action: its version, else its short digest, else `?`.
    static func version(_ version: JournalEntry.Version) -> String {
        if let name = version.version { return DashboardText.clean(name) }
        if let digest = version.digest { return DashboardText.clean(ImageReference.shortDigest(digest)) }
        return "?"
    }

    /// `who@host`, or `?` when only another opsdeck's note about the action survived.
    static func actor(_ action: JournalAction) -> String {
        action.actor.user.isEmpty && action.actor.host.isEmpty ? "?" : DashboardText.clean(action.actor.userAtHost)
    }
}
