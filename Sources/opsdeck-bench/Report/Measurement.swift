/// One row of the results: a command (or in-process measurement) run on the log file.
struct Measurement: Sendable {
    enum Status: Sendable {
        case measured
        /// The tool is not on this machine; the row says so instead of failing the bench.
        case notInstalled(String)
        case skipped(String)
        /// The command ran but did not succeed; its figures (if any) are shown with the reason.
        case failed(String)
    }

    var title: String
    /// How to reproduce the row, shown under the table with FILE standing for the log file.
    var commandDisplay: String
    var status: Status
    /// Every run's wall time; the row reports their median.
    var runSeconds: [Double] = []
    /// The highest peak RSS over the runs.
    var peakRSSBytes: Int?
    /// True when a peak came from sampling /proc rather than from `wait4` (see `PeakRSSSampler`).
    var peakRSSSampled = false
    var cpuSeconds: Double?
    var notes: [String] = []

    init(title: String, commandDisplay: String, status: Status) {
        self.title = title
        self.commandDisplay = commandDisplay
        self.status = status
    }

    var medianSeconds: Double? {
        guard !runSeconds.isEmpty else { return nil }
        let sorted = runSeconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Folds one child run into the row; a failed run marks the row failed with the child's stderr.
    mutating func record(_ run: ChildRun) {
        runSeconds.append(run.wallSeconds)
        if run.peakRSSBytes >= peakRSSBytes ?? 0 {
            peakRSSBytes = run.peakRSSBytes
            peakRSSSampled = run.peakSource == .sampled
        }
        cpuSeconds = run.userSeconds + run.systemSeconds
        if !run.termination.succeeded {
            let reason = Self.errorLine(run.standardErrorHead)
            status = .failed(reason.isEmpty ? run.termination.description : "\(run.termination.description): \(reason)")
        }
    }

    /// The stderr line that best says what went wrong: the first one mentioning an error (usage
    /// text often follows it), else the last one (where Python puts the exception).
    static func errorLine(_ standardError: String) -> String {
        let lines = standardError.split(whereSeparator: \.isNewline).map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
        return lines.first { $0.lowercased().contains("error") } ?? lines.last ?? ""
    }

    /// "median of N" or "1 run", for the notes.
    mutating func noteRuns() {
        notes.append(runSeconds.count > 1 ? "median of \(runSeconds.count)" : "1 run")
    }

    var isFailed: Bool {
        if case .failed = status { return true }
        return false
    }
}
