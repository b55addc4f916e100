import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import OpsCurses

@Suite struct WakePipeTests {
    @Test func aPostFromAnotherThreadMakesThePipeReadable() async throws {
        let pipe = try WakePipe()
        #expect(Self.isReadable(pipe, waitingMilliseconds: 0) == false)
        let poster = Task.detached { pipe.post(0) }
        await poster.value
        #expect(Self.isReadable(pipe, waitingMilliseconds: 2000))
        var bytes: [UInt8] = []
        pipe.drain { bytes.append($0) }
        #expect(bytes == [0])
        #expect(Self.isReadable(pipe, waitingMilliseconds: 0) == false)
    }

    @Test func postingNeverBlocksOnAFullPipe() throws {
        let pipe = try WakePipe()
        for _ in 0..<100_000 { pipe.post(7) } // more than a pipe holds
        var count = 0
        pipe.drain { _ in count += 1 }
        #expect(count > 0 && count < 100_000)
    }

    @Test func procSelfIOCountsWrites() throws {
        let before = CursesTerminal.bytesWrittenByProcess()
        let pipe = try WakePipe()
        for _ in 0..<10 { pipe.post(1) }
        #expect(CursesTerminal.bytesWrittenByProcess() - before >= 10)
        let text = Array("rchar: 5\nwchar: 1234\nsyscr: 9\n".utf8)
        #expect(ProcessIOCounters.value(of: "wchar", in: text[...]) == 1234)
        #expect(ProcessIOCounters.value(of: "nothing", in: text[...]) == nil)
    }

    static func isReadable(_ pipe: WakePipe, waitingMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: pipe.readDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, waitingMilliseconds) == 1
    }
}
