/// What one way of running the probes cost: CPU time over wall time, as a share of one core.
struct ProbeCPUMeasurement {
    var title: String
    var command: String
    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// CPU share between the end of the first interval (every probe has run once, connections are
    /// open) and the end: what keeping the probes going costs, without starting them.
    var steadyPercent: Double?
    var peakRSSBytes: Int?
    var notes: [String] = []

    var cpuSeconds: Double { userSeconds + systemSeconds }
    var percentOfOneCore: Double { wallSeconds > 0 ? 100 * cpuSeconds / wallSeconds : 0 }
}
