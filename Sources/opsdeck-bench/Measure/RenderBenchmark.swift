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
        var bytes: [Int] = []

        mutating func add(_ seconds: Double, _ changes: [CellRun], _ sent: Int) {
            microseconds.append(seconds * 1e6)
            cells.append(changes.reduce(0) { $0 + $1.cells.count })
            runs.append(changes.count)
            bytes.append(sent)
        }

        static func median(_ values: [Int]) -> Int { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

        func line(_ name: String) -> String {
            let sorted = microseconds.sorted()
            func pct(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            return name.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "%9.1f %9.1f %9.1f %9d %7d %9d", pct(0.5), pct(0.99), sorted.last ?? 0,
                         Self.median(cells), Self.median(runs), Self.median(bytes))
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
        let sink: TerminalSink?
        do {
            sink = try TerminalSink(size: size, terminalType: options.terminalType)
        } catch {
            printToStandardError("no pseudo-terminal for counting bytes (\(error)); bytes/f will read 0")
            sink = nil
        }
        let fullRepaintBytes = sink?.send(previous.changes(since: nil)) ?? 0

        var arrival = Figures(), scroll = Figures(), idle = Figures()
        var next = options.records + 1
        for _ in 0..<options.frames {
            _ = LogViewReducer.reduce(&state, .records([record(next)]))
            next += 1
            arrival.add(measure(&state, size, &previous, sink))
        }
        _ = LogViewReducer.reduce(&state, .key(.character("g")))
        _ = measure(&state, size, &previous, sink)
        for i in 0..<options.frames {
            _ = LogViewReducer.reduce(&state, .key(i % 2 == 0 ? .character("j") : .character("k")))
            scroll.add(measure(&state, size, &previous, sink))
        }
        for _ in 0..<options.frames { idle.add(measure(&state, size, &previous, sink)) }

        sink?.close()
        print("opsdeck-bench render: \(options.records) records in the store, \(size.columns)x\(size.rows) frame, \(options.frames) frames each")
        print("frame (render + diff)               p50 µs    p99 µs    max µs  cells/f  runs/f   bytes/f")
        print(String(repeating: "-", count: 94))
        print(arrival.line("one new record, following"))
        print(scroll.line("one-line scroll (j/k)"))
        print(idle.line("nothing changed"))
        print("cells/f: cells handed to the terminal per frame (median); a full repaint is \(size.columns * size.rows).")
        print("bytes/f: bytes curses wrote to a \(options.terminalType) pseudo-terminal per frame (median);"
              + " the first, full frame took \(fullRepaintBytes).")
    }

    private static func frame(_ state: inout LogViewState, _ size: Size) -> CellGrid {
        let frame = LogViewRenderer.render(state, size: size)
        _ = LogViewReducer.reduce(&state, .viewport(top: frame.top, rows: frame.rows))
        return frame.grid
    }

    /// Render + diff against the previous frame, timed; then drawn on the terminal, untimed, to
    /// count the bytes it sends.
    private static func measure(_ state: inout LogViewState, _ size: Size, _ previous: inout CellGrid,
                                _ sink: TerminalSink?) -> (Double, [CellRun], Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let frame = LogViewRenderer.render(state, size: size, cache: lineCache)
        let changes = frame.grid.changes(since: previous)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        _ = LogViewReducer.reduce(&state, .viewport(top: frame.top, rows: frame.rows))
        previous = frame.grid
        return (seconds, changes, sink?.send(changes) ?? 0)
    }
}

extension RenderBenchmark.Figures {
    mutating func add(_ measured: (Double, [CellRun], Int)) { add(measured.0, measured.1, measured.2) }
}
