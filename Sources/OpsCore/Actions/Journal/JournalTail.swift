import Foundation

/// The last bytes of a journal, read without reading the rest: what a screen needs of a journal of
/// years (100k lines and more) costs the same as of a young one.
public struct JournalTail: Sendable {
    public var bytes: [UInt8]
    /// Bytes before the tail were left out, so its first line may be partial.
    public var startsMidLine: Bool

    public init(bytes: [UInt8], startsMidLine: Bool) {
        self.bytes = bytes
        self.startsMidLine = startsMidLine
    }

    /// The last `maximumBytes` of the journal at `path`. A missing file is an empty tail (nothing
    /// was journalled yet).
    public static func read(path: String, maximumBytes: Int) throws -> JournalTail {
        guard FileManager.default.fileExists(atPath: path) else { return JournalTail(bytes: [], startsMidLine: false) }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        let start = size > UInt64(maximumBytes) ? size - UInt64(maximumBytes) : 0
        try handle.seek(toOffset: start)
        let data = try handle.readToEnd() ?? Data()
        return JournalTail(bytes: [UInt8](data), startsMidLine: start > 0)
    }

    /// The actions of `key` in the tail, newest first, at most `limit`. A partial first line is
    /// dropped rather than reported; damaged lines are skipped (counted in `skippedLines`); an
    /// action whose `started` line lies before the tail is told from its later lines.
    public func actions(of key: ServiceKey, limit: Int) -> (actions: [JournalAction], skippedLines: Int) {
        var start = bytes.startIndex
        if startsMidLine {
            guard let newline = bytes.firstIndex(of: 0x0A) else { return ([], 0) }
            start = newline + 1
        }
        let history = JournalReader.history(bytes: Array(bytes[start...]))
        return (history.actions.filter { $0.key == key }.newestFirst(limit: limit), history.problems.count)
    }
}

extension Array where Element == JournalAction {
    /// Newest first by start, at most `limit`.
    public func newestFirst(limit: Int) -> [JournalAction] {
        Array(sorted { $0.startedAt > $1.startedAt }.prefix(Swift.max(0, limit)))
    }
}
