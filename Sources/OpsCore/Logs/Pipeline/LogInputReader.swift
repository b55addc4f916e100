#if canImport(Glibc)
import Glibc
#endif

/// Drives one input — a file, or standard input — through a `LogPipeline`: read to the end, or
/// followed as it grows. Whenever input pauses, the held-back record is emitted and `idle` is
/// called (to flush output), so `kubectl logs -f | opsdeck logs` shows lines as they come.
public struct LogInputReader: Sendable {
    public let query: LogQuery
    public let timestamps: TimestampParser
    public let follow: Bool
    public var maxLineBytes: Int

    public init(query: LogQuery, timestamps: TimestampParser, follow: Bool, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.query = query
        self.timestamps = timestamps
        self.follow = follow
        self.maxLineBytes = maxLineBytes
    }

    /// Reads `path` ("-" is standard input). `idle` returns false to stop (the reader of our
    /// output went away). Returns the pipeline's counters.
    @discardableResult
    public func read(path: String, sourceName: String?, emit: (LogRecord) -> Void,
                     idle: () -> Bool) throws -> LogPipelineStats {
        let pipeline = LogPipeline(sourceName: sourceName, query: query, timestamps: timestamps)
        let onLine = { (line: UnsafeBufferPointer<UInt8>, info: LineInfo) in
            pipeline.consume(line: line, number: info.number, truncated: info.truncated, emit: emit)
        }
        if path == "-" {
            var stdin = try FileFollower(descriptor: STDIN_FILENO, maxLineBytes: maxLineBytes)
            let isStream = !LogInputReader.isRegularFile(STDIN_FILENO)
            if follow || isStream {
                // A pipe is read until it closes, flushing whenever it pauses; a regular file on
                // stdin is followed only when asked.
                try run(&stdin, pipeline: pipeline, emit: emit, idle: idle,
                        pause: isStream ? .waitForInput(STDIN_FILENO) : .sleep)
            } else {
                var reader = LineReader(fd: STDIN_FILENO, maxLineBytes: maxLineBytes)
                try reader.readAll(onLine)
            }
        } else if follow {
            var follower = FileFollower(path: path, maxLineBytes: maxLineBytes)
            guard LogInputReader.exists(path) else { throw ByteInputError.openFailed(path: path, errno: ENOENT) }
            try run(&follower, pipeline: pipeline, emit: emit, idle: idle, pause: .sleep)
        } else {
            var reader = try LineReader(path: path, maxLineBytes: maxLineBytes)
            try reader.readAll(onLine)
        }
        pipeline.finish(emit: emit)
        _ = idle()
        return pipeline.stats
    }

    /// How `run` waits once input pauses. A file cannot be waited on: it is polled again after a
    /// sleep. A pipe is waited on in poll(2), which wakes as soon as data or its end arrives.
    private enum Pause {
        case sleep
        case waitForInput(Int32)
    }

    /// Polls `follower` until its stream ends (pipes) or `idle` asks to stop.
    private func run(_ follower: inout FileFollower, pipeline: LogPipeline, emit: (LogRecord) -> Void,
                     idle: () -> Bool, pause: Pause) throws {
        var delivered = 0
        let onLine = { (line: UnsafeBufferPointer<UInt8>, info: LineInfo) in
            delivered += 1
            pipeline.consume(line: line, number: info.number, truncated: info.truncated, emit: emit)
        }
        while true {
            delivered = 0
            let state = try follower.poll(onEvent: { _ in }, onLine: onLine)
            if state == .ended { break }
            if delivered > 0 { continue } // more may already be waiting
            pipeline.flush(emit: emit)
            guard idle() else { break }
            switch pause {
            case .sleep: FileFollower.sleep(follower.pollInterval)
            case .waitForInput(let fd): LogInputReader.waitForInput(fd, atMost: follower.pollInterval)
            }
        }
        try follower.finish(onLine)
    }

    /// Returns when `fd` has input or has ended, or after `interval`: the pause bounds how long a
    /// stop request (the reader of our output went away) waits to be noticed.
    static func waitForInput(_ fd: Int32, atMost interval: Duration) {
        let (seconds, attoseconds) = interval.components
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, Int32(clamping: seconds &* 1000 &+ attoseconds / 1_000_000_000_000_000))
    }

    static func isRegularFile(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
