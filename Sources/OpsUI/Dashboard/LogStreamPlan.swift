/// What to do with a followed service's log streams when its sources are asked for again (pods
/// and replicas come and go): keep the streams that continue, start the new sources, stop the
/// vanished ones. Streams run in groups started together (the first group merges every
/// replica's recent lines by time), and a group can only be stopped whole: when some of its
/// sources vanished, the group stops and the sources that continue start again from new lines
/// only, so no line shows twice.
public struct LogStreamPlan: Equatable, Sendable {
    /// Groups to stop: each follows a source that is no longer wanted.
    public var stop: Set<Int>
    /// Sources never followed before: they start with their recent lines.
    public var fresh: [String]
    /// Sources followed before (their stream ended, or their group stopped): new lines only.
    public var resumed: [String]

    public init(stop: Set<Int> = [], fresh: [String] = [], resumed: [String] = []) {
        self.stop = stop
        self.fresh = fresh
        self.resumed = resumed
    }

    /// Nothing to start or stop.
    public var isEmpty: Bool { stop.isEmpty && fresh.isEmpty && resumed.isEmpty }

    /// `running`: the group of each source streaming now; `seen`: every source followed so far;
    /// `wanted`: the sources the provider lists now (already capped to its number of streams).
    /// Never more streams than `wanted` once the plan is carried out, stops before starts.
    public static func make(running: [String: Int], seen: Set<String>, wanted: [String]) -> LogStreamPlan {
        let wantedSet = Set(wanted)
        let stop = Set(running.filter { !wantedSet.contains($0.key) }.map(\.value))
        let continuing = Set(running.filter { !stop.contains($0.value) }.map(\.key))
        var plan = LogStreamPlan(stop: stop)
        var planned = Set<String>()
        for name in wanted where !continuing.contains(name) && planned.insert(name).inserted {
            if seen.contains(name) { plan.resumed.append(name) } else { plan.fresh.append(name) }
        }
        return plan
    }
}
