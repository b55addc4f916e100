import Foundation
import Glibc

/// Runs the release `opsdeck probe --watch` on the workload for a while, then interrupts it as a
/// user would (SIGINT) and reads its CPU time from `wait4`.
struct OpsdeckProbeRun {
    let opsdeck: String
    let workload: ProbeWorkload
    let seconds: Double

    func measure() throws -> ProbeCPUMeasurement {
        let folder = try TemporaryPaths.makeDirectory(prefix: "opsdeck-bench-probes")
        defer { _ = try? FileManager.default.removeItem(atPath: folder) }
        let config = "\(folder)/opsdeck.yml"
        try workload.configuration.write(toFile: config, atomically: true, encoding: .utf8)
        let changes = "\(folder)/changes.jsonl"
        var environment = ProcessInfo.processInfo.environment
        environment["SSL_CERT_FILE"] = workload.endpoints.caFile
        let argv = [opsdeck, "probe", "--watch", "--output", "json", "--config", config]

        printToStandardError("running opsdeck probe --watch for \(Format.fixed(seconds, 0)) s…")
        let child = try ChildProcess.start(argv, environment: environment, standardOutput: .file(changes))
        let started = MonotonicClock.now()
        let warmup = min(Double(workload.interval), seconds / 2)
        Self.sleep(until: warmup, since: started)
        let warmTicks = ProcessCPU.ticks(child.pid)
        let warmWall = MonotonicClock.seconds(since: started)
        Self.sleep(until: seconds, since: started)
        let endTicks = ProcessCPU.ticks(child.pid)
        let endWall = MonotonicClock.seconds(since: started)
        child.send(SIGINT)
        let run = try child.wait()

        var measurement = ProbeCPUMeasurement(
            title: "opsdeck probe --watch", command: "opsdeck probe --watch --output json --config opsdeck.yml",
            wallSeconds: run.wallSeconds, userSeconds: run.userSeconds, systemSeconds: run.systemSeconds,
            peakRSSBytes: run.peakRSSBytes)
        if warmTicks > 0, endTicks >= warmTicks, endWall > warmWall {
            let seconds = Double(endTicks - warmTicks) / Double(sysconf(Int32(_SC_CLK_TCK)))
            measurement.steadyPercent = 100 * seconds / (endWall - warmWall)
        }
        let lines = (FileContents.read(changes) ?? "").split(separator: "\n")
        let ok = lines.filter { $0.contains(#""to":"ok""#) }.count
        measurement.notes.append("\(lines.count) state changes, \(ok) to ok")
        if ok < workload.count { measurement.notes.append("NOT ALL PROBES REACHED OK") }
        if run.termination != .exited(0) {
            measurement.notes.append("\(run.termination.description): \(run.standardErrorHead)")
        }
        return measurement
    }

    static func sleep(until offset: Double, since start: timespec) {
        while true {
            let left = offset - MonotonicClock.seconds(since: start)
            guard left > 0 else { return }
            usleep(useconds_t(min(left, 1) * 1e6))
        }
    }
}
