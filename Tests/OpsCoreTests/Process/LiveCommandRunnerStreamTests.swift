import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// `stream` splits a real child's standard output into exactly the lines it wrote.
@Suite struct LiveCommandRunnerStreamTests {
    let runner = LiveCommandRunner()
    let support = ProcessTestSupport.self

    /// Streams `cat` of `bytes` written to a temporary file.
    func streamFile(_ bytes: [UInt8]) async throws -> (lines: [String], result: CommandResult) {
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let file = directory.appendingPathComponent("data")
        try Data(bytes).write(to: file)
        let lines = CollectedLines()
        let result = try await runner.stream(Command("cat", [file.path], timeout: ProcessTestSupport.generousTimeout), onLine: lines.onLine)
        return (lines.all, result)
    }

    @Test func splitsLinesAndDeliversTheLastOneWithoutNewline() async throws {
        let lines = CollectedLines()
        let result = try await runner.stream(Command("printf", ["one\\ntwo\\r\\n\\nthree\\r\\nlast"]), onLine: lines.onLine)
        #expect(lines.all == ["one", "two", "", "three", "last"])
        #expect(result.succeeded)
        #expect(result.standardOutput.isEmpty)
        #expect(result.droppedOutputBytes == 0)
    }

    @Test func keepsStandardErrorForTheResult() async throws {
        let lines = CollectedLines()
        let result = try await runner.stream(Command("sh", ["-c", "echo out; echo 'no such service' >&2; exit 4"]),
                                             onLine: lines.onLine)
        #expect(lines.all == ["out"])
        #expect(result.termination == .exited(4))
        #expect(result.standardError == "no such service\n")
    }

    /// Several pipe buffers' worth of lines of every length, some CRLF: the pipe cuts them anywhere.
    @Test func linesAcrossBufferBoundariesComeOutWhole() async throws {
        var random = SplitMix64(seed: 42)
        var expected: [String] = []
        var bytes: [UInt8] = []
        while bytes.count < 600_000 {
            let length = random.pick([0, 1, 2, 80, 200, 4095, 4096, 65_535, 65_536, 70_000, random.below(3000)])
            let line = String((0..<length).map { _ in Character(UnicodeScalar(UInt8(97 + random.below(26)))) })
            expected.append(line)
            bytes += Array(line.utf8)
            bytes += random.chance(perMille: 300) ? [0x0D, 0x0A] : [0x0A]
        }
        let streamed = try await streamFile(bytes)
        #expect(streamed.lines.count == expected.count)
        #expect(streamed.lines == expected)
    }

    @Test func aThreeMebibyteLineIsCutToOneMebibyte() async throws {
        var bytes = Array("before\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        bytes += Array("\r\nafter".utf8)
        let streamed = try await streamFile(bytes)
        #expect(streamed.lines.count == 3)
        #expect(streamed.lines.first == "before")
        #expect(streamed.lines.dropFirst().first?.utf8.count == LiveCommandRunner.maxLineBytes)
        #expect(streamed.lines.dropFirst().first?.utf8.allSatisfy { $0 == UInt8(ascii: "x") } == true)
        #expect(streamed.lines.last == "after")
        #expect(streamed.result.droppedOutputBytes == (3 << 20) - LiveCommandRunner.maxLineBytes)
    }

    /// 100 MiB through `cat`: only that every line arrives, whole, is checked (no timing).
    @Test func streamsAHundredMebibyteFileLineForLine() async throws {
        var random = SplitMix64(seed: 7)
        var block: [UInt8] = []
        var linesPerBlock = 0
        var contentPerBlock = 0
        let blockSize = 1 << 20
        while block.count < blockSize {
            let length = min(random.below(200), blockSize - block.count - 1)
            block += [UInt8](repeating: UInt8(ascii: "a") + UInt8(length % 26), count: length)
            block.append(0x0A)
            linesPerBlock += 1
            contentPerBlock += length
        }
        let directory = try support.temporaryDirectory()
        defer { support.cleanUp(directory) }
        let file = directory.appendingPathComponent("big.log")
        try #require(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        for _ in 0..<100 { try handle.write(contentsOf: block) }
        try handle.close()

        let counts = LineCounts()
        let result = try await runner.stream(Command("cat", [file.path], timeout: ProcessTestSupport.generousTimeout), onLine: counts.onLine)
        #expect(result.succeeded)
        #expect(counts.lines.load(ordering: .relaxed) == 100 * linesPerBlock)
        #expect(counts.bytes.load(ordering: .relaxed) == 100 * contentPerBlock)
    }
}

/// Counts lines and their bytes without a lock per line.
final class LineCounts: Sendable {
    let lines = Atomic<Int>(0)
    let bytes = Atomic<Int>(0)

    var onLine: @Sendable (UnsafeBufferPointer<UInt8>) -> Void {
        { [self] line in
            lines.add(1, ordering: .relaxed)
            bytes.add(line.count, ordering: .relaxed)
        }
    }
}
