/// Reads several log files at once and emits their records merged by time, as lnav does: the
/// replicas of a service written to separate files read as one story. Each file keeps its own
/// order; a record without a time sorts with the record before it in its file. Memory stays
/// bounded: a file is read one chunk at a time, only when its queue of records is empty.
public struct MergedLogReader: Sendable {
    public let query: LogQuery
    public let timestamps: TimestampParser
    public var maxLineBytes: Int

    public init(query: LogQuery, timestamps: TimestampParser, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.query = query
        self.timestamps = timestamps
        self.maxLineBytes = maxLineBytes
    }

    /// One input: its reader, its pipeline, and the records read but not yet emitted, with the
    /// time each sorts by.
    private final class Input {
        let path: String
        var reader: LineReader
        let pipeline: LogPipeline
        var queue: [(record: LogRecord, key: Int64)] = []
        var head = 0
        var lastKey = Int64.min
        var ended = false

        init(path: String, reader: consuming LineReader, pipeline: LogPipeline) {
            self.path = path
            self.reader = reader
            self.pipeline = pipeline
        }

        var isEmpty: Bool { head == queue.count }

        func enqueue(_ record: LogRecord) {
            if let time = record.time { lastKey = time.nanosecondsSinceEpoch }
            queue.append((record, lastKey))
        }

        /// Reads until a record is queued or the file ends.
        func refill() throws {
            if head == queue.count, head > 0 {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            while isEmpty, !ended {
                let deliver = { (line: UnsafeBufferPointer<UInt8>, info: LineInfo) in
                    self.pipeline.consume(line: line, number: info.number, truncated: info.truncated, emit: self.enqueue)
                }
                if try reader.readChunk(deliver) == .endOfData {
                    try reader.finish(deliver)
                    pipeline.finish(emit: enqueue)
                    ended = true
                }
            }
        }

        func pop() -> LogRecord {
            defer { head += 1 }
            return queue[head].record
        }
    }

    /// Reads every path (files, not standard input) and emits the records in time order. A file
    /// that cannot be opened or read is reported through `failed`; the others go on. `idle` is
    /// asked after every chunk read whether to go on (the reader of the output may be gone).
    public func read(inputs: [(path: String, sourceName: String?)], emit: (LogRecord) -> Void,
                     idle: () -> Bool, failed: (String, Error) -> Void) {
        var open: [Input] = []
        for input in inputs {
            do {
                let pipeline = LogPipeline(sourceName: input.sourceName, query: query, timestamps: timestamps)
                open.append(Input(path: input.path, reader: try LineReader(path: input.path, maxLineBytes: maxLineBytes),
                                  pipeline: pipeline))
            } catch {
                failed(input.path, error)
            }
        }
        while true {
            var next: Input?
            for input in open {
                do {
                    try input.refill()
                } catch {
                    failed(input.path, error)
                    input.ended = true
                    input.queue.removeAll()
                    input.head = 0
                }
                guard !input.isEmpty else { continue }
                if next == nil || input.queue[input.head].key < next!.queue[next!.head].key { next = input }
            }
            guard let chosen = next else { break }
            emit(chosen.pop())
            if chosen.isEmpty, !idle() { break }
        }
        _ = idle()
    }
}
