import OpsCore

/// Everything `logs` found, printed as a table for people or as JSON for scripts.
struct BenchReport {
    var machine: MachineFacts
    var toolVersions: [(tool: String, version: String)]
    var file: PreparedFile
    /// False when the generated file was removed at exit.
    var kept: Bool
    var measurements: [Measurement]

    struct Figures {
        var seconds: Double
        var linesPerSecond: Double
        var megabytesPerSecond: Double
    }

    func figures(_ measurement: Measurement) -> Figures? {
        guard let seconds = measurement.medianSeconds, seconds > 0 else { return nil }
        return Figures(seconds: seconds, linesPerSecond: Double(file.lines) / seconds,
                       megabytesPerSecond: Double(file.bytes) / 1e6 / seconds)
    }

    // MARK: Table

    func table() -> String {
        var text = "opsdeck-bench logs, \(machine.date)\n"
        text += "machine  \(machine.summary)\n"
        text += "tools    " + toolVersions.map { "\($0.tool): \($0.version)" }.joined(separator: ", ") + "\n"
        text += "file     \(file.path): \(Format.grouped(file.lines)) lines, \(Format.megabytes(file.bytes))"
        if let generation = file.generated {
            let summary = generation.summary
            text += " (generated with seed \(generation.seed) in \(Format.fixed(summary.seconds, 2)) s"
            text += kept ? ", kept)\n" : ", removed at exit)\n"
            text += "mix      \(summary.linesByShape.filter { $0 > 0 }.count) shapes;"
            text += " error+fatal \(Format.percent(summary.errorOrFatalRecords, of: summary.records)) of records;"
            text += " malformed \(Format.percent(summary.malformedLines, of: summary.lines)) of lines\n"
        } else {
            text += "\n"
        }
        text += "\n"

        let header = ["measurement", "wall s", "lines/s", "MB/s", "peak RSS", "notes"]
        var rows = [header]
        for measurement in measurements {
            rows.append(row(measurement))
        }
        text += TextTable.render(rows)

        text += "\ncommands (FILE = \(file.path); stdout to /dev/null; warm page cache; wall = median of the runs;"
        text += " peak RSS = highest over the runs, from wait4, or ~ sampled VmHWM when the child stayed below the bench's own RSS)\n"
        for measurement in measurements {
            text += "  \(measurement.title): \(measurement.commandDisplay)\n"
        }
        return text
    }

    private func row(_ measurement: Measurement) -> [String] {
        var notes = measurement.notes
        switch measurement.status {
        case .measured: break
        case .notInstalled(let why): notes.insert(why, at: 0)
        case .skipped(let why): notes.insert("skipped (\(why))", at: 0)
        case .failed(let why): notes.insert("FAILED: \(why)", at: 0)
        }
        guard let figures = figures(measurement) else {
            return [measurement.title, "-", "-", "-", "-", notes.joined(separator: "; ")]
        }
        if measurement.isFailed {
            // A run that failed did not do the work: its time is shown, but no throughput.
            return [measurement.title, Format.fixed(figures.seconds, 2), "-", "-", peakRSS(measurement),
                    notes.joined(separator: "; ")]
        }
        return [measurement.title, Format.fixed(figures.seconds, 2), Format.rate(figures.linesPerSecond),
                Format.fixed(figures.megabytesPerSecond, 1),
                peakRSS(measurement), notes.joined(separator: "; ")]
    }

    /// `~` marks a peak sampled from /proc (a lower bound by at most the last sampling interval's growth).
    private func peakRSS(_ measurement: Measurement) -> String {
        guard let bytes = measurement.peakRSSBytes, bytes > 0 else { return "-" }
        return (measurement.peakRSSSampled ? "~" : "") + Format.megabytes(bytes)
    }

    // MARK: JSON

    func json() -> String {
        var fileMembers: [JSONMember] = [
            JSONMember("path", .string(file.path)),
            JSONMember("lines", .number(String(file.lines))),
            JSONMember("bytes", .number(String(file.bytes))),
            JSONMember("kept", .bool(kept)),
        ]
        if let generation = file.generated {
            let summary = generation.summary
            fileMembers.append(JSONMember("generated", .object([
                JSONMember("seed", .number(String(generation.seed))),
                JSONMember("seconds", .number(Format.fixed(summary.seconds, 3))),
                JSONMember("records", .number(String(summary.records))),
                JSONMember("error_or_fatal_records", .number(String(summary.errorOrFatalRecords))),
                JSONMember("malformed_lines", .number(String(summary.malformedLines))),
                JSONMember("lines_by_shape", .object(LogShape.allCases.map {
                    JSONMember($0.name.description, .number(String(summary.linesByShape[$0.rawValue])))
                })),
                JSONMember("lines_by_kind", .object(LineKind.allCases.map {
                    JSONMember($0.name.description, .number(String(summary.linesByKind[$0.rawValue])))
                })),
            ])))
        }
        let report = JSONValue.object([
            JSONMember("date", .string(machine.date)),
            JSONMember("machine", .object([
                JSONMember("cpu", .string(machine.cpuModel)),
                JSONMember("cores", .number(String(machine.cores))),
                JSONMember("memory_bytes", .number(String(machine.memoryBytes))),
                JSONMember("kernel", .string(machine.kernel)),
            ])),
            JSONMember("tools", .object(toolVersions.map { JSONMember($0.tool, .string($0.version)) })),
            JSONMember("file", .object(fileMembers)),
            JSONMember("measurements", .array(measurements.map(json))),
        ])
        return JSONWriter.serialize(report)
    }

    private func json(_ measurement: Measurement) -> JSONValue {
        let status: (String, String?) = switch measurement.status {
        case .measured: ("measured", nil)
        case .notInstalled(let why): ("not_installed", why)
        case .skipped(let why): ("skipped", why)
        case .failed(let why): ("failed", why)
        }
        var members = [
            JSONMember("title", .string(measurement.title)),
            JSONMember("command", .string(measurement.commandDisplay)),
            JSONMember("status", .string(status.0)),
        ]
        if let reason = status.1 { members.append(JSONMember("reason", .string(reason))) }
        if let figures = figures(measurement) {
            members.append(JSONMember("wall_seconds", .number(Format.fixed(figures.seconds, 4))))
            members.append(JSONMember("runs_seconds", .array(measurement.runSeconds.map { .number(Format.fixed($0, 4)) })))
            if !measurement.isFailed {
                members.append(JSONMember("lines_per_second", .number(Format.fixed(figures.linesPerSecond, 0))))
                members.append(JSONMember("mb_per_second", .number(Format.fixed(figures.megabytesPerSecond, 2))))
            }
        }
        if let rss = measurement.peakRSSBytes {
            members.append(JSONMember("peak_rss_bytes", .number(String(rss))))
            members.append(JSONMember("peak_rss_source", .string(measurement.peakRSSSampled ? "sampled_vmhwm" : "wait4")))
        }
        if let cpu = measurement.cpuSeconds { members.append(JSONMember("cpu_seconds_last_run", .number(Format.fixed(cpu, 3)))) }
        members.append(JSONMember("notes", .array(measurement.notes.map { .string($0) })))
        return .object(members)
    }
}
