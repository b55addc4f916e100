import Testing
@testable import OpsCore

@Suite struct LineSplitterTests {
    /// Feeds `data` in chunks of `chunkSize` and returns the lines and the splitter.
    static func split(_ data: [UInt8], chunkSize: Int, maxLineBytes: Int = 1 << 20) -> (lines: [[UInt8]], splitter: LineSplitter) {
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var lines: [[UInt8]] = []
        var start = 0
        while start < data.count {
            let end = min(data.count, start + max(1, chunkSize))
            data[start..<end].withUnsafeBytes { chunk in splitter.append(chunk) { lines.append(Array($0)) } }
            start = end
        }
        splitter.finish { lines.append(Array($0)) }
        return (lines, splitter)
    }

    static func texts(_ text: String, chunkSize: Int, maxLineBytes: Int = 1 << 20) -> [String] {
        split(Array(text.utf8), chunkSize: chunkSize, maxLineBytes: maxLineBytes).lines.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rules stated plainly, on the whole data at once: the oracle for the randomised test.
    static func reference(_ data: [UInt8], maxLineBytes: Int) -> (lines: [[UInt8]], dropped: Int, cut: Int) {
        var pieces = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if pieces.last?.isEmpty == true { pieces.removeLast() }  // data ending in "\n" has no line after it
        var dropped = 0
        var cut = 0
        let lines = pieces.map { piece -> [UInt8] in
            var line = piece
            if line.last == 0x0D { line.removeLast() }
            if line.count > maxLineBytes {
                dropped += line.count - maxLineBytes
                cut += 1
                line = Array(line.prefix(maxLineBytes))
            }
            return line
        }
        return (lines, dropped, cut)
    }

    @Test(arguments: [1, 2, 3, 5, 64, 4096])
    func splitsLinesWhateverTheChunking(chunkSize: Int) {
        #expect(Self.texts("one\ntwo\n\nthree\n", chunkSize: chunkSize) == ["one", "two", "", "three"])
        #expect(Self.texts("\n\n", chunkSize: chunkSize) == ["", ""])
        #expect(Self.texts("", chunkSize: chunkSize) == [])
    }

    @Test(arguments: [1, 2, 3, 4096])
    func stripsOneCarriageReturnBeforeTheNewline(chunkSize: Int) {
        #expect(Self.texts("a\r\nb\r\r\nc\rd\r\n\r\n", chunkSize: chunkSize) == ["a", "b\r", "c\rd", ""])
    }

    @Test(arguments: [1, 2, 4096])
    func deliversALastLineWithoutNewlineAtTheEnd(chunkSize: Int) {
        #expect(Self.texts("first\nlast", chunkSize: chunkSize) == ["first", "last"])
        #expect(Self.texts("only\r", chunkSize: chunkSize) == ["only"])
    }

    @Test func keepsAPartialLineUntilItsNewlineArrives() {
        var splitter = LineSplitter()
        var lines: [String] = []
        let collect: (UnsafeBufferPointer<UInt8>) -> Void = { lines.append(String(decoding: $0, as: UTF8.self)) }
        Array("ab".utf8).withUnsafeBytes { splitter.append($0, collect) }
        #expect(lines.isEmpty)
        Array("c\nde".utf8).withUnsafeBytes { splitter.append($0, collect) }
        #expect(lines == ["abc"])
        splitter.finish(collect)
        #expect(lines == ["abc", "de"])
        #expect(splitter.lines == 2)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 100])
    func cutsLinesLongerThanTheLimitAndSkipsToTheNextNewline(chunkSize: Int) {
        let result = Self.split(Array("abcdefgh\nabcd\nabcde\nxy\nabcdefghij".utf8), chunkSize: chunkSize, maxLineBytes: 4)
        #expect(result.lines.map { String(decoding: $0, as: UTF8.self) } == ["abcd", "abcd", "abcd", "xy", "abcd"])
        #expect(result.splitter.cutLines == 3)
        #expect(result.splitter.droppedBytes == 4 + 1 + 6)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 100])
    func aCarriageReturnTerminatorDoesNotCountTowardsTheLimit(chunkSize: Int) {
        let result = Self.split(Array("abcd\r\nabcde\r\nab\r".utf8), chunkSize: chunkSize, maxLineBytes: 4)
        #expect(result.lines.map { String(decoding: $0, as: UTF8.self) } == ["abcd", "abcd", "ab"])
        #expect(result.splitter.cutLines == 1)
        #expect(result.splitter.droppedBytes == 1)
    }

    @Test func anOverlongLineIsDeliveredBeforeItsNewlineArrives() {
        var splitter = LineSplitter(maxLineBytes: 4)
        var lines: [String] = []
        Array("abcdefg".utf8).withUnsafeBytes { chunk in splitter.append(chunk) { lines.append(String(decoding: $0, as: UTF8.self)) } }
        #expect(lines == ["abcd"])
        Array("hij\nk".utf8).withUnsafeBytes { chunk in splitter.append(chunk) { lines.append(String(decoding: $0, as: UTF8.self)) } }
        splitter.finish { lines.append(String(decoding: $0, as: UTF8.self)) }
        #expect(lines == ["abcd", "k"])
        #expect(splitter.droppedBytes == 6)
    }

    @Test func aThreeMebibyteLineIsCutAtOneMebibyte() {
        var data = Array("before\n".utf8)
        data += [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        data += Array("\nafter\n".utf8)
        let result = Self.split(data, chunkSize: 65_536)
        #expect(result.lines.count == 3)
        #expect(result.lines[1].count == 1 << 20)
        #expect(result.lines[1].allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(result.lines[2] == Array("after".utf8))
        #expect(result.splitter.droppedBytes == 2 << 20)
    }

    /// Random bytes rich in `\r`, `\n` and near-limit lines, chunked at random, against the oracle.
    @Test(arguments: 0..<40)
    func agreesWithTheReferenceOnRandomInput(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        let maxLineBytes = random.inRange(1...9)
        let alphabet: [UInt8] = [0x0A, 0x0D, UInt8(ascii: "a"), UInt8(ascii: "b"), 0xE2, 0x00]
        let data = (0..<random.inRange(0...400)).map { _ in random.pick(alphabet) }
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var lines: [[UInt8]] = []
        var start = 0
        while start < data.count {
            let end = min(data.count, start + random.inRange(1...12))
            data[start..<end].withUnsafeBytes { chunk in splitter.append(chunk) { lines.append(Array($0)) } }
            start = end
        }
        splitter.finish { lines.append(Array($0)) }
        let expected = Self.reference(data, maxLineBytes: maxLineBytes)
        #expect(lines == expected.lines, "seed \(seed), limit \(maxLineBytes), data \(data)")
        #expect(splitter.droppedBytes == expected.dropped)
        #expect(splitter.cutLines == expected.cut)
        #expect(splitter.lines == expected.lines.count)
    }
}
