import Foundation
import OpsCore
import OpsUI

/// `opsdeck-bench render`: the cost of one frame of the log view, with the store full.
enum RenderBenchmark {
    /// As the view keeps it: formatted lines remembered from frame to frame.
    nonisolated(unsafe) static let lineCache = LogLineCache()

    struct Figures {
        var microseconds: [Double] = []
        var cells: [Int] = []
        var runs: [Int] = []

        mutating func add(_ seconds: Double, _ changes: [CellRun]) {
            microseconds.append(seconds * 1e6)
            cells.append(changes.reduce(0) { $0 + $1.cells.count })
            runs.append(changes.count)
        }

        func line(_ name: String) -> String {
            let sorted = microseconds.sorted()
            func pct(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            let medianCells = cells.sorted()[cells.count / 2]
            let medianRuns = runs.sorted()[runs.count / 2]
            return name.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "%9.1f %9.1f %9.1f %9d %7d", pct(0.5), pct(0.99), sorted.last ?? 0, medianCells, medianRuns)
        }
    }

    static func run(_ options: RenderOptions) {
        let size = Size(columns: options.columns, rows: options.rows)
        printToStandardError("filling the view with \(options.records) records…")
        var state = LogViewState(capacity: options.records)
        let levels: [LogLevel] = [.info, .info, .info, .debug, .warn, .error]
        func record(_ n: Int) -> LogRecord {
            LogRecord(line: n, source: n % 4 == 0 ? "api-7d9c5/api" : "web-5f6b8/web",
                      time: LogTimestamp(nanosecondsSinceEpoch: 1_732_800_000_000_000_000 + Int64(n) * 50_000_000),
                      level: levels[n % levels.count], message: "GET /orders/\(n) answered in \(n % 900) ms",
                      fields: [JSONMember("status", .number(n % 50 == 0 ? "500" : "200")), JSONMember("user_id", .number(String(n % 1000)))])
        }
        var batch: [LogRecord] = []
        for n in 1...options.records {
            batch.append(record(n))
            if batch.count == 100_000 { _ = LogViewReducer.reduce(&state, .records(batch)); batch.removeAll(keepingCapacity: true) }
        }
        _ = LogViewReducer.reduce(&state, .records(batch))
        var previous = frame(&state, size)

        var arrival = Figures(), scroll = Figures(), idle = Figures()
        var next = options.records + 1
        for _ in 0..<options.frames {
            _ = LogViewReducer.reduce(&state, .records([record(next)]))
            next += 1
            arrival.add(measure(&state, size, &previous))
        }
        _ = LogViewReducer.reduce(&state, .key(.character("g")))
        _ = measure(&state, size, &previous)
        for i in 0..<options.frames {
            _ = LogViewReducer.reduce(&state, .key(i % 2 == 0 ? .character("j") : .character("k")))
            scroll.add(measure(&state, size, &previous))
        }
        for _ in 0..<options.frames { idle.add(measure(&state, size, &previous)) }

        print("opsdeck-bench render: \(options.records) records in the store, \(size.columns)x\(size.rows) frame, \(options.frames) frames each")
        print("frame (render + diff)               p50 µs    p99 µs    max µs  cells/f  runs/f")
        print(String(repeating: "-", count: 84))
        print(arrival.line("one new record, following"))
        print(scroll.line("one-line scroll (j/k)"))
        print(idle.line("nothing changed"))
        print("cells/f: cells handed to the terminal per frame (median); a full repaint is \(size.columns * size.rows).")
    }

    private static func frame(_ state: inout LogViewState, _ size: Size) -> CellGrid {
        let frame = LogViewRenderer.render(state, size: size)
        _ = LogViewReducer.reduce(&state, .viewport(top: frame.top, rows: frame.rows))
        return frame.grid
    }

    /// Render + diff against the previous frame, timed.
    private static func measure(_ state: inout LogViewState, _ size: Size, _ previous: inout CellGrid) -> (Double, [CellRun]) {
        let start = DispatchTime.now().uptimeNanoseconds
        let frame = LogViewRenderer.render(state, size: size, cache: lineCache)
        let changes = frame.grid.changes(since: previous)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        _ = LogViewReducer.reduce(&state, .viewport(top: frame.top, rows: frame.rows))
        previous = frame.grid
        return (seconds, changes)
    }
}

extension RenderBenchmark.Figures {
    mutating func add(_ measured: (Double, [CellRun])) { add(measured.0, measured.1) }
}
