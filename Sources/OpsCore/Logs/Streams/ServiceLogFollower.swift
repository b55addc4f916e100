import Foundation

/// Follows the live logs of one service: every replica's stream through its own log pipeline,
/// merged by time, handed out in batches. Runs until its task is cancelled (the selection moved
/// on), which kills every stream's process group.
public struct ServiceLogFollower: Sendable {
    /// What the pane says about the streams.
    public struct Status: Sendable, Hashable {
        /// Sources being followed now.
        public var following: Int
        /// Sources left out by the cap on concurrent streams.
        public var skipped: Int
        /// The last failure of each source that ended with one, by source name (the CLI's words).
        public var failures: [String: String]
        /// The sources whose stream ended, with a failure or without (a container that stopped or
        /// restarted), while the others go on: whoever follows the service may start them again.
        public var ended: Set<String> = []

        public init(following: Int, skipped: Int, failures: [String: String], ended: Set<String> = []) {
            self.following = following
            self.skipped = skipped
            self.failures = failures
            self.ended = ended
        }
    }

    public let runner: any CommandRunner
    public let sources: [LogSource]
    public let query: LogQuery
    public let timestamps: TimestampParser
    /// At most this many streams at once (one process each); the rest are reported as skipped.
    public var maxConcurrentStreams = 16
    /// How long a record waits to be merged with other streams' records.
    public var mergeWindow: Duration = .milliseconds(150)
    /// How often waiting records are handed out, and idle pipelines release held-back records.
    public var tick: Duration = .milliseconds(50)

    public init(runner: any CommandRunner, sources: [LogSource], query: LogQuery = LogQuery(), timestamps: TimestampParser) {
        self.runner = runner
        self.sources = sources
        self.query = query
        self.timestamps = timestamps
    }

    /// Streams until cancelled or every stream ended. `deliver` gets records in time order;
    /// `status` is told when streams start and end.
    public func run(deliver: @escaping @Sendable ([LogRecord]) -> Void,
                    status: @escaping @Sendable (Status) -> Void) async {
        let followed = Array(sources.prefix(maxConcurrentStreams))
        let merge = SharedMergeBuffer()
        let tracker = StatusTracker(following: followed.count, skipped: sources.count - followed.count, report: status)
        tracker.publish()
        await withTaskGroup(of: Void.self) { group in
            let streams = followed.map { StreamPipeline(source: $0, query: query, timestamps: timestamps) }
            for stream in streams {
                group.addTask { [runner] in
                    let failure = await stream.follow(with: runner, into: merge)
                    tracker.ended(stream.source.name, failure: failure)
                }
            }
            // The flusher: ends when every stream has ended, or with the task.
            group.addTask { [mergeWindow, tick] in
                while !Task.isCancelled, tracker.running > 0 {
                    try? await Task.sleep(for: tick)
                    for stream in streams { stream.flushIfIdle(into: merge, idleFor: tick) }
                    let settled = merge.takeSettled(window: mergeWindow)
                    if !settled.isEmpty { deliver(settled) }
                }
                let rest = merge.takeAll()
                if !rest.isEmpty { deliver(rest) }
            }
            await group.waitForAll()
        }
    }
}

/// The merge buffer shared by every stream's task.
private final class SharedMergeBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = TimeMergeBuffer()

    func add(_ record: LogRecord) {
        let now = ContinuousClock.now
        lock.withLock { buffer.add(record, at: now) }
    }

    func takeSettled(window: Duration) -> [LogRecord] {
        let now = ContinuousClock.now
        return lock.withLock { buffer.takeSettled(window: window, now: now) }
    }

    func takeAll() -> [LogRecord] { lock.withLock { buffer.takeAll() } }
}

/// One source's pipeline. Lines come from the runner's reading task, flushes from the flusher:
/// the lock keeps the pipeline, which is not thread-safe, to one at a time.
private final class StreamPipeline: @unchecked Sendable {
    let source: LogSource
    private let lock = NSLock()
    private let pipeline: LogPipeline
    private var lineNumber = 0
    private var lastLine = ContinuousClock.now
    private var flushed = true

    init(source: LogSource, query: LogQuery, timestamps: TimestampParser) {
        self.source = source
        pipeline = LogPipeline(sourceName: source.name, query: query, timestamps: timestamps)
    }

    /// Runs the stream to its end; returns its failure in words, if any.
    func follow(with runner: any CommandRunner, into merge: SharedMergeBuffer) async -> String? {
        do {
            let result = try await runner.stream(source.command) { [self] line in
                lock.withLock {
                    lineNumber += 1
                    lastLine = ContinuousClock.now
                    flushed = false
                    pipeline.consume(line: line, number: lineNumber, emit: merge.add)
                }
            }
            lock.withLock { pipeline.finish(emit: merge.add) }
            return result.succeeded ? nil : CommandError.failed(source.command, result).description
        } catch is CancellationError {
            return nil
        } catch {
            lock.withLock { pipeline.finish(emit: merge.add) }
            return "\(error)"
        }
    }

    /// A stream that went quiet releases the record it held back for continuation lines.
    func flushIfIdle(into merge: SharedMergeBuffer, idleFor: Duration) {
        lock.withLock {
            guard !flushed, ContinuousClock.now - lastLine >= idleFor else { return }
            pipeline.flush(emit: merge.add)
            flushed = true
        }
    }
}

/// Counts running streams and keeps the failures, reporting every change.
private final class StatusTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var status: ServiceLogFollower.Status
    private var runningCount: Int
    private let report: @Sendable (ServiceLogFollower.Status) -> Void

    init(following: Int, skipped: Int, report: @escaping @Sendable (ServiceLogFollower.Status) -> Void) {
        status = ServiceLogFollower.Status(following: following, skipped: skipped, failures: [:])
        runningCount = following
        self.report = report
    }

    var running: Int { lock.withLock { runningCount } }

    func publish() { report(lock.withLock { status }) }

    func ended(_ name: String, failure: String?) {
        let now = lock.withLock { () -> ServiceLogFollower.Status in
            runningCount -= 1
            status.following = runningCount
            if let failure { status.failures[name] = failure }
            status.ended.insert(name)
            return status
        }
        report(now)
    }
}
