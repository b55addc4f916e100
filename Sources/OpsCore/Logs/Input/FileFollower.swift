#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `tail -F` for `--follow`: reads a file to its end, then keeps delivering what is appended.
///
/// Design: a blocking loop for a dedicated thread, polled rather than driven by inotify. Every
/// `pollInterval` (100 ms) it reads what was appended and compares `fstat` of the open file with `stat` of
/// the path; that also works where inotify does not (NFS, overlay mounts, bind-mounted container logs)
/// and needs no extra descriptor. The wait between polls is an injected `pause`, so tests can run fast;
/// `poll(...)` does one round without waiting, for tests and callers that drive their own loop.
///
/// - Truncation (size below the read offset): the partial line is delivered, `.truncated` reported,
///   and reading restarts at 0. Like `tail`, a truncation followed by regrowth past the old offset
///   before the next poll cannot be seen.
/// - Rotation (the path names another device/inode): the old file is read to its end and its partial
///   line delivered, then the new file is read from its start and `.rotated` reported.
/// - Deletion or rename without a replacement: `.fileMissing`; the old descriptor stays open and is still
///   read (a writer keeps appending to a renamed file until it reopens), and when the path names a file
///   again that file is read from 0 and `.fileAppeared` reported. A path missing at the start is waited for
///   the same way. Other open errors (permission denied) are thrown.
/// - A descriptor (stdin): a regular file is followed for growth and truncation; a pipe or terminal is
///   read until its end, waiting in `poll(2)` so a stop request is noticed within `pollInterval`.
///
/// Line numbers continue across rotation and truncation: the followed name is one input.
public struct FileFollower: ~Copyable {
    public static let defaultPollInterval = Duration.milliseconds(100)

    public let pollInterval: Duration
    private let target: Target
    private let pause: @Sendable (Duration) -> Void
    private var reader: LineReader
    /// The file being read (path mode), nil before the path first names a file.
    private var openFile: FileStatus?
    private var missingReported = false

    private enum Target {
        case path(String)
        /// A descriptor whose offset and size mean something: follow growth and truncation.
        case regularDescriptor(Int32)
        /// A pipe, socket or terminal: read until its end.
        case stream(Int32)
    }

    /// Follows the file named `path`, which need not exist yet. Nothing is opened until the first poll.
    public init(path: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                pollInterval: Duration = FileFollower.defaultPollInterval,
                pause: @escaping @Sendable (Duration) -> Void = FileFollower.sleep) {
        target = .path(path)
        self.pollInterval = pollInterval
        self.pause = pause
        reader = LineReader(source: .empty, maxLineBytes: maxLineBytes, bufferBytes: LineReader.defaultBufferBytes)
    }

    /// Follows an open descriptor (stdin is 0), which stays the caller's to close.
    public init(descriptor fd: Int32, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                pollInterval: Duration = FileFollower.defaultPollInterval,
                pause: @escaping @Sendable (Duration) -> Void = FileFollower.sleep) throws {
        target = try FileStatus.of(descriptor: fd).isRegular ? .regularDescriptor(fd) : .stream(fd)
        self.pollInterval = pollInterval
        self.pause = pause
        reader = LineReader(fd: fd, maxLineBytes: maxLineBytes)
    }

    public var counters: LineReaderCounters { reader.counters }

    /// Polls until `shouldStop` returns true (checked after every read and every wait) or a stream ends.
    /// On return every byte read has been delivered, a partial last line included.
    public mutating func follow(until shouldStop: () -> Bool,
                                onEvent: (FollowEvent) throws -> Void,
                                onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        while try poll(until: shouldStop, onEvent: onEvent, onLine: onLine) == .following {
            if shouldStop() { break }
            waitForMore()
            if shouldStop() { break }
        }
        try reader.finish(onLine)
    }

    /// Delivers the partial last line, for callers that drive `poll` themselves.
    public mutating func finish(_ onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        try reader.finish(onLine)
    }

    /// One round without waiting: reads everything available and reports what changed. A partial last
    /// line stays pending. Returns `.ended` once a pipe or terminal has closed.
    public mutating func poll(until shouldStop: () -> Bool = { false },
                              onEvent: (FollowEvent) throws -> Void,
                              onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws -> FollowState {
        switch target {
        case .path(let path):
            try pollPath(path, shouldStop, onEvent, onLine)
        case .regularDescriptor:
            try drain(shouldStop, onLine)
            if !shouldStop() { try restartIfTruncated(onEvent, onLine) }
        case .stream(let fd):
            return try pollStream(fd, shouldStop, onLine)
        }
        return .following
    }

    /// The default pause: sleeps the calling thread.
    public static let sleep: @Sendable (Duration) -> Void = { interval in
        let (seconds, attoseconds) = interval.components
        var request = timespec(tv_sec: Int(clamping: seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    // MARK: - Rounds

    private mutating func pollPath(_ path: String, _ shouldStop: () -> Bool,
                                   _ onEvent: (FollowEvent) throws -> Void,
                                   _ onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        if openFile == nil {
            guard try openAndAdopt(path) else { return try reportMissing(onEvent) }
            if missingReported {
                missingReported = false
                try onEvent(.fileAppeared)
            }
        }
        try drain(shouldStop, onLine)
        if shouldStop() { return }
        try restartIfTruncated(onEvent, onLine)

        guard let current = openFile else { return }
        guard let named = try FileStatus.of(path: path) else { return try reportMissing(onEvent) }
        if named.isSameFile(as: current) {
            if missingReported {  // renamed away and back
                missingReported = false
                try onEvent(.fileAppeared)
            }
            return
        }
        // Another file took the name. Finish the old one before switching so no line is lost or
        // interleaved: drain again, since the writer may have appended after the drain above.
        try drain({ false }, onLine)
        try reader.finish(onLine)
        guard try openAndAdopt(path) else { return try reportMissing(onEvent) }
        try onEvent(missingReported ? .fileAppeared : .rotated)
        missingReported = false
        try drain(shouldStop, onLine)
    }

    private mutating func pollStream(_ fd: Int32, _ shouldStop: () -> Bool,
                                     _ onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws -> FollowState {
        while !shouldStop() && waitForInput(fd, milliseconds: 0) {
            switch try reader.readChunk(onLine) {
            case .endOfData:
                try reader.finish(onLine)
                return .ended
            case .wouldBlock:
                return .following
            case .bytesRead:
                continue
            }
        }
        return .following
    }

    private mutating func waitForMore() {
        if case .stream(let fd) = target {
            _ = waitForInput(fd, milliseconds: FileFollower.milliseconds(pollInterval))
        } else {
            pause(pollInterval)
        }
    }

    // MARK: - Steps

    /// Reads until the open file has nothing more (or a stop is asked for between 1 MiB chunks).
    private mutating func drain(_ shouldStop: () -> Bool,
                                _ onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        while case .bytesRead = try reader.readChunk(onLine) {
            if shouldStop() { return }
        }
    }

    private mutating func restartIfTruncated(_ onEvent: (FollowEvent) throws -> Void,
                                             _ onLine: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        guard let fd = reader.descriptor else { return }
        let status = try FileStatus.of(descriptor: fd)
        guard status.isRegular else { return }
        let offset = lseek(fd, 0, SEEK_CUR)
        guard offset >= 0 else { throw ByteInputError.seekFailed(errno: errno) }
        guard status.size < Int64(offset) else { return }
        try reader.finish(onLine)
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw ByteInputError.seekFailed(errno: errno) }
        try onEvent(.truncated)
        try drain({ false }, onLine)
    }

    /// Opens `path` and makes it the reader's source. Returns false if the path names nothing.
    private mutating func openAndAdopt(_ path: String) throws -> Bool {
        let fd: Int32
        do {
            // Non-blocking so that a FIFO at the path cannot hang the open; regular files ignore it.
            fd = try LineReader.openForReading(path, extraFlags: O_NONBLOCK)
        } catch ByteInputError.openFailed(_, let code) where code == ENOENT || code == ENOTDIR {
            return false
        }
        do {
            openFile = try FileStatus.of(descriptor: fd)
        } catch {
            close(fd)
            throw error
        }
        reader.replaceDescriptor(fd, closesDescriptor: true)
        return true
    }

    private mutating func reportMissing(_ onEvent: (FollowEvent) throws -> Void) throws {
        guard !missingReported else { return }
        missingReported = true
        try onEvent(.fileMissing)
    }

    private static func milliseconds(_ interval: Duration) -> Int32 {
        let (seconds, attoseconds) = interval.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return Int32.max }
        return Int32(clamping: total.partialValue &+ attoseconds / 1_000_000_000_000_000)
    }
}

extension FileFollower: @unchecked Sendable {}  // sole owner of its reader; the pause closure is Sendable

/// Whether `fd` has input or has closed, waiting at most `milliseconds`. Outside `FileFollower` because
/// its own `poll` method would hide `poll(2)` inside the type.
private func waitForInput(_ fd: Int32, milliseconds: Int32) -> Bool {
    var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&request, 1, milliseconds)
    // A signal is no input: reading now could block a stop request out. Any other error is left for
    // read(2) to report.
    if ready < 0 { return errno != EINTR }
    return ready > 0
}
