/// What the daemon's `Status` text of `docker ps` says: `Up 3 minutes (healthy)`,
/// `Restarting (1) 5 seconds ago`, `Exited (137) 2 hours ago`, `Up 5 days (Paused)`, `Created`,
/// `Dead`, `Removal In Progress`. `docker ps` carries no health field before docker 29.5 and no
/// exit code or restart state at all, so this text is where they are read from.
public struct DockerStatusText: Hashable, Sendable {
    public var state: RunState
    public var health: HealthState
    /// The exit code in `Exited (N)` and `Restarting (N)`.
    public var exitCode: Int?
    /// `Restarting (N) …`: the container crashed and its restart policy is bringing it back.
    public var isRestarting: Bool
    /// The duration in the text (how long it has been up, or since it exited), as docker rounds
    /// it: `About an hour` is 3600 s, a month 30 days, a year 365 days. Nil when it has none.
    public var ageSeconds: Int64?

    public init(state: RunState, health: HealthState = .none, exitCode: Int? = nil, isRestarting: Bool = false,
                ageSeconds: Int64? = nil) {
        self.state = state
        self.health = health
        self.exitCode = exitCode
        self.isRestarting = isRestarting
        self.ageSeconds = ageSeconds
    }

    /// Reads `text`; `stateWord` (ps `State`: running, exited, …) decides when the text is empty or
    /// unknown.
    public init(_ text: String, stateWord: String? = nil) {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("Up ") || trimmed == "Up" {
            var rest = Substring(trimmed.dropFirst(2))
            var health = HealthState.none
            var paused = false
            // Parenthesised notes follow the duration: `(healthy)`, `(health: starting)`, `(Paused)`.
            while let open = rest.lastIndex(of: "("), rest.hasSuffix(")") {
                let note = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
                switch note {
                case "healthy": health = .healthy
                case "unhealthy": health = .unhealthy
                case "health: starting": health = .starting
                case "Paused": paused = true
                default: break
                }
                rest = rest[..<open]
            }
            self.init(state: paused ? .paused : .running, health: health,
                      ageSeconds: DockerStatusText.seconds(in: rest.trimmingSpaces))
        } else if let (code, rest) = DockerStatusText.codeAfter("Restarting", in: trimmed) {
            self.init(state: .degraded, exitCode: code, isRestarting: true, ageSeconds: DockerStatusText.secondsAgo(rest))
        } else if let (code, rest) = DockerStatusText.codeAfter("Exited", in: trimmed) {
            self.init(state: code == 0 ? .stopped : .failed, exitCode: code, ageSeconds: DockerStatusText.secondsAgo(rest))
        } else {
            switch trimmed {
            case "Created": self.init(state: .starting)
            case "Dead": self.init(state: .failed)
            case "Removal In Progress": self.init(state: .stopped)
            default: self.init(state: DockerStatusText.state(ofWord: stateWord ?? ""))
            }
        }
    }

    /// ps `State` / inspect `State.Status`: created, running, paused, restarting, removing, exited, dead.
    /// An exited container is stopped or failed by its exit code, which the word alone does not say.
    public static func state(ofWord word: String, exitCode: Int? = nil) -> RunState {
        switch word {
        case "running": .running
        case "created": .starting
        case "paused": .paused
        case "restarting": .degraded
        case "removing": .stopped
        case "exited": (exitCode ?? 0) == 0 ? .stopped : .failed
        case "dead": .failed
        default: .unknown
        }
    }

    /// `Exited (137) 2 hours ago` → (137, `2 hours ago`).
    private static func codeAfter(_ word: String, in text: String) -> (Int, Substring)? {
        guard text.hasPrefix(word + " ("), let close = text.firstIndex(of: ")") else { return nil }
        let digits = text[text.index(text.startIndex, offsetBy: word.count + 2)..<close]
        guard let code = Int(digits) else { return nil }
        return (code, text[text.index(after: close)...])
    }

    /// `2 hours ago` → 7200.
    private static func secondsAgo(_ text: Substring) -> Int64? {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix(" ago") else { return nil }
        return seconds(in: String(trimmed.dropLast(4)))
    }

    /// docker's human durations (go-units `HumanDuration`): `Less than a second`, `1 second`,
    /// `N seconds`, `About a minute`, `N minutes`, `About an hour`, `N hours`, `N days`,
    /// `N weeks`, `N months`, `N years`.
    static func seconds(in text: String) -> Int64? {
        switch text {
        case "Less than a second": return 0
        case "About a minute": return 60
        case "About an hour": return 3600
        default: break
        }
        guard let space = text.firstIndex(of: " "), let count = Int64(text[..<space]) else { return nil }
        var unit = text[text.index(after: space)...]
        if unit.hasSuffix("s") { unit = unit.dropLast() }
        let unitSeconds: Int64
        switch unit {
        case "second": unitSeconds = 1
        case "minute": unitSeconds = 60
        case "hour": unitSeconds = 3600
        case "day": unitSeconds = 86_400
        case "week": unitSeconds = 7 * 86_400
        case "month": unitSeconds = 30 * 86_400
        case "year": unitSeconds = 365 * 86_400
        default: return nil
        }
        let (total, overflow) = count.multipliedReportingOverflow(by: unitSeconds)
        return overflow ? nil : total
    }
}

extension StringProtocol {
    /// Without spaces at either end.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
