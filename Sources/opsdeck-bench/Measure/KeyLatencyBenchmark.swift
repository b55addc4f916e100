import Foundation
import OpsCore

/// `opsdeck-bench keys`: how long a key takes to show on a real terminal while the log view holds
/// a full store and new records keep arriving. The release `opsdeck view` runs in tmux following
/// a generated file; a thread appends lines at the given rate; `k` (pause) and `G` (follow) are
/// sent in turn and the screen is polled until it says PAUSED or FOLLOW.
enum KeyLatencyBenchmark {
    static func run(_ options: KeyLatencyOptions) throws {
        guard let opsdeck = ToolLocator.sibling(named: "opsdeck") else {
            throw BenchError("no opsdeck next to opsdeck-bench: swift build -c release --product opsdeck")
        }
        guard ToolLocator.findOnPath("tmux") != nil else { throw BenchError("tmux is not installed") }
        let directory = try TemporaryPaths.makeDirectory(prefix: "opsdeck-bench-keys")
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let logPath = "\(directory)/view.log", morePath = "\(directory)/more.log"
        printToStandardError("generating \(options.records) lines to view and \(options.rate * options.seconds) to append…")
        _ = try LogFileGenerator(lineCount: options.records, seed: 42).write(to: OutputFile(creating: logPath), manifest: nil)
        _ = try LogFileGenerator(lineCount: options.rate * options.seconds, seed: 7)
            .write(to: OutputFile(creating: morePath), manifest: nil)

        let tmux = TmuxScreen(socket: "opsdeck-bench-\(getpid())", columns: 200, rows: 60)
        defer { tmux.stop() }
        try tmux.start([opsdeck, "view", "--capacity", "\(options.records)", logPath], environment: ["ESCDELAY": "10"])
        printToStandardError("waiting for the view to read the file…")
        try tmux.waitUntilSettled(containing: "FOLLOW", timeout: 300)
        guard let pid = tmux.panePID() else { throw BenchError("no pid for the view's pane") }

        let appender = LineAppender(source: morePath, target: logPath, linesPerSecond: options.rate)
        let appendingSince = MonotonicClock.now()
        appender.start()
        defer { appender.stop() }
        Thread.sleep(forTimeInterval: 1) // let the stream settle into its rate
        let cpuBefore = ProcessCPU.ticks(pid), wallBefore = MonotonicClock.now()
        var pause: [Double] = [], follow: [Double] = []
        for _ in 0..<options.presses {
            pause.append(try tmux.latency(of: "k", until: "PAUSED"))
            Thread.sleep(forTimeInterval: 0.2)
            follow.append(try tmux.latency(of: "G", until: "FOLLOW"))
            Thread.sleep(forTimeInterval: 0.2)
        }
        let wall = MonotonicClock.seconds(since: wallBefore)
        let cores = Double(ProcessCPU.ticks(pid) - cpuBefore) / Double(sysconf(Int32(_SC_CLK_TCK))) / wall
        let appended = appender.stop()
        let rate = Double(appended) / max(MonotonicClock.seconds(since: appendingSince), 0.001)
        let rss = ProcessCPU.residentBytes(pid)

        print("opsdeck-bench keys: opsdeck view following \(options.records) records, \(options.rate) lines/s appended, 200x60 tmux")
        print("key → screen (ms)      p50     max   presses")
        print(String(format: "k → PAUSED         %7.1f %7.1f %6d", median(pause), pause.max() ?? 0, pause.count))
        print(String(format: "G → FOLLOW         %7.1f %7.1f %6d", median(follow), follow.max() ?? 0, follow.count))
        print(String(format: "the view used %.2f cores over those %.1f s, while lines arrived at %.0f a second; resident %.0f MB",
                     cores, wall, rate, Double(rss) / 1e6))
    }

    static func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }
}

struct KeyLatencyOptions {
    var records = 1_000_000
    var rate = 20_000
    var presses = 10
    /// Lines prepared for appending last this long at the rate.
    var seconds = 30
}

/// A tmux server of its own running one pane, read as a user reads the screen.
struct TmuxScreen {
    let socket: String
    let columns: Int
    let rows: Int

    /// Starts `argv` in the pane, in `directory`, with `environment` added: each word quoted for the
    /// shell tmux hands the command to, so paths with spaces or `$` arrive as they are.
    func start(_ argv: [String], directory: String? = nil, environment: [String: String] = [:]) throws {
        var options = ["-x", "\(columns)", "-y", "\(rows)"]
        if let directory { options += ["-c", directory] }
        for name in environment.keys.sorted() { options += ["-e", "\(name)=\(environment[name] ?? "")"] }
        let command = "exec " + argv.map(ShellQuoting.quote).joined(separator: " ")
        let run = try ChildProcess.run(["/usr/bin/env", "tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d"]
                                       + options + [command])
        guard run.termination == .exited(0) else { throw BenchError("tmux did not start: \(run.standardErrorHead)") }
    }

    func screen() -> String {
        let path = (try? TemporaryPaths.file(prefix: "opsdeck-bench-screen", suffix: ".txt")) ?? "/dev/null"
        defer { unlink(path) }
        _ = try? ChildProcess.run(["/usr/bin/env", "tmux", "-L", socket, "capture-pane", "-p"], standardOutput: .file(path))
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func panePID() -> Int32? {
        let path = (try? TemporaryPaths.file(prefix: "opsdeck-bench-pid", suffix: ".txt")) ?? "/dev/null"
        defer { unlink(path) }
        _ = try? ChildProcess.run(["/usr/bin/env", "tmux", "-L", socket, "display", "-p", "#{pane_pid}"], standardOutput: .file(path))
        return (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits until the screen contains `text` and stays the same for half a second (the file read).
    func waitUntilSettled(containing text: String, timeout: Double) throws {
        let started = MonotonicClock.now()
        var last = "", since = MonotonicClock.now()
        while MonotonicClock.seconds(since: started) < timeout {
            let now = screen()
            if now != last { last = now; since = MonotonicClock.now() }
            if now.contains(text), MonotonicClock.seconds(since: since) > 0.5 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw BenchError("the screen did not show \(text) within \(Int(timeout)) s:\n\(last)")
    }

    /// Sends one key (a tmux key name: `?`, `Escape`).
    func send(_ key: String) throws {
        let run = try ChildProcess.run(["/usr/bin/env", "tmux", "-L", socket, "send-keys", key])
        guard run.termination == .exited(0) else { throw BenchError("tmux send-keys \(key) failed: \(run.standardErrorHead)") }
    }

    /// Milliseconds from sending `key` until the screen contains `text`.
    func latency(of key: String, until text: String) throws -> Double {
        let started = MonotonicClock.now()
        _ = try ChildProcess.run(["/usr/bin/env", "tmux", "-L", socket, "send-keys", key])
        while MonotonicClock.seconds(since: started) < 5 {
            if screen().contains(text) { return MonotonicClock.seconds(since: started) * 1000 }
        }
        throw BenchError("\(key) did not show \(text) within 5 s")
    }

    /// Ends the tmux server, and the program in its pane by its PID should it outlive the server
    /// (a server busy with a flood of output has been seen to leave it running).
    func stop() {
        let pane = panePID()
        _ = try? ChildProcess.run(["/usr/bin/env", "tmux", "-L", socket, "kill-server"])
        guard let pane, pane > 1 else { return }
        let started = MonotonicClock.now()
        while kill(pane, 0) == 0, MonotonicClock.seconds(since: started) < 3 { usleep(20_000) }
        if kill(pane, 0) == 0 {
            kill(pane, SIGHUP)
            usleep(500_000)
            if kill(pane, 0) == 0 { kill(pane, SIGKILL) }
        }
    }
}

/// Appends lines of one file to another at a steady rate, in 10 ms slices, on its own thread.
final class LineAppender: @unchecked Sendable {
    private let bytes: [UInt8]
    /// Where each line ends (after its newline).
    private let ends: [Int]
    private let target: String, linesPerSecond: Int
    private let lock = NSLock()
    private var stopped = false, finished = false, appended = 0

    /// Reads the source's lines now, so appending starts at full rate.
    init(source: String, target: String, linesPerSecond: Int) {
        let bytes = FileManager.default.contents(atPath: source).map { [UInt8]($0) } ?? []
        self.bytes = bytes
        ends = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        self.target = target
        self.linesPerSecond = linesPerSecond
    }

    func start() {
        Thread.detachNewThread { [self] in
            defer { lock.withLock { finished = true } }
            guard let out = FileHandle(forWritingAtPath: target) else { return }
            out.seekToEndOfFile()
            let started = MonotonicClock.now()
            var next = 0
            while !lock.withLock({ stopped }), next < ends.count {
                let due = min(ends.count, Int(MonotonicClock.seconds(since: started) * Double(linesPerSecond)))
                if due > next {
                    let from = next == 0 ? 0 : ends[next - 1]
                    out.write(Data(bytes[from..<ends[due - 1]]))
                    next = due
                    lock.withLock { appended = next }
                }
                usleep(10_000)
            }
        }
    }

    /// Stops appending; returns the lines appended.
    @discardableResult
    func stop() -> Int {
        lock.withLock { stopped = true }
        while !lock.withLock({ finished }) { usleep(1000) }
        return lock.withLock { appended }
    }
}

/// CPU time and memory of another process, from /proc.
enum ProcessCPU {
    /// utime + stime in clock ticks.
    static func ticks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    static func residentBytes(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}
