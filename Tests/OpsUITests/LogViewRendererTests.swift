import Testing
import OpsCore
@testable import OpsUI

@Suite struct LogViewRendererTests {
    static func state(_ count: Int, capacity: Int = 1000) -> LogViewState {
        var state = LogViewState(capacity: capacity)
        let levels: [LogLevel] = [.info, .info, .warn, .error, .debug]
        let records = (0..<count).map { n in
            LogRecord(line: n + 1, source: n % 3 == 0 ? "api-1" : "web-2",
                      time: LogTimestamp(secondsSinceEpoch: 1_714_564_800 + Int64(n)),
                      level: levels[n % levels.count], message: "request \(n) done",
                      fields: [JSONMember("status", .number(n % 5 == 3 ? "500" : "200"))])
        }
        _ = LogViewReducer.reduce(&state, .records(records))
        return state
    }

    @Test func at80x24TheNewestRecordsFillThePaneAboveTheRatesAndTheStatus() {
        let frame = LogViewRenderer.render(Self.state(40), size: Size(columns: 80, rows: 24), title: "app.log")
        let rows = frame.grid.text.components(separatedBy: "\n")
        #expect(rows.count == 24)
        #expect(rows[0].hasPrefix("┌─ app.log · 40 of 40 records "))
        #expect(rows[21].hasPrefix("└"))
        #expect(rows[22].hasPrefix("rate/s "))
        #expect(rows[23].hasPrefix(" FOLLOW") && rows[23].hasSuffix("40/40  ? help "))
        #expect(rows[20].contains("request 39 done")) // following: the newest at the bottom
        #expect(frame.rows == 20 && frame.top == 20)
        // The selected (newest) record is drawn in the selection role across the pane.
        #expect(frame.grid[20, 1].role == .selection)
    }

    @Test func at160x48TheDetailSplitsThePane() {
        var state = Self.state(10)
        _ = LogViewReducer.reduce(&state, .key(.enter))
        let frame = LogViewRenderer.render(state, size: Size(columns: 160, rows: 48))
        let text = frame.grid.text
        #expect(text.contains("record at line 10 · Esc closes"))
        #expect(text.contains(#""message": "request 9 done","#))
        #expect(text.contains("rate/s "))
    }

    @Test func aLongRecordsDetailScrollsWithJAndKAndStopsAtItsEnd() {
        var state = LogViewState(capacity: 10)
        let stack = (1...40).map { "    at frame\($0)" }.joined(separator: "\n")
        let record = LogRecord(line: 1, level: .error, message: "boom",
                               error: LogError(type: "Crash", message: "boom", stack: stack),
                               fields: (1...30).map { JSONMember("k\($0)", .number(String($0))) })
        _ = LogViewReducer.reduce(&state, .records([record]))
        _ = LogViewReducer.reduce(&state, .key(.enter))
        let size = Size(columns: 80, rows: 24)
        let first = LogViewRenderer.render(state, size: size).grid.text
        #expect(first.contains("J/K scroll · 1-"))
        #expect(first.contains(#""line": 1,"#))
        for _ in 0..<100 { _ = LogViewReducer.reduce(&state, .key(.character("J"))) }
        let last = LogViewRenderer.render(state, size: size).grid.text
        #expect(!last.contains(#""line": 1,"#) && last.contains(#""k30": 30"#))
        #expect(last.contains("}")) // the end of the record is on screen, not blank rows past it
        for _ in 0..<100 { _ = LogViewReducer.reduce(&state, .key(.character("K"))) }
        #expect(LogViewRenderer.render(state, size: size).grid.text == first)
        // Another record's detail starts at its top again.
        _ = LogViewReducer.reduce(&state, .key(.character("J")))
        _ = LogViewReducer.reduce(&state, .key(.escape))
        _ = LogViewReducer.reduce(&state, .key(.enter))
        #expect(state.detailScroll == 0)
    }

    @Test func promptsTakeTheStatusRowAndPlaceTheCursor() {
        var state = Self.state(3)
        _ = LogViewReducer.reduce(&state, .key(.character("/")))
        for c in "abc" { _ = LogViewReducer.reduce(&state, .key(.character(c))) }
        let frame = LogViewRenderer.render(state, size: Size(columns: 40, rows: 12))
        #expect(frame.grid.rowText(11).hasPrefix("/abc "))
        #expect(frame.cursor == Point(column: 4, row: 11))
    }

    @Test func helpCoversTheScreenAndAnEmptyViewSaysWhy() {
        var state = Self.state(0)
        #expect(LogViewRenderer.render(state, size: Size(columns: 60, rows: 15)).grid.text.contains("waiting for records…"))
        _ = LogViewReducer.reduce(&state, .key(.character("?")))
        let help = LogViewRenderer.render(state, size: Size(columns: 60, rows: 15)).grid.text
        #expect(help.contains("keys · j/k scroll · Esc closes") && help.contains("down one record"))
    }

    @Test func pausedViewsSayHowManyRecordsArrivedBelow() {
        var state = Self.state(5)
        _ = LogViewReducer.reduce(&state, .key(.character("k")))
        _ = LogViewReducer.reduce(&state, .records([LogRecord(line: 6, level: .info, message: "late")]))
        let status = LogViewRenderer.render(state, size: Size(columns: 80, rows: 10)).grid.rowText(9)
        #expect(status.contains("PAUSED +1 new below (G)"))
    }

    @Test func tinyTerminalsGetAMessageNotACrash() {
        for size in [Size(columns: 10, rows: 3), Size(columns: 0, rows: 0), Size(columns: 19, rows: 40), Size(columns: 40, rows: 4)] {
            let frame = LogViewRenderer.render(Self.state(5), size: size)
            #expect(frame.grid.size == size)
        }
        let tiny = LogViewRenderer.render(Self.state(5), size: Size(columns: 30, rows: 3))
        #expect(tiny.grid.rowText(0).hasPrefix("opsdeck: terminal too small"))
    }

    @Test func hostileTextIsShownEscapedInThePane() {
        var state = LogViewState(capacity: 10)
        _ = LogViewReducer.reduce(&state, .records([LogRecord(line: 1, level: .error, message: "x\u{1B}[2J\u{202E}y")]))
        let text = LogViewRenderer.render(state, size: Size(columns: 80, rows: 10)).grid.text
        #expect(text.contains(#"x\e[2J<U+202E>y"#))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test func theDroppedCountShowsWhenTheStoreIsFull() {
        let state = Self.state(30, capacity: 20)
        let text = LogViewRenderer.render(state, size: Size(columns: 100, rows: 12)).grid.text
        #expect(text.contains("20 of 20 records · 10 dropped"))
        #expect(text.contains("10 dropped  20/20"))
    }
}

@Suite struct LogViewPromptErrorTests {
    @Test func aBadFilterIsNamedBesideThePromptUntilTheNextEdit() {
        var state = LogViewRendererTests.state(3)
        _ = LogViewReducer.reduce(&state, .key(.character("f")))
        for c in "level>=bogus" { _ = LogViewReducer.reduce(&state, .key(.character(c))) }
        _ = LogViewReducer.reduce(&state, .key(.enter))
        let row = LogViewRenderer.render(state, size: Size(columns: 100, rows: 12)).grid.rowText(11)
        #expect(row.hasPrefix("filter: level>=bogus"))
        #expect(row.contains("'bogus' is not a level"))
        _ = LogViewReducer.reduce(&state, .key(.backspace))
        let edited = LogViewRenderer.render(state, size: Size(columns: 100, rows: 12)).grid.rowText(11)
        #expect(!edited.contains("is not a level"))
    }
}

@Suite struct LogViewASCIITests {
    /// With a locale that cannot show them, the view's own marks are ASCII too.
    @Test func anASCIIScreenHasNoOtherCharacters() {
        var state = LogViewRendererTests.state(5)
        _ = LogViewReducer.reduce(&state, .key(.character("l")))
        _ = LogViewReducer.reduce(&state, .key(.character("j"))) // clears the level message
        let text = LogViewRenderer.render(state, size: Size(columns: 80, rows: 12), style: .ascii, title: "app.log").grid.text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        #expect(text.contains("app.log - 5 of 5 records") && text.contains("level>=debug"))
        _ = LogViewReducer.reduce(&state, .key(.character("?")))
        let help = LogViewRenderer.render(state, size: Size(columns: 80, rows: 40), style: .ascii).grid.text
        #expect(help.unicodeScalars.allSatisfy { $0.isASCII }, "\(help)")
        #expect(help.contains("j Down"))
    }
}

@Suite struct LogLineCacheTests {
    /// The cache is a memo: frames drawn with it are the frames drawn without it, as records
    /// arrive, the time style changes, records are dropped and the source column widens.
    @Test func framesAreTheSameWithAndWithoutTheCache() {
        let cache = LogLineCache()
        var state = LogViewState(capacity: 50)
        let size = Size(columns: 90, rows: 16)
        for step in 0..<120 {
            let source = step % 7 == 0 ? "a-much-longer-source-\(step)" : "api"
            _ = LogViewReducer.reduce(&state, .records([LogRecord(line: step, source: source,
                time: LogTimestamp(secondsSinceEpoch: 1_714_564_800 + Int64(step)), level: .info, message: "m\(step)\nsecond")]))
            if step % 30 == 29 { _ = LogViewReducer.reduce(&state, .key(.character("t"))) }
            if step % 11 == 0 { _ = LogViewReducer.reduce(&state, .key(.character("k"))) }
            let cached = LogViewRenderer.render(state, size: size, cache: cache)
            let fresh = LogViewRenderer.render(state, size: size)
            #expect(cached.grid == fresh.grid, "step \(step)")
            _ = LogViewReducer.reduce(&state, .viewport(top: fresh.top, rows: fresh.rows))
        }
    }
}
