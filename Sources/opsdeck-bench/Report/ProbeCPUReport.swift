/// The figures of `opsdeck-bench probes`, as a table.
struct ProbeCPUReport {
    var machine: MachineFacts
    var loadBefore: Double?
    var loadAfter: Double?
    var workload: ProbeWorkload
    var seconds: Double
    var measurements: [ProbeCPUMeasurement]

    func table() -> String {
        var text = "opsdeck-bench probes, \(machine.date)\n"
        text += "machine   \(machine.summary)\n"
        let load = [loadBefore, loadAfter].map { $0.map { Format.fixed($0, 2) } ?? "?" }
        text += "load      1-minute load average \(load[0]) before, \(load[1]) after (other work on the machine counts)\n"
        text += "workload  \(workload.summary), for \(Format.fixed(seconds, 0)) s\n"
        text += "endpoints \(workload.endpoints.origin)\n\n"

        let header = ["measurement", "CPU s", "user s", "sys s", "% of one core", "steady %", "peak RSS", "notes"]
        var rows = [header]
        for measurement in measurements {
            guard measurement.wallSeconds > 0 else {
                rows.append([measurement.title, "-", "-", "-", "-", "-", "-", measurement.notes.joined(separator: "; ")])
                continue
            }
            rows.append([measurement.title, Format.fixed(measurement.cpuSeconds, 2), Format.fixed(measurement.userSeconds, 2),
                         Format.fixed(measurement.systemSeconds, 2), Format.fixed(measurement.percentOfOneCore, 2),
                         measurement.steadyPercent.map { Format.fixed($0, 2) } ?? "-",
                         measurement.peakRSSBytes.map(Format.megabytes) ?? "-", measurement.notes.joined(separator: "; ")])
        }
        text += TextTable.render(rows)
        text += "\n% of one core = (user + system CPU, from wait4) / wall time of the run; steady % = the same from "
        text += "/proc/PID/stat after the first interval (connections made), opsdeck only\n"
        for measurement in measurements where measurement.wallSeconds > 0 {
            text += "  \(measurement.title): \(measurement.command)\n"
        }
        return text
    }
}
