import Foundation
import Glibc
import Testing
@testable import OpsCore

@Suite struct LineReaderTests {
    // MARK: - Line shapes

    @Test(arguments: [1, 2, 3, 7, 4096])
    func stripsOneCarriageReturnBeforeEachNewline(readSize: Int) {
        let lines = LineReader.lines(in: "a\r\nb\r\r\nc\rd\r\n\r\n", readSize: readSize)
        #expect(lines.map(\.text) == ["a", "b\r", "c\rd", ""])
        #expect(lines.map(\.info.number) == [1, 2, 3, 4])
    }

    @Test func deliversALastLineWithoutNewlineAtTheEnd() {
        #expect(LineReader.lines(in: "one\ntwo").map(\.text) == ["one", "two"])
        #expect(LineReader.lines(in: "one\ntwo\r").map(\.text) == ["one", "two"])
        #expect(LineReader.lines(in: "x").map(\.text) == ["x"])
    }

    @Test func keepsAPartialLinePendingUntilFinish() throws {
        var reader = LineReader(bytes: Array("first\nsecond".utf8))
        var seen: [String] = []
        let outcome = try reader.readAvailable { line, _ in seen.append(String(decoding: line, as: UTF8.self)) }
        #expect(outcome == .endOfData)
        #expect(seen == ["first"])
        #expect(reader.pendingBytes == 6)
        try reader.finish { line, info in
            seen.append(String(decoding: line, as: UTF8.self))
            #expect(info.number == 2)
        }
        #expect(seen == ["first", "second"])
        #expect(reader.pendingBytes == 0)
    }

    @Test func countsEmptyLines() {
        let lines = LineReader.lines(in: "\n\nmiddle\n\n")
        #expect(lines.map(\.text) == ["", "", "middle", ""])
        #expect(lines.map(\.info.number) == [1, 2, 3, 4])
    }

    @Test func readsAnEmptyFileAsNoLines() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("empty.log", [])
        var count = 0
        let counters = try LineReader.forEachLine(inFileAt: path) { _, _ in count += 1 }
        #expect(count == 0)
        #expect(counters == LineReaderCounters())
        #expect(LineReader.lines(in: []).isEmpty)
    }

    @Test func passesBinaryBytesAndNULsThrough() {
        let input: [UInt8] = [0x00, 0x01, 0x00, 0x0A, 0xFF, 0x00, 0x0D, 0x0A, 0x1B, 0x5B, 0x32, 0x4A]
        let lines = LineReader.lines(in: input, readSize: 2)
        #expect(lines.map(\.bytes) == [[0x00, 0x01, 0x00], [0xFF, 0x00], [0x1B, 0x5B, 0x32, 0x4A]])
    }

    // MARK: - The line limit

    @Test(arguments: [1, 3, 8, 9, 10, 4096])
    func deliversALineOfExactlyTheLimitWhole(readSize: Int) {
        let lines = LineReader.lines(in: "12345678\n12345678\r\n123456789\n1234567890\r\n12345678", maxLineBytes: 8,
                                     readSize: readSize)
        #expect(lines.map(\.text) == ["12345678", "12345678", "12345678", "12345678", "12345678"])
        #expect(lines.map(\.info.truncated) == [false, false, true, true, false])
        #expect(lines.map(\.info.droppedBytes) == [0, 0, 1, 2, 0])
        #expect(lines.map(\.info.number) == [1, 2, 3, 4, 5])
    }

    @Test func cutsATenMegabyteLineAndKeepsTheNextOneIntact() throws {
        let scratch = try ScratchDirectory()
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        let path = try scratch.write("long.log", Array("before\n".utf8) + long + Array("\r\nafter\nlast".utf8))
        var reader = try LineReader(path: path)
        var lines: [LineReader.Line] = []
        try reader.readAll { line, info in lines.append(LineReader.Line(bytes: Array(line), info: info)) }

        #expect(lines.count == 4)
        #expect(lines.map(\.info.number) == [1, 2, 3, 4])
        #expect(lines[0].text == "before")
        #expect(lines[1].bytes == Array(long.prefix(LineReader.defaultMaxLineBytes)))
        #expect(lines[1].info == LineInfo(number: 2, truncated: true, droppedBytes: 10_000_000 - LineReader.defaultMaxLineBytes))
        #expect(lines[2].text == "after" && !lines[2].info.truncated)
        #expect(lines[3].text == "last")
        // The rest of the long line streamed through: the buffer never grew near 10 MB.
        #expect(reader.capacity <= LineReader.defaultMaxLineBytes + LineReader.skipReadRoom + 2)
        let counters = reader.counters
        #expect(counters.truncatedLines == 1)
        #expect(counters.bytesRead == counters.accountedBytes)
    }

    @Test func cutsALongLastLineThatNeverEnds() {
        let lines = LineReader.lines(in: "ok\n" + String(repeating: "y", count: 50) + "\r", maxLineBytes: 10, readSize: 4)
        #expect(lines.map(\.text) == ["ok", String(repeating: "y", count: 10)])
        #expect(lines[1].info == LineInfo(number: 2, truncated: true, droppedBytes: 40))
    }

    @Test func clampsAbsurdLimitsInsteadOfOverflowing() {
        let lines = LineReader.lines(in: "a\nbb\nccc", maxLineBytes: .max, readSize: 2)
        #expect(lines.map(\.text) == ["a", "bb", "ccc"])
        #expect(LineReader.lines(in: "abc\n", maxLineBytes: 0).map(\.text) == ["a"])
    }

    // MARK: - Reads of every size

    /// Random inputs full of the bytes that matter (`\n`, `\r`, NUL, 0xFF), cut into reads of every
    /// small size, must split exactly like a plain reference splitter and account for every byte.
    @Test func matchesAReferenceSplitterForAnyReadSizeAndAccountsForEveryByte() throws {
        var random = SplitMix(seed: 0x5EED)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x00, 0xFF, 0x61, 0x61, 0x62, 0x0A]
        for _ in 0..<300 {
            let input = (0..<random.below(120)).map { _ in alphabet[random.below(alphabet.count)] }
            let limit = 1 + random.below(12)
            let expected = referenceLines(input, maxLineBytes: limit)
            for readSize in [1, 2, 3, 5, 16, 1 << 20] {
                var reader = LineReader(bytes: input, maxLineBytes: limit, readSize: readSize)
                var lines: [LineReader.Line] = []
                var delivered = 0
                var dropped = 0
                try reader.readAll { line, info in
                    lines.append(LineReader.Line(bytes: Array(line), info: info))
                    delivered += line.count
                    dropped += info.droppedBytes
                }
                #expect(lines == expected, "input \(input) limit \(limit) readSize \(readSize)")
                let counters = reader.counters
                let terminators = input.count - delivered - dropped
                #expect(counters.bytesRead == input.count)
                #expect(counters.deliveredBytes == delivered && counters.droppedBytes == dropped)
                #expect(counters.newlineBytes + counters.carriageReturnBytes == terminators)
                #expect(counters.newlineBytes == input.count(where: { $0 == 0x0A }))
                #expect(counters.lines == expected.count)
                #expect(counters.truncatedLines == expected.count(where: \.info.truncated))
            }
        }
    }

    @Test func readsAPipeFedInTinyPieces() throws {
        let pipe = try TestPipe()
        var text = ""
        for i in 0..<200 { text += i % 7 == 0 ? "line \(i)\r\n" : "line \(i)\n" }
        let input = Array(text.utf8)
        // The writer thread owns its own copy of the write end, so closing it cannot race the pipe's.
        let writeEnd = fcntl(pipe.writeEnd, F_DUPFD_CLOEXEC, 0)
        pipe.closeWriteEnd()
        let writer = Thread {
            var offset = 0
            while offset < input.count {
                let piece = min(1 + offset % 3, input.count - offset)
                input.withUnsafeBytes { _ = Glibc.write(writeEnd, $0.baseAddress?.advanced(by: offset), piece) }
                offset += piece
                usleep(20)  // pacing so the reader sees many short reads, not a wait for a condition
            }
            close(writeEnd)
        }
        writer.start()
        var reader = LineReader(fd: pipe.readEnd)
        var lines: [LineReader.Line] = []
        var reads = 0
        while case .bytesRead = try reader.readChunk({ lines.append(LineReader.Line(bytes: Array($0), info: $1)) }) {
            reads += 1
        }
        try reader.finish { lines.append(LineReader.Line(bytes: Array($0), info: $1)) }
        #expect(lines == referenceLines(input, maxLineBytes: LineReader.defaultMaxLineBytes))
        #expect(reads > 1)
        #expect(reader.counters.bytesRead == input.count)
    }

    // MARK: - Non-blocking reads, failures, switching sources

    @Test func reportsWouldBlockOnAnEmptyNonBlockingPipe() throws {
        let pipe = try TestPipe()
        _ = fcntl(pipe.readEnd, F_SETFL, fcntl(pipe.readEnd, F_GETFL) | O_NONBLOCK)
        var reader = LineReader(fd: pipe.readEnd)
        var seen: [String] = []
        let collect: (UnsafeBufferPointer<UInt8>, LineInfo) -> Void = { line, _ in seen.append(String(decoding: line, as: UTF8.self)) }

        #expect(try reader.readAvailable(collect) == .wouldBlock)
        pipe.write("ab\nc")
        #expect(try reader.readAvailable(collect) == .wouldBlock)
        #expect(seen == ["ab"])
        pipe.write("d\n")
        #expect(try reader.readAvailable(collect) == .wouldBlock)
        #expect(seen == ["ab", "cd"])
        pipe.closeWriteEnd()
        #expect(try reader.readAvailable(collect) == .endOfData)
    }

    @Test func resumesAfterACallbackThrowsWithoutLosingOrRepeatingLines() throws {
        struct Stop: Error {}
        var reader = LineReader(bytes: Array("a\nb\nc\nd".utf8))
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try reader.readAvailable { _, info in
                seen.append(info.number)
                if info.number == 2 { throw Stop() }
            }
        }
        try reader.readAll { _, info in seen.append(info.number) }
        #expect(seen == [1, 2, 3, 4])
    }

    @Test func throwsOnAMissingFileAndOnAReadError() throws {
        #expect(throws: ByteInputError.openFailed(path: "/nonexistent/x.log", errno: ENOENT)) {
            _ = try LineReader(path: "/nonexistent/x.log")
        }
        let scratch = try ScratchDirectory()
        var directory = try LineReader(path: scratch.path)
        #expect(throws: ByteInputError.readFailed(errno: EISDIR)) { try directory.readAll { _, _ in } }
    }

    @Test func keepsNumberingWhenTheDescriptorIsReplaced() throws {
        let scratch = try ScratchDirectory()
        var reader = try LineReader(path: try scratch.write("one", Array("a\nb\n".utf8)))
        var numbers: [Int] = []
        try reader.readAll { _, info in numbers.append(info.number) }
        let second = open(try scratch.write("two", Array("c\n".utf8)), O_RDONLY | O_CLOEXEC)
        reader.replaceDescriptor(second, closesDescriptor: true)
        try reader.readAll { _, info in numbers.append(info.number) }
        #expect(numbers == [1, 2, 3])
    }
}

// MARK: - Helpers shared with FileFollowerTests

/// The obvious splitter, built from Array operations, to check the fast one against.
func referenceLines(_ input: [UInt8], maxLineBytes: Int) -> [LineReader.Line] {
    var pieces = input.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if input.isEmpty || input.last == 0x0A { pieces.removeLast() }  // nothing follows the last newline
    return pieces.enumerated().map { index, piece in
        let content = piece.last == 0x0D ? Array(piece.dropLast()) : piece
        let dropped = max(0, content.count - maxLineBytes)
        return LineReader.Line(bytes: Array(content.prefix(maxLineBytes)),
                               info: LineInfo(number: index + 1, truncated: dropped > 0, droppedBytes: dropped))
    }
}

/// A deterministic generator so a failing random case can be replayed.
typealias SplitMix = SplitMix64

/// A temporary directory removed when the value goes away.
final class ScratchDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "opsdeck-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ByteInputError.openFailed(path: "mkdtemp", errno: errno) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// Creates or replaces `name` with `bytes`; returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    func append(_ name: String, _ text: String) throws {
        let fd = open(file(name), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ByteInputError.openFailed(path: file(name), errno: errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw ByteInputError.readFailed(errno: errno) }
    }
}

/// A pipe whose ends are closed when the value goes away.
final class TestPipe {
    let readEnd: Int32
    private(set) var writeEnd: Int32

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ByteInputError.openFailed(path: "pipe", errno: errno) }
        // So that processes other tests spawn meanwhile do not inherit an end and keep the pipe open.
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        closeWriteEnd()
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = Glibc.write(writeEnd, bytes, bytes.count)
    }

    func closeWriteEnd() {
        if writeEnd >= 0 { close(writeEnd) }
        writeEnd = -1
    }
}
