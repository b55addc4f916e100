/// `opsdeck-bench probes`: what keeping N probes on an interval costs the release `opsdeck probe
/// --watch`, as a share of one core, beside curl doing the same requests.
enum ProbesCommand {
    static func run(_ options: ProbesOptions) throws {
        guard let opsdeck = ToolLocator.sibling(named: "opsdeck") else {
            throw BenchError("no opsdeck next to opsdeck-bench: swift build -c release --product opsdeck")
        }
        let machine = MachineFacts.collect()
        let loadBefore = MachineFacts.loadAverage()
        let endpoints = try ProbeEndpoints.acquire()
        defer { endpoints.release() }
        let workload = ProbeWorkload(count: options.probes, interval: options.interval, endpoints: endpoints)

        var measurements = [try OpsdeckProbeRun(opsdeck: opsdeck, workload: workload, seconds: options.seconds).measure()]
        if options.skipCurl {
            measurements.append(ProbeCPUMeasurement(title: "curl (reference)", command: "-", wallSeconds: 0,
                                                    userSeconds: 0, systemSeconds: 0, notes: ["skipped (--skip-curl)"]))
        } else if let curl = ToolLocator.findOnPath("curl") {
            measurements.append(try CurlReference(curl: curl, workload: workload, seconds: options.seconds).measure())
        } else {
            measurements.append(ProbeCPUMeasurement(title: "curl (reference)", command: "-", wallSeconds: 0,
                                                    userSeconds: 0, systemSeconds: 0, notes: ["curl is not installed"]))
        }
        let report = ProbeCPUReport(machine: machine, loadBefore: loadBefore, loadAfter: MachineFacts.loadAverage(),
                                    workload: workload, seconds: options.seconds, measurements: measurements)
        print(report.table())
    }
}

struct ProbesOptions {
    var probes = 200
    var interval = 5
    var seconds = 30.0
    var skipCurl = false
}
