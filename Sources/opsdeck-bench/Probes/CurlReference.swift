import Glibc

/// The same probes done the way a cron-style shell check would: every interval, one `curl` process
/// fetches all the URLs (16 at a time, reusing its connections within the round, verifying
/// certificates against the test CA). Its CPU is summed over the rounds, from `wait4`.
struct CurlReference {
    let curl: String
    let workload: ProbeWorkload
    let seconds: Double

    var argv: [String] {
        var argv = [curl, "--silent", "--show-error", "--fail", "--parallel", "--parallel-max", "16",
                    "--max-time", String(workload.timeoutSeconds), "--cacert", workload.endpoints.caFile]
        for target in workload.targets { argv += ["--output", "/dev/null", target.url] }
        return argv
    }

    func measure() throws -> ProbeCPUMeasurement {
        printToStandardError("running the curl reference for \(Format.fixed(seconds, 0)) s…")
        let started = MonotonicClock.now()
        var user = 0.0
        var system = 0.0
        var rounds = 0
        var failures: [String] = []
        var peak = 0
        while MonotonicClock.seconds(since: started) < seconds {
            let round = Double(rounds) * Double(workload.interval)
            OpsdeckProbeRun.sleep(until: round, since: started)
            guard MonotonicClock.seconds(since: started) < seconds else { break }
            let run = try ChildProcess.run(argv)
            user += run.userSeconds
            system += run.systemSeconds
            peak = max(peak, run.peakRSSBytes)
            rounds += 1
            if !run.termination.succeeded { failures.append("\(run.termination.description): \(run.standardErrorHead)") }
        }
        OpsdeckProbeRun.sleep(until: seconds, since: started)
        var measurement = ProbeCPUMeasurement(
            title: "curl, one process a round (reference)",
            command: "curl --parallel --parallel-max 16 --cacert CA --max-time \(workload.timeoutSeconds) "
                + "-o /dev/null URL… (\(workload.count) URLs), every \(workload.interval) s",
            wallSeconds: MonotonicClock.seconds(since: started), userSeconds: user, systemSeconds: system,
            peakRSSBytes: peak)
        measurement.notes.append("\(rounds) rounds")
        if let first = failures.first { measurement.notes.append("\(failures.count) rounds FAILED, first: \(first)") }
        return measurement
    }
}
