import Testing
import OpsCore
@testable import OpsUI

@Suite struct LogViewReducerTests {
    static func record(_ n: Int, _ level: LogLevel = .info, _ message: String? = nil, user: Int? = nil) -> LogRecord {
        LogRecord(line: n, time: LogTimestamp(secondsSinceEpoch: 1_714_564_800 + Int64(n)), level: level,
                  message: message ?? "record \(n)", fields: user.map { [JSONMember("user_id", .number(String($0)))] } ?? [])
    }

    static func state(_ records: [LogRecord], query: LogQuery = LogQuery()) -> LogViewState {
        var state = LogViewState(capacity: 1000, query: query)
        _ = LogViewReducer.reduce(&state, .records(records))
        _ = LogViewReducer.reduce(&state, .viewport(top: 0, rows: 10))
        return state
    }

    @discardableResult
    static func press(_ state: inout LogViewState, _ keys: Key...) -> LogViewEffect {
        var effect = LogViewEffect.none
        for key in keys { effect = LogViewReducer.reduce(&state, .key(key)) }
        return effect
    }

    static func type(_ state: inout LogViewState, _ text: String) {
        for c in text { _ = LogViewReducer.reduce(&state, .key(.character(c))) }
    }

    @Test func followsNewRecordsUntilScrolledUpThenCountsThem() {
        var state = Self.state((1...5).map { Self.record($0) })
        #expect(state.selected == 4 && state.following)
        _ = LogViewReducer.reduce(&state, .records([Self.record(6)]))
        #expect(state.selected == 5)
        Self.press(&state, .character("k"))
        #expect(!state.following && state.selected == 4)
        _ = LogViewReducer.reduce(&state, .records([Self.record(7), Self.record(8)]))
        #expect(state.selected == 4 && state.newBelow == 2)
        Self.press(&state, .character("G"))
        #expect(state.following && state.selected == 7 && state.newBelow == 0)
    }

    @Test func movesByLinesPagesAndEnds() {
        var state = Self.state((1...50).map { Self.record($0) })
        Self.press(&state, .character("g"))
        #expect(state.selected == 0 && !state.following)
        Self.press(&state, .pageDown)
        #expect(state.selected == 10)
        Self.press(&state, .control("u"))
        #expect(state.selected == 5)
        Self.press(&state, .control("d"), .down, .character("j"))
        #expect(state.selected == 12)
        Self.press(&state, .pageUp, .pageUp)
        #expect(state.selected == 0)
        Self.press(&state, .end)
        #expect(state.selected == 49 && state.following)
    }

    @Test func jumpsBetweenErrorsAndWarnings() {
        var state = Self.state([Self.record(1, .error), Self.record(2), Self.record(3, .warn), Self.record(4, .fatal), Self.record(5)])
        Self.press(&state, .character("g"))
        Self.press(&state, .character("e"))
        #expect(state.selected == 3)
        Self.press(&state, .character("E"))
        #expect(state.selected == 0)
        Self.press(&state, .character("w"))
        #expect(state.selected == 2)
        Self.press(&state, .character("W"))
        #expect(state.selected == 2 && state.message == "no previous warning")
    }

    @Test func searchesAndStepsThroughMatches() {
        var state = Self.state([Self.record(1, .info, "Timeout on db"), Self.record(2), Self.record(3, .info, "db timeout again"), Self.record(4)])
        Self.press(&state, .character("g"), .character("/"))
        #expect(state.prompt == .search)
        Self.type(&state, "timeout")
        Self.press(&state, .enter)
        #expect(state.search == "timeout" && state.selected == 0) // smart case: matches "Timeout"
        Self.press(&state, .character("n"))
        #expect(state.selected == 2)
        Self.press(&state, .character("n"))
        #expect(state.selected == 2 && state.message == "no next match")
        Self.press(&state, .character("N"))
        #expect(state.selected == 0)
        Self.press(&state, .escape)
        #expect(state.search == nil)
    }

    @Test func cyclesTheMinimumLevel() {
        var state = Self.state([Self.record(1, .debug), Self.record(2, .info), Self.record(3, .warn), Self.record(4, .error)])
        #expect(state.visible.count == 4)
        Self.press(&state, .character("l"), .character("l"), .character("l"))
        #expect(state.levelOverride == .warn && state.visible.count == 2 && state.message == "level ≥ warn")
        Self.press(&state, .character("l"), .character("l"), .character("l"))
        #expect(state.levelOverride == nil && state.visible.count == 4)
    }

    @Test func editsTheFilterAndSaysHowManyMatch() {
        var state = Self.state([Self.record(1, .warn, "a", user: 42), Self.record(2, .error, "b", user: 7), Self.record(3, .info, "c", user: 42)])
        Self.press(&state, .character("f"))
        Self.type(&state, "level>=warn user_id=42")
        Self.press(&state, .enter)
        #expect(state.visible.count == 1 && state.record(atVisible: 0).message == "a")
        #expect(state.message == "1 of 3 records match")
        Self.press(&state, .character("f"), .control("u"))
        Self.type(&state, "level>=loud")
        Self.press(&state, .enter)
        #expect(state.prompt == .filter && state.messageIsError) // stays open to be corrected
        #expect(state.message?.contains("loud") == true)
    }

    @Test func theCommandLineFiltersAlwaysHold() {
        let base = LogQuery(texts: ["db"])
        var state = Self.state([Self.record(1, .info, "db up"), Self.record(2, .error, "cache down"), Self.record(3, .error, "db down")], query: base)
        #expect(state.visible.count == 2)
        Self.press(&state, .character("l"), .character("l"), .character("l"), .character("l")) // error
        #expect(state.visible.map { state.store[$0].message } == ["db down"])
    }

    @Test func opensTheDetailHelpAndPromptsAndClosesThem() {
        var state = Self.state([Self.record(1), Self.record(2)])
        Self.press(&state, .enter)
        #expect(state.detail == 1)
        Self.press(&state, .character("k"))
        #expect(state.detail == 0) // the detail follows the selection
        Self.press(&state, .escape)
        #expect(state.detail == nil)
        Self.press(&state, .character("?"))
        #expect(state.showingHelp)
        Self.press(&state, .character("j"))
        #expect(state.showingHelp) // keys go to the help while it shows
        Self.press(&state, .escape)
        #expect(!state.showingHelp)
    }

    @Test func togglesTimestampsAndWrap() {
        var state = Self.state([Self.record(1)])
        Self.press(&state, .character("t"))
        #expect(state.timeStyle == .relative)
        Self.press(&state, .character("t"), .character("t"))
        #expect(state.timeStyle == .absolute)
        Self.press(&state, .right)
        #expect(state.horizontalOffset == 8)
        Self.press(&state, .character("z"))
        #expect(state.wrap && state.horizontalOffset == 0)
    }

    @Test func savesAndQuitsThroughEffects() {
        var state = Self.state([Self.record(1)])
        Self.press(&state, .character("s"))
        #expect(state.prompt == .save && state.promptText == "opsdeck-export.jsonl")
        #expect(Self.press(&state, .enter) == .save(path: "opsdeck-export.jsonl"))
        Self.press(&state, .character(":"))
        Self.type(&state, "w /tmp/x.jsonl")
        #expect(Self.press(&state, .enter) == .save(path: "/tmp/x.jsonl"))
        Self.press(&state, .character(":"))
        Self.type(&state, "bogus")
        Self.press(&state, .enter)
        #expect(state.messageIsError)
        #expect(Self.press(&state, .character("q")) == .quit)
    }

    @Test func anEmptyViewIgnoresMovement() {
        var state = Self.state([])
        Self.press(&state, .character("j"), .character("k"), .character("e"), .enter, .character("G"), .character("g"))
        #expect(state.selected == nil && state.detail == nil)
    }

    @Test func theStoresBoundDropsTheOldestAndKeepsTheSelectionInRange() {
        var state = LogViewState(capacity: 3)
        _ = LogViewReducer.reduce(&state, .records((1...5).map { Self.record($0) }))
        #expect(state.store.dropped == 2 && state.visible == [0, 1, 2] && state.selected == 2)
        #expect(state.selectedRecord?.line == 5)
    }
}

@Suite struct LogViewHelpScrollTests {
    @Test func theHelpScrollsWithMovementKeysWithinItsRows() {
        var state = LogViewReducerTests.state([LogViewReducerTests.record(1)])
        LogViewReducerTests.press(&state, .character("?"), .character("j"), .character("j"))
        #expect(state.showingHelp && state.helpScroll == 2)
        for _ in 0..<200 { LogViewReducerTests.press(&state, .character("j")) }
        #expect(state.helpScroll == LogViewReducer.helpRows(.logView))
        LogViewReducerTests.press(&state, .escape)
        #expect(!state.showingHelp && state.helpScroll == 0 && state.selected == 0)
    }
}

@Suite struct LogViewRolloverTests {
    /// When the store's ring is full, a paused view keeps its selection on the same record while
    /// older ones leave, and the records shown stay in order.
    @Test func aPausedSelectionStaysOnItsRecordWhileTheRingRollsOver() {
        var state = LogViewState(capacity: 10)
        _ = LogViewReducer.reduce(&state, .records((1...10).map { LogViewReducerTests.record($0) }))
        LogViewReducerTests.press(&state, .character("k"), .character("k")) // record 8
        #expect(state.selectedRecord?.line == 8)
        _ = LogViewReducer.reduce(&state, .records((11...14).map { LogViewReducerTests.record($0) }))
        #expect(state.store.dropped == 4 && state.visibleCount == 10)
        #expect(state.selectedRecord?.line == 8 && state.newBelow == 4)
        #expect(state.visible == Array(0..<10) && state.record(atVisible: 0).line == 5)
        _ = LogViewReducer.reduce(&state, .records((15...40).map { LogViewReducerTests.record($0) }))
        #expect(state.selectedRecord?.line == 31) // its record left: the oldest kept one instead
        LogViewReducerTests.press(&state, .character("G"))
        #expect(state.selectedRecord?.line == 40)
    }
}
