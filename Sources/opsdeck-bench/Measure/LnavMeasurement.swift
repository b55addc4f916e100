import Foundation

/// lnav run headless on the file, the way test-infrastructure.md §7 measured it: a custom JSON
/// format installed into a throw-away HOME, then one SQL query counting records by level.
enum LnavMeasurement {
    static let title = "lnav -n, custom JSON format, SQL count by level"
    static let formatName = "perf_json"
    static let query = ";SELECT log_level, count(*) AS n FROM \(formatName) GROUP BY 1"

    /// One format can name one timestamp field, so lines whose time is `ts`, `timestamp` or
    /// `@timestamp` are not records of it: that is lnav's real behaviour on a mixed stream.
    static let format = """
    {
      "$schema": "https://lnav.org/schemas/format-v1.schema.json",
      "\(formatName)": {
        "title": "opsdeck-bench JSON lines",
        "description": "JSON lines with `time` (epoch ms or RFC 3339), `level` (word or pino number) and `msg`.",
        "json": true,
        "timestamp-field": "time",
        "timestamp-divisor": 1000,
        "level-field": "level",
        "body-field": "msg",
        "level": {
          "fatal": "^(?:fatal|FATAL|60|critical|CRITICAL|ERROR\\\\+4)$",
          "error": "^(?:error|ERROR|50)$",
          "warning": "^(?:warn|warning|WARN|WARNING|40)$",
          "info": "^(?:info|INFO|30|http)$",
          "debug": "^(?:debug|DEBUG|20)$",
          "trace": "^(?:trace|TRACE|10|silly|DEBUG-4)$"
        },
        "value": {
          "level": { "kind": "string" },
          "msg": { "kind": "string" }
        }
      }
    }
    """

    static func measure(file: String, totalLines: Int) -> Measurement {
        let argv = ["lnav", "-n", "-c", query, "-c", ":write-csv-to -", file]
        let display = "HOME=TMP lnav -i TMP/\(formatName).json && HOME=TMP "
            + CommandMeasurement.displayCommand(argv, file: file) + " > TMP/counts.csv"
        guard let lnav = ToolLocator.findOnPath("lnav") else {
            return Measurement(title: title, commandDisplay: display, status: .notInstalled("lnav not installed"))
        }
        var measurement = Measurement(title: title, commandDisplay: display, status: .measured)
        do {
            let home = try TemporaryPaths.makeDirectory(prefix: "opsdeck-bench-lnav")
            defer { try? FileManager.default.removeItem(atPath: home) }
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = home
            environment["XDG_CONFIG_HOME"] = "\(home)/.config"
            let formatPath = "\(home)/\(formatName).json"
            try OutputFile(creating: formatPath).write(Array(format.utf8))

            let install = try ChildProcess.run([lnav, "-i", formatPath], environment: environment)
            guard install.termination.succeeded else {
                measurement.status = .failed("lnav -i: \(install.termination.description): \(install.standardErrorHead)")
                return measurement
            }
            CommandMeasurement.progress("\(title): 1 run")
            let csvPath = "\(home)/counts.csv"
            measurement.record(try ChildProcess.run([lnav] + argv.dropFirst(), environment: environment,
                                                    standardOutput: .file(csvPath)))
            measurement.noteRuns()
            if measurement.isFailed, let crash = crashSummary(home: home) {
                measurement.status = .failed("lnav crashed: \(crash)")
            }
            if let counts = LevelCounts(csv: FileContents.read(csvPath) ?? "") {
                measurement.notes.append(counts.describe(totalLines: totalLines))
            } else if !measurement.isFailed {
                measurement.notes.append("no counts in lnav's output")
            }
        } catch {
            measurement.status = .failed("\(error)")
        }
        return measurement
    }
}

extension LnavMeasurement {
    /// The error lines lnav wrote to its crash log (in the throw-away HOME) before aborting, e.g.
    /// lnav 0.11.1's histogram precondition on out-of-order times (tstack/lnav#1175, fixed in 0.12).
    static func crashSummary(home: String) -> String? {
        let directory = "\(home)/.lnav"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory),
              let crashLog = names.sorted().first(where: { $0.hasPrefix("crash-") }),
              let text = FileContents.read("\(directory)/\(crashLog)") else { return nil }
        // Lines look like `2026-11-29T02:21:25.515 E t0 hist_source.cc:113 time mismatch …`.
        var errors: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", maxSplits: 3)
            guard fields.count == 4, fields[1] == "E", !fields[3].contains("Received signal") else { continue }
            let error = String(fields[3])
            if !errors.contains(error) { errors.append(error) }   // the log repeats its tail
        }
        return errors.isEmpty ? nil : errors.prefix(3).joined(separator: "; ")
    }
}

/// lnav's `log_level,n` CSV: how many lines became records of the format, by level (`invalid`
/// counts lines lnav kept as records of the format but could not parse).
struct LevelCounts {
    var byLevel: [(level: String, count: Int)]

    init?(csv: String) {
        var rows: [(String, Int)] = []
        for line in csv.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",")
            guard fields.count == 2, let count = Int(fields[1]) else { continue }
            rows.append((String(fields[0]), count))
        }
        guard !rows.isEmpty else { return nil }
        byLevel = rows
    }

    var records: Int { byLevel.reduce(0) { $0 + $1.count } }

    func describe(totalLines: Int) -> String {
        let levels = byLevel.map { "\($0.level) \(Format.grouped($0.count))" }.joined(separator: ", ")
        return "\(Format.grouped(records)) of \(Format.grouped(totalLines)) lines became records (\(levels))"
    }
}
