import Testing
@testable import OpsUI

/// Re-asking a followed service's log sources: the streams that continue are left alone, new
/// pods start with their recent lines, vanished ones stop, and none is ever started twice.
@Suite struct LogStreamPlanTests {
    @Test func theSameSourcesChangeNothing() {
        let plan = LogStreamPlan.make(running: ["api-a": 0, "api-b": 0], seen: ["api-a", "api-b"], wanted: ["api-a", "api-b"])
        #expect(plan.isEmpty)
    }

    @Test func aNewPodStartsWithItsRecentLinesAndTheOthersContinue() {
        let plan = LogStreamPlan.make(running: ["api-a": 0, "api-b": 0], seen: ["api-a", "api-b"],
                                      wanted: ["api-a", "api-b", "api-c"])
        #expect(plan == LogStreamPlan(fresh: ["api-c"]))
    }

    @Test func aVanishedPodStopsItsGroupAndItsNeighboursResumeFromNewLines() {
        // A rollout: api-a went, api-c came; api-b was started together with api-a.
        let plan = LogStreamPlan.make(running: ["api-a": 0, "api-b": 0, "api-x": 1], seen: ["api-a", "api-b", "api-x"],
                                      wanted: ["api-b", "api-c", "api-x"])
        #expect(plan.stop == [0])
        #expect(plan.resumed == ["api-b"])
        #expect(plan.fresh == ["api-c"])
    }

    @Test func aPodWhoseStreamEndedResumesFromNewLines() {
        // A crash-looping container: its stream ended with the container, the pod is still there.
        let plan = LogStreamPlan.make(running: [:], seen: ["api-a"], wanted: ["api-a"])
        #expect(plan == LogStreamPlan(resumed: ["api-a"]))
    }

    @Test func everythingGoneStopsEveryGroup() {
        let plan = LogStreamPlan.make(running: ["api-a": 0, "api-b": 1], seen: ["api-a", "api-b"], wanted: [])
        #expect(plan == LogStreamPlan(stop: [0, 1]))
    }

    @Test func aNameListedTwiceStartsOnce() {
        let plan = LogStreamPlan.make(running: [:], seen: [], wanted: ["api-a", "api-a"])
        #expect(plan.fresh == ["api-a"])
    }

    @Test func neverMoreStreamsThanWanted() {
        // The provider's cap moved one pod out of the list: its stream stops.
        let running = ["p1": 0, "p2": 0, "p3": 1]
        let wanted = ["p0", "p1", "p2"]
        let plan = LogStreamPlan.make(running: running, seen: Set(running.keys), wanted: wanted)
        let stillRunning = running.filter { !plan.stop.contains($0.value) }.count
        #expect(stillRunning + plan.fresh.count + plan.resumed.count <= wanted.count)
        #expect(plan.stop == [1] && plan.fresh == ["p0"])
    }
}
