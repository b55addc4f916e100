import OpsCore

/// One action of `opsdeck journal` as text. Everything in it came from a file anyone with write
/// access could have edited, so every piece is sanitised before it reaches the terminal.
///
/// ```
/// 2026-11-28T10:00:00.123Z  alice@ops1 (from 10.0.0.7)  api/production  deploy  1.4.1 -> 1.4.2  ok  3.2s
///   1. pull the image: ok, 812ms
///      $ docker pull registry.example.com/api:1.4.2
///   2. start the new container: failed (exit 125), 140ms
///      $ docker run -d --name api registry.example.com/api:1.4.2
///      stderr: docker: Error response from daemon: Conflict.
/// ```
enum JournalTextReport {
    /// An alert on one line: `2026-11-28T10:04:00.120Z  alice@ops1  ALERT api/production/health failing: status 503`.
    static func line(of entry: JournalAlertEntry) -> String {
        let who = entry.observer.user.isEmpty && entry.observer.host.isEmpty ? "(unknown)" : shown(entry.observer.userAtHost)
        return [entry.time.rfc3339Milliseconds, who, shown(entry.alert.summary)].joined(separator: "  ")
    }

    static func lines(of action: JournalAction) -> [String] {
        var lines = [headline(of: action)]
        for record in action.steps {
            let step = record.step
            lines.append("  \(step.index + 1). \(shown(step.summary)): \(stepEnding(record))")
            lines.append("     $ \(commandLine(step))")
            if let stderr = record.standardError {
                for (position, line) in stderr.split(whereSeparator: \.isNewline).enumerated() {
                    lines.append((position == 0 ? "     stderr: " : "             ") + shown(String(line)))
                }
            }
            if let error = record.error, record.outcome != .ok { lines.append("     error: \(shown(error))") }
        }
        if action.steps.isEmpty && action.isInterrupted { lines.append("  (no step was started)") }
        if let override = action.gateOverride {
            lines.append("  gates overridden by \(shown(override.by)): \(override.gates.map(shown).joined(separator: ", "))")
        }
        for note in action.notes {
            let label = note.phase == .lockTakeover ? "lock" : "noted"
            lines.append("  \(label) (\(note.time.rfc3339Milliseconds), \(shown(note.by.userAtHost))): \(shown(note.text))")
        }
        if !action.hasStartedLine { lines.append("  (its \"started\" line is missing: shown from its other lines)") }
        return lines
    }

    private static func headline(of action: JournalAction) -> String {
        // Only an `interrupted-noted` line survives of some actions: who ran them is then unknown.
        var who = action.actor.user.isEmpty && action.actor.host.isEmpty ? "(unknown)" : shown(action.actor.userAtHost)
        if let client = action.actor.client { who += " (from \(shown(client)))" }
        let change = "\(version(action.from)) -> \(version(action.to))"
        let ending: String
        if action.isInterrupted {
            ending = "INTERRUPTED (never finished; last seen \(action.lastSeenAt.rfc3339Milliseconds))"
        } else {
            ending = action.outcome.rawValue + (action.durationMilliseconds.map { "  " + ElapsedText.of(milliseconds: $0) } ?? "")
        }
        return [action.startedAt.rfc3339Milliseconds, who, shown(action.key.description), action.kind.rawValue,
                change, ending].joined(separator: "  ")
    }

    private static func stepEnding(_ record: JournalAction.StepRecord) -> String {
        guard let outcome = record.outcome else { return "not finished" }
        var words = outcome.rawValue
        if outcome == .interrupted { words += " (never finished)" }
        if let code = record.exitCode, code != 0 { words += " (exit \(code))" }
        if let signal = record.signal { words += " (signal \(signal))" }
        if let milliseconds = record.durationMilliseconds { words += ", " + ElapsedText.of(milliseconds: milliseconds) }
        return words
    }

    /// `1.4.2`, `1.4.2 (sha256:0123456789ab)`, or `-` when nothing is known.
    private static func version(_ version: JournalEntry.Version) -> String {
        let digest = version.digest.map { digest -> String in
            let short = digest.hasPrefix("sha256:") ? String(digest.prefix(19)) : String(digest.prefix(24))
            return shown(short)
        }
        switch (version.version.map(shown), digest) {
        case (let name?, let digest?): return "\(name) (\(digest))"
        case (let name?, nil): return name
        case (nil, let digest?): return digest
        case (nil, nil): return "-"
        }
    }

    private static func commandLine(_ step: JournalEntry.Step) -> String {
        guard let executable = step.argv.first else { return "(no command recorded)" }
        return shown(Command(executable, Array(step.argv.dropFirst()), environment: step.environment).description)
    }


    private static func shown(_ text: String) -> String { Sanitiser.sanitise(text) }
}
