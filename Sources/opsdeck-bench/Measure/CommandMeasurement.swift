import Foundation

/// Measures an external command on the log file: stdout to /dev/null, wall time and the child's
/// own peak RSS per run, repeated `runs` times (the row reports the median).
enum CommandMeasurement {
    /// `argv[0]` is a tool name looked up on `$PATH` (or a path); a missing tool yields a
    /// "not installed" row. `file` is shown as FILE in the command line.
    static func measure(title: String, argv: [String], file: String, runs: Int,
                        environment: [String: String]? = nil) -> Measurement {
        let display = displayCommand(argv, file: file) + " > /dev/null"
        guard let tool = argv.first, let executable = ToolLocator.findOnPath(tool) else {
            return Measurement(title: title, commandDisplay: display,
                               status: .notInstalled("\(argv.first ?? "?") not installed"))
        }
        var measurement = Measurement(title: title, commandDisplay: display, status: .measured)
        let resolved = [executable] + argv.dropFirst()
        for run in 1...max(1, runs) {
            progress("\(title): run \(run) of \(runs)")
            do {
                measurement.record(try ChildProcess.run(resolved, environment: environment))
            } catch {
                measurement.status = .failed("\(error)")
            }
            if measurement.isFailed { break }
        }
        measurement.noteRuns()
        return measurement
    }

    static func displayCommand(_ argv: [String], file: String) -> String {
        ShellQuote.join(argv).replacingOccurrences(of: ShellQuote.quote(file), with: "FILE")
    }

    static func progress(_ text: String) { printToStandardError("… \(text)") }
}
