import Testing
@testable import OpsCore

/// The bounded record store behind log panes: oldest first, never more than its capacity,
/// and every record it had to drop counted.
@Suite struct LogStoreTests {
    static func record(_ n: Int, level: LogLevel = .info, time: LogTimestamp? = nil) -> LogRecord {
        LogRecord(line: n, time: time, level: level, message: "record \(n)")
    }

    static func store(capacity: Int, records count: Int) -> LogStore {
        var store = LogStore(capacity: capacity)
        store.append(contentsOf: (0..<count).map { record($0 + 1) })
        return store
    }

    @Test func emptyStore() {
        let store = LogStore(capacity: 3)
        #expect(store.isEmpty && store.count == 0)
        #expect(store.records.isEmpty)
        #expect(store.dropped == 0 && store.appended == 0)
        #expect(store.records(matching: LogQuery()).isEmpty)
    }

    @Test func keepsInsertionOrderBelowCapacity() {
        let store = Self.store(capacity: 5, records: 3)
        #expect(store.records.map(\.line) == [1, 2, 3])
        #expect(store.count == 3 && !store.isEmpty)
        #expect(store[0].line == 1 && store[2].line == 3)
        #expect(store.dropped == 0 && store.appended == 3)
    }

    @Test(arguments: [1, 2, 3, 7])
    func dropsTheOldestWhenFull(_ capacity: Int) {
        for total in 0...(3 * capacity + 2) {
            let store = Self.store(capacity: capacity, records: total)
            let held = min(total, capacity)
            let kept = Array((total - held + 1)..<(total + 1))
            #expect(store.records.map(\.line) == kept, "capacity \(capacity), \(total) appended")
            #expect(store.count == held)
            #expect(store.dropped == max(0, total - capacity))
            #expect(store.appended == total)
            #expect(store.dropped + store.count == store.appended)
            for i in 0..<store.count { #expect(store[i].line == kept[i]) }
        }
    }

    @Test func appendOneByOneEqualsAppendContentsOf() {
        var one = LogStore(capacity: 4)
        for n in 1...10 { one.append(Self.record(n)) }
        let many = Self.store(capacity: 4, records: 10)
        #expect(one.records == many.records)
        #expect(one.dropped == many.dropped && one.appended == many.appended)
    }

    @Test func recordsMatchingAQuery() {
        var store = LogStore(capacity: 4)
        store.append(contentsOf: [
            Self.record(1, level: .error), Self.record(2, level: .debug), Self.record(3, level: .warn),
            Self.record(4, level: .info), Self.record(5, level: .fatal), Self.record(6, level: .warn),
        ])
        #expect(store.records(matching: LogQuery(minimumLevel: .warn)).map(\.line) == [3, 5, 6])
        #expect(store.indices(matching: LogQuery(minimumLevel: .warn)) == [0, 2, 3])
        #expect(store.records(matching: LogQuery(texts: ["record 4"])).map(\.line) == [4])
        #expect(store.records(matching: LogQuery()).map(\.line) == [3, 4, 5, 6])
    }

    @Test func untimedRecordsTakeThePreviousHeldRecordsTime() {
        let noon = LogTimestamp(secondsSinceEpoch: 1_714_564_800)
        let hourLater = LogTimestamp(secondsSinceEpoch: noon.secondsSinceEpoch + 3600)
        var store = LogStore(capacity: 10)
        store.append(contentsOf: [
            Self.record(1), // untimed, nothing before it
            Self.record(2, time: noon), Self.record(3), Self.record(4, time: hourLater), Self.record(5),
        ])
        let since = LogQuery(since: LogTimestamp(secondsSinceEpoch: noon.secondsSinceEpoch + 60))
        #expect(store.records(matching: since).map(\.line) == [4, 5])
        let until = LogQuery(until: noon)
        #expect(store.records(matching: until).map(\.line) == [2, 3])
    }

    @Test func storedRecordsComeFromAPipelineUnchanged() {
        let records = PipelineHarness.records("ERROR a\nINFO b\nWARN c\nDEBUG d")
        var store = LogStore(capacity: 2)
        store.append(contentsOf: records)
        #expect(store.records == Array(records.suffix(2)))
        #expect(store.dropped == 2)
    }
}

@Suite struct LogStoreDroppedTimeTests {
    @Test func untimedRecordsAtTheFrontKeepTheTimeOfWhatWasDropped() {
        var store = LogStore(capacity: 2)
        store.append(LogRecord(line: 1, time: LogTimestamp(secondsSinceEpoch: 1_714_564_800), message: "timed"))
        store.append(LogRecord(line: 2, message: "untimed a"))
        store.append(LogRecord(line: 3, message: "untimed b"))
        let window = LogQuery(since: LogTimestamp(secondsSinceEpoch: 1_714_564_700))
        #expect(store.dropped == 1)
        #expect(store.records(matching: window).map(\.message) == ["untimed a", "untimed b"])
    }
}
