import Foundation
import OpsCore

/// Reads the inputs of `opsdeck view` on a thread of its own — files read and then followed
/// like `less +F`, or standard input until it closes — and hands records to the UI in batches.
struct LogIngestion: Sendable {
    let inputs: [String]
    let timestamps: TimestampParser
    let inbox: RecordInbox
    /// Called (from the ingestion thread) when a batch lands in an empty inbox.
    let wake: @Sendable () -> Void
    /// Called with a message when an input cannot be read.
    let failed: @Sendable (String) -> Void

    static let batchSize = 2048

    func start() {
        let thread = Thread { self.run() }
        thread.name = "opsdeck-ingestion"
        thread.start()
    }

    private func run() {
        var batch: [LogRecord] = []
        batch.reserveCapacity(LogIngestion.batchSize)
        let inbox = self.inbox, wake = self.wake
        func hand() {
            guard !batch.isEmpty else { return }
            if inbox.post(batch) { wake() }
            batch.removeAll(keepingCapacity: true)
        }
        let emit = { (record: LogRecord) in
            batch.append(record)
            if batch.count >= LogIngestion.batchSize { hand() }
        }
        let idle = { () -> Bool in
            hand()
            return !inbox.isStopping
        }
        // The view filters itself (the filter can change while it runs): everything is read.
        let reader = LogInputReader(query: LogQuery(), timestamps: timestamps, follow: inputs != ["-"])
        if inputs.count > 1 {
            reader.follow(inputs: inputs.map { ($0, $0 == "-" ? nil : $0) }, emit: emit, idle: idle) { path, error in
                failed("\(path): \(error)")
            }
        } else if let path = inputs.first {
            do {
                try reader.read(path: path, sourceName: path == "-" ? nil : path, emit: emit, idle: idle)
            } catch {
                failed("\(path == "-" ? "standard input" : path): \(error)")
            }
        }
        hand()
    }
}
