import Foundation
import Testing
@testable import OpsCore

@Suite struct JournalWriterTests {
    @Test func entriesWrittenAreReadBackEqual() throws {
        let folder = try ActionTestSupport.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let path = folder.appendingPathComponent("state/opsdeck/journal.jsonl").path
        let writer = JournalWriter(path: path)
        var finished = ActionTestSupport.entry(.stepFinished, at: 2, step: ActionTestSupport.step(0), outcome: .failed)
        finished.exitCode = 125
        finished.durationMilliseconds = 812
        finished.standardError = "docker: Error response from daemon: Conflict.\nsecond line"
        finished.error = "docker exited with 125"
        var override = ActionTestSupport.entry(.gateOverride)
        override.gateOverride = JournalEntry.GateOverride(gates: ["ci", "error-rate"], by: "alice")
        var withEnvironment = ActionTestSupport.entry(.stepStarted, at: 1, step: JournalEntry.Step(
            index: 1, count: 2, summary: "run \u{1B}[31m", argv: ["docker", "run", "a b", "ünï"],
            environment: ["DOCKER_HOST": "unix:///run/docker.sock"]))
        withEnvironment.actor.client = nil
        var note = ActionTestSupport.entry(.lockTakeover, at: 3)
        note.note = "took over"
        let entries = [override, ActionTestSupport.entry(.started), withEnvironment, finished, note,
                       ActionTestSupport.entry(.finished, at: 4, outcome: .ok)]
        for entry in entries { try writer.append(entry) }

        #expect(writer.durableLines == entries.count)
        var read: [JournalEntry] = []
        let scan = try JournalReader.scan(path: path) { read.append($0) }
        #expect(scan.problems.isEmpty)
        #expect(scan.fileExists)
        #expect(read == entries)
    }

    @Test func theJournalAndItsFolderAreCreatedPrivate() throws {
        let folder = try ActionTestSupport.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let path = folder.appendingPathComponent("new/opsdeck/journal.jsonl").path
        try JournalWriter(path: path).append(ActionTestSupport.entry(.started))
        let file = try FileManager.default.attributesOfItem(atPath: path)
        let parent = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("new/opsdeck").path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect((parent[.posixPermissions] as? Int) == 0o700)
    }

    @Test func eachEntryIsOneLineEvenWithNewlinesAndEscapesInside() throws {
        var entry = ActionTestSupport.entry(.stepFinished, step: ActionTestSupport.step(0, ["sh", "-c", "echo a\necho b"]))
        entry.standardError = "line 1\nline 2\r\n\u{1B}]52;c;Zm9v\u{07}"
        let line = entry.line
        #expect(line.last == 0x0A)
        #expect(line.filter { $0 == 0x0A }.count == 1)
        #expect(!line.contains(0x1B) && !line.contains(0x07) && !line.contains(0x0D))
    }

    /// The fsync after each line is really made: on a FIFO (which cannot be synced) the write
    /// succeeds and the sync fails, and the failure reaches the caller instead of a silent success.
    @Test func aFailedSyncIsReportedNotIgnored() throws {
        let folder = try ActionTestSupport.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let path = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let writer = JournalWriter(path: path)
        #expect(throws: JournalError.cannotSync(path: path, errno: EINVAL)) {
            try writer.append(ActionTestSupport.entry(.started))
        }
        #expect(writer.durableLines == 0)
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(reader, &bytes, bytes.count)
        #expect(count > 0 && bytes[count - 1] == 0x0A, "the line itself was written whole before the sync")
    }

    @Test func aJournalThatCannotBeOpenedIsAnError() throws {
        let folder = try ActionTestSupport.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let writer = JournalWriter(path: folder.path)  // a folder, not a file
        #expect(throws: JournalError.cannotOpen(path: folder.path, errno: EISDIR)) {
            try writer.append(ActionTestSupport.entry(.started))
        }
        let blocked = folder.appendingPathComponent("file")
        try Data().write(to: blocked)
        let underAFile = JournalWriter(path: blocked.path + "/journal.jsonl")
        #expect(throws: JournalError.cannotCreateFolder(path: blocked.path, errno: ENOTDIR)) {
            try underAFile.append(ActionTestSupport.entry(.started))
        }
    }

    /// Many threads appending through one writer and through writers of their own (separate
    /// descriptors, as separate processes have): every line arrives whole.
    @Test func concurrentWritersNeverInterleaveLines() async throws {
        let folder = try ActionTestSupport.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let path = folder.appendingPathComponent("journal.jsonl").path
        let shared = JournalWriter(path: path)
        let perWriter = 200
        // Long lines, so that a torn write would be likely to show.
        let padding = String(repeating: "x", count: 3000)
        await withTaskGroup(of: Void.self) { group in
            for writerIndex in 0..<4 {
                group.addTask {
                    let writer = writerIndex % 2 == 0 ? shared : JournalWriter(path: path)
                    for lineIndex in 0..<perWriter {
                        var entry = ActionTestSupport.entry(.stepStarted, id: "w\(writerIndex)-\(lineIndex)",
                                                            step: ActionTestSupport.step(0, ["echo", padding]))
                        entry.note = padding
                        try? writer.append(entry)
                    }
                }
            }
        }
        var ids: Set<String> = []
        let scan = try JournalReader.scan(path: path) { ids.insert($0.id) }
        #expect(scan.problems.isEmpty)
        #expect(ids.count == 4 * perWriter)
    }
}
