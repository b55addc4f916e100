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

    /// `812ms`, `3.2s`, `2m05s`, `1h02m`: fits six columns up to 99 hours.
    static func duration(_ milliseconds: Int64) -> String {
        let milliseconds = max(0, milliseconds)
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        let tenths = milliseconds / 100
        if milliseconds < 60_000 { return "\(tenths / 10).\(tenths % 10)s" }
        let seconds = milliseconds / 1000
        if seconds < 3600 { return "\(seconds / 60)m" + pad(seconds % 60) + "s" }
        let minutes = seconds / 60
        return "\(minutes / 60)h" + pad(minutes % 60) + "m"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
