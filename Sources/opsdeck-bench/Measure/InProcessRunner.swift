import Glibc

/// Runs `InProcessBenchmarks` in child processes of the bench itself and reads back what they saw.
enum InProcessRunner {
    /// Parent side: `opsdeck-bench _in-process NAME FILE`, timed like any other command.
    static func measure(_ benchmark: any InProcessLogBenchmark, file: String, runs: Int) -> Measurement {
        var measurement = Measurement(title: benchmark.title, commandDisplay: "in process: \(benchmark.explanation)",
                                      status: .measured)
        guard let own = ToolLocator.resolvedPath("/proc/self/exe") else {
            measurement.status = .failed("cannot find the opsdeck-bench executable")
            return measurement
        }
        var outcome: InProcessOutcome?
        for run in 1...max(1, runs) {
            CommandMeasurement.progress("\(benchmark.title): run \(run) of \(runs)")
            do {
                let outputPath = try TemporaryPaths.file(prefix: "opsdeck-bench-outcome", suffix: ".txt")
                defer { unlink(outputPath) }
                measurement.record(try ChildProcess.run([own, "_in-process", benchmark.name, file],
                                                        standardOutput: .file(outputPath)))
                outcome = parse(FileContents.read(outputPath) ?? "")
                if outcome == nil && !measurement.isFailed { measurement.status = .failed("no outcome from the child") }
            } catch {
                measurement.status = .failed("\(error)")
            }
            if measurement.isFailed { break }
        }
        measurement.noteRuns()
        if let records = outcome?.records { measurement.notes.append("\(Format.grouped(records)) records") }
        return measurement
    }

    /// Child side: runs the named measurement and prints `lines=N records=M` on stdout.
    static func runChild(name: String, file: String) throws {
        guard let benchmark = InProcessBenchmarks.named(name) else {
            throw BenchError("no in-process measurement named '\(name)'")
        }
        let outcome = try benchmark.run(file: file)
        print("lines=\(outcome.lines) records=\(outcome.records.map(String.init) ?? "-")")
    }

    static func parse(_ text: String) -> InProcessOutcome? {
        var lines: Int?
        var records: Int?
        for field in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "lines": lines = Int(parts[1])
            case "records": records = Int(parts[1])
            default: break
            }
        }
        return lines.map { InProcessOutcome(lines: $0, records: records) }
    }
}
