import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes the local provider's state files (see `LocalStateLayout`). Each record is
/// written whole through a temporary file and a rename, so a reader (the forwarder, a listing in
/// another process) sees the old record or the new one, never half of one; the history is
/// appended a line at a time.
public struct LocalStateStore: Sendable {
    public let layout: LocalStateLayout
    /// A record is a few hundred bytes; anything far larger is not ours.
    static let recordLimit = 1 << 16
    /// The history is read from its end: the newest lines are the ones that matter.
    static let historyLimit = 4 << 20

    public init(layout: LocalStateLayout) { self.layout = layout }

    // MARK: Records

    public func instances(of key: ServiceKey) -> [LocalInstance] {
        let folder = layout.instancesFolder(key)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .compactMap { instance(of: key, id: String($0.dropLast(5))) }
            .sorted { ($0.started, $0.id) < ($1.started, $1.id) }
    }

    /// The instance's record, with its exit status when the supervisor has reaped it.
    public func instance(of key: ServiceKey, id: String) -> LocalInstance? {
        guard var instance = read(LocalInstance.self, from: layout.instanceFile(key, id: id)), instance.id == id else { return nil }
        if instance.exitStatus == nil, case .success(let fd) = StateFiles.openFile(layout.exitFile(key, id: id), O_RDONLY) {
            defer { close(fd) }
            let text = StateFiles.readAll(fd, limit: 32).map { String(decoding: $0, as: UTF8.self) } ?? ""
            instance.exitStatus = Int32(text.trimmingASCIIWhitespace())
        }
        return instance
    }

    /// Records how an instance ended. A file of its own, never a rewrite of the instance's record:
    /// the stop step may be removing that record at this very moment, and must not see it come back.
    public func writeExit(_ status: Int32, of key: ServiceKey, id: String) throws(LocalProviderError) {
        try writeWhole(Array("\(status)\n".utf8), to: layout.exitFile(key, id: id))
    }

    /// Forgets an instance: its record and its exit status.
    public func removeInstance(of key: ServiceKey, id: String) {
        remove(layout.instanceFile(key, id: id))
        remove(layout.exitFile(key, id: id))
    }

    public func live(of key: ServiceKey) -> LocalLive? { read(LocalLive.self, from: layout.liveFile(key)) }

    public func supervisor() -> LocalSupervisorRecord? { read(LocalSupervisorRecord.self, from: layout.supervisorFile) }

    /// The supervisor of this state folder when it runs.
    public func runningSupervisor() -> LocalSupervisorRecord? { supervisor().flatMap { $0.isRunning ? $0 : nil } }

    public func request(of key: ServiceKey, id: String) -> LocalStartRequest? {
        read(LocalStartRequest.self, from: layout.requestFile(key, id: id))
    }

    /// The ids of the start requests waiting for the supervisor.
    public func pendingRequests(of key: ServiceKey) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.requestsFolder(key))) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    public func write(_ instance: LocalInstance, of key: ServiceKey) throws(LocalProviderError) {
        try write(instance, to: layout.instanceFile(key, id: instance.id))
    }

    public func writeLive(_ live: LocalLive, of key: ServiceKey) throws(LocalProviderError) {
        try write(live, to: layout.liveFile(key))
    }

    public func writeSupervisor(_ record: LocalSupervisorRecord) throws(LocalProviderError) {
        try write(record, to: layout.supervisorFile)
    }

    public func writeRequest(_ request: LocalStartRequest, of key: ServiceKey) throws(LocalProviderError) {
        try write(request, to: layout.requestFile(key, id: request.id))
    }

    public func writeRequestError(_ message: String, of key: ServiceKey, id: String) throws(LocalProviderError) {
        try writeWhole(Array(message.utf8), to: layout.requestErrorFile(key, id: id))
    }

    public func requestError(of key: ServiceKey, id: String) -> String? {
        guard let data = FileManager.default.contents(atPath: layout.requestErrorFile(key, id: id)) else { return nil }
        return String(decoding: data.prefix(Self.recordLimit), as: UTF8.self)
    }

    public func remove(_ path: String) { unlink(path) }

    // MARK: History

    public func appendHistory(_ entry: LocalHistoryEntry, of key: ServiceKey) throws(LocalProviderError) {
        let path = layout.historyFile(key)
        try makeFolder(StateFiles.parentFolder(of: path))
        var line = Self.encode(entry)
        line.append(UInt8(ascii: "\n"))
        let fd: Int32
        switch StateFiles.openFile(path, O_WRONLY | O_CREAT | O_APPEND) {
        case .success(let opened): fd = opened
        case .failure(let error): throw .cannotWrite(path: path, reason: StateFiles.describe(error.code))
        }
        defer { close(fd) }
        if let failure = StateFiles.writeAll(fd, line) ?? StateFiles.syncData(fd) {
            throw .cannotWrite(path: path, reason: StateFiles.describe(failure))
        }
    }

    /// The history, oldest first; lines that are not entries (a line cut by a crash) are skipped.
    public func history(of key: ServiceKey) -> [LocalHistoryEntry] {
        guard let handle = FileHandle(forReadingAtPath: layout.historyFile(key)) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(Self.historyLimit) ? size - UInt64(Self.historyLimit) : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        // Read from the middle of a line: the first piece is not a whole one.
        if start > 0, !lines.isEmpty { lines.removeFirst() }
        let decoder = JSONDecoder()
        return lines.compactMap { try? decoder.decode(LocalHistoryEntry.self, from: Data($0)) }
    }

    // MARK: Files

    func read<Record: Decodable>(_ type: Record.Type, from path: String) -> Record? {
        guard case .success(let fd) = StateFiles.openFile(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        guard let bytes = StateFiles.readAll(fd, limit: Self.recordLimit) else { return nil }
        return try? JSONDecoder().decode(Record.self, from: Data(bytes))
    }

    func write<Record: Encodable>(_ record: Record, to path: String) throws(LocalProviderError) {
        try writeWhole(Self.encode(record), to: path)
    }

    func writeWhole(_ bytes: [UInt8], to path: String) throws(LocalProviderError) {
        try makeFolder(StateFiles.parentFolder(of: path))
        let temporary = StatePaths.joined(StateFiles.parentFolder(of: path), ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd: Int32
        switch StateFiles.openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC) {
        case .success(let opened): fd = opened
        case .failure(let error): throw .cannotWrite(path: path, reason: StateFiles.describe(error.code))
        }
        let failure = StateFiles.writeAll(fd, bytes)
        close(fd)
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: StateFiles.describe(failure))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: path, reason: StateFiles.describe(code))
        }
    }

    func makeFolder(_ path: String) throws(LocalProviderError) {
        if let failure = StateFiles.makeFolder(path) {
            throw .cannotWrite(path: path, reason: StateFiles.describe(failure))
        }
    }

    static func encode<Record: Encodable>(_ record: Record) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every record is made of strings and integers, which always encode.
        return (try? Array(encoder.encode(record))) ?? Array("{}".utf8)
    }
}
