#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LineReader {
    /// A line copied out of the reader, for tests and callers off the hot path.
    public struct Line: Sendable, Equatable {
        public var bytes: [UInt8]
        public var info: LineInfo

        public init(bytes: [UInt8], info: LineInfo) {
            self.bytes = bytes
            self.info = info
        }

        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Opens `path` for reading; the reader closes it when it goes away.
    public init(path: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                bufferBytes: Int = LineReader.defaultBufferBytes) throws {
        let fd = try LineReader.openForReading(path)
        self.init(fd: fd, maxLineBytes: maxLineBytes, bufferBytes: bufferBytes, closesDescriptor: true)
    }

    /// Reads everything up to the end of the source and delivers the last line too. A non-blocking
    /// descriptor is waited on with `poll(2)` rather than spun on.
    public mutating func readAll(_ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        while true {
            switch try readAvailable(body) {
            case .endOfData:
                try finish(body)
                return
            case .wouldBlock:
                guard let fd = descriptor else { continue }
                var waitFor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&waitFor, 1, -1)
            case .bytesRead:
                continue
            }
        }
    }

    /// Reads the file at `path` line by line and returns the final counters.
    @discardableResult
    public static func forEachLine(inFileAt path: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                                   _ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws -> LineReaderCounters {
        var reader = try LineReader(path: path, maxLineBytes: maxLineBytes)
        try reader.readAll(body)
        return reader.counters
    }

    /// Every line of `bytes`, copied. `readSize` cuts the input into reads of that size.
    public static func lines(in bytes: [UInt8], maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                             readSize: Int = LineReader.defaultBufferBytes) -> [Line] {
        var reader = LineReader(bytes: bytes, maxLineBytes: maxLineBytes, readSize: readSize)
        var lines: [Line] = []
        // An in-memory source has no read that can fail and this callback does not throw.
        try? reader.readAll { line, info in lines.append(Line(bytes: Array(line), info: info)) }
        return lines
    }

    public static func lines(in text: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                             readSize: Int = LineReader.defaultBufferBytes) -> [Line] {
        lines(in: Array(text.utf8), maxLineBytes: maxLineBytes, readSize: readSize)
    }

    static func openForReading(_ path: String, extraFlags: Int32 = 0) throws -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC | extraFlags)
            if fd >= 0 { return fd }
            let code = errno
            if code == EINTR { continue }
            throw ByteInputError.openFailed(path: path, errno: code)
        }
    }
}
