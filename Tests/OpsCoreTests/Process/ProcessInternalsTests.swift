import Foundation
import Testing
@testable import OpsCore

/// The small parts of the live runner that need no child process.
@Suite struct ProcessInternalsTests {
    @Test func procStatFieldsAreCountedFromTheLastParenthesis() throws {
        let entry = try #require(ProcStat.parse(ArraySlice("4711 (odd) name (x) y) S 1 4700 4700 0 -1\n".utf8)))
        #expect(entry == ProcStat.Entry(state: UInt8(ascii: "S"), processGroup: 4700))
        #expect(ProcStat.parse(ArraySlice("4711 no parenthesis S 1 2".utf8)) == nil)
        #expect(ProcStat.parse(ArraySlice("4711 (short) Z".utf8)) == nil)
    }

    @Test func procStatReadsThisProcess() throws {
        let entry = try #require(ProcStat.entry(of: getpid()))
        #expect(entry.processGroup == getpgrp())
        #expect(entry.state != UInt8(ascii: "Z"))
        #expect(ProcStat.entry(of: Int32.max) == nil)
    }

    @Test func theLocatorSearchesOnlyAbsoluteDirectoriesInOrder() {
        #expect(ExecutableLocator.locate("sh", searchPath: "relative:/nonexistent::/bin/") == "/bin/sh")
        #expect(ExecutableLocator.locate("sh", searchPath: "/usr/bin:/bin") == "/usr/bin/sh")
        #expect(ExecutableLocator.locate("sh", searchPath: "bin:.") == nil)
        #expect(ExecutableLocator.locate("sh", searchPath: "") == nil)
        #expect(ExecutableLocator.locate("/bin/sh", searchPath: "") == "/bin/sh")
        #expect(ExecutableLocator.locate("/bin", searchPath: nil) == nil)
        #expect(ExecutableLocator.locate("s\0h", searchPath: "/bin") == nil)
    }

    @Test func boundedBytesKeepsTheFirstBytesAndCountsTheRest() {
        var kept = BoundedBytes(limit: 5)
        Array("abc".utf8).withUnsafeBytes { kept.append($0) }
        Array("defg".utf8).withUnsafeBytes { kept.append($0) }
        Array("hi".utf8).withUnsafeBytes { kept.append($0) }
        #expect(kept.bytes == Array("abcde".utf8))
        #expect(kept.droppedBytes == 4)
    }

    @Test func aProcessThatIsNotOurChildCountsAsExited() {
        #expect(ProcessGroupTerminator.hasExited(1))
    }
}
