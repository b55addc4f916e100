#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal line that was skipped, and why.
public struct JournalProblem: Hashable, Sendable, CustomStringConvertible {
    /// Counted from 1.
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// What reading a journal found.
public struct JournalHistory: Hashable, Sendable {
    /// Oldest first.
    public var actions: [JournalAction]
    /// Oldest first; alerts of one time keep file order.
    public var alerts: [JournalAlertEntry]
    /// Lines that were skipped.
    public var problems: [JournalProblem]
    /// False when there is no journal yet (nothing was ever done): not an error.
    public var fileExists: Bool

    public init(actions: [JournalAction], alerts: [JournalAlertEntry] = [], problems: [JournalProblem],
                fileExists: Bool) {
        self.actions = actions
        self.alerts = alerts
        self.problems = problems
        self.fileExists = fileExists
    }
}

/// One good line of the journal: a line of an action, or an alert.
public enum JournalRecord: Hashable, Sendable {
    case action(JournalEntry)
    case alert(JournalAlertEntry)
}

/// Collects the records of a journal into a history.
private struct JournalCollector {
    var folder = JournalFolder()
    var alerts: [JournalAlertEntry] = []

    mutating func add(_ record: JournalRecord) {
        switch record {
        case .action(let entry): folder.add(entry)
        case .alert(let alert): alerts.append(alert)
        }
    }

    func history(problems: [JournalProblem], fileExists: Bool) -> JournalHistory {
        // A stable sort: lines of one millisecond keep the order they were written in.
        let ordered = alerts.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        return JournalHistory(actions: folder.actions, alerts: ordered.map(\.element), problems: problems,
                              fileExists: fileExists)
    }
}

/// Reads a journal. The file is untrusted input: a line that is not a journal entry (a crash cut it
/// short, someone edited the file, a disk error) is skipped and reported with its line number, and
/// never stops the lines after it from being read. The file is read in chunks, never whole.
public enum JournalReader {
    /// Longer lines are reported and skipped (opsdeck's own lines are a few hundred bytes).
    public static let maximumLineBytes = 1 << 20

    /// Every action in the journal at `path`, folded from its lines, and every alert. A missing file is an empty
    /// history; a file that cannot be read at all (permissions, a folder) throws.
    public static func history(path: String) throws(JournalError) -> JournalHistory {
        var collector = JournalCollector()
        let scan = try scanRecords(path: path) { collector.add($0) }
        return collector.history(problems: scan.problems, fileExists: scan.fileExists)
    }

    /// The actions and alerts of a journal held in memory.
    public static func history(bytes: [UInt8]) -> JournalHistory {
        var collector = JournalCollector()
        var lines = JournalLineParser()
        bytes.withUnsafeBytes { lines.append($0) { collector.add($0) } }
        lines.finish { collector.add($0) }
        return collector.history(problems: lines.problems, fileExists: true)
    }

    /// Hands every good line of an action in the journal at `path` to `entry`, in file order;
    /// alert lines are passed over (they are good lines, not problems).
    public static func scan(path: String, entry: (JournalEntry) -> Void) throws(JournalError)
        -> (problems: [JournalProblem], fileExists: Bool) {
        try scanRecords(path: path) { record in
            if case .action(let line) = record { entry(line) }
        }
    }

    /// Hands every good line of the journal at `path` to `record`, in file order.
    public static func scanRecords(path: String, record entry: (JournalRecord) -> Void) throws(JournalError)
        -> (problems: [JournalProblem], fileExists: Bool) {
        let fd: Int32
        switch StateFiles.openFile(path, O_RDONLY) {
        case .success(let opened): fd = opened
        case .failure(let error) where error.code == ENOENT: return ([], false)
        case .failure(let error): throw .cannotRead(path: path, errno: error.code)
        }
        defer { close(fd) }
        var lines = JournalLineParser()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, errno: errno)
            }
            if count == 0 { break }
            chunk.withUnsafeBytes { lines.append(UnsafeRawBufferPointer(rebasing: $0[0..<count]), entry) }
        }
        lines.finish(entry)
        return (lines.problems, true)
    }
}

/// Splits journal bytes into lines and each line into a record, collecting the lines it skips.
struct JournalLineParser {
    private var splitter = LineSplitter(maxLineBytes: JournalReader.maximumLineBytes)
    private(set) var problems: [JournalProblem] = []
    private var lineNumber = 0

    /// Hands each record completed by `chunk` to `deliver`.
    mutating func append(_ chunk: UnsafeRawBufferPointer, _ deliver: (JournalRecord) -> Void) {
        var splitter = self.splitter
        splitter.append(chunk) { line in self.handle(line, last: false, deliver) }
        self.splitter = splitter
    }

    /// The data ended: a line still pending had no newline, so the writer was stopped mid-line.
    mutating func finish(_ deliver: (JournalRecord) -> Void) {
        var splitter = self.splitter
        splitter.finish { line in self.handle(line, last: true, deliver) }
        self.splitter = splitter
    }

    private mutating func handle(_ line: UnsafeBufferPointer<UInt8>, last: Bool, _ deliver: (JournalRecord) -> Void) {
        lineNumber += 1
        // The splitter hands over an over-long line cut to exactly the limit (and drops its rest).
        if line.count >= JournalReader.maximumLineBytes {
            problems.append(JournalProblem(line: lineNumber, reason: "\(JournalReader.maximumLineBytes) bytes or longer; skipped"))
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        let json: JSONValue
        do {
            json = try JSONParser.parse(line)
        } catch {
            problems.append(JournalProblem(line: lineNumber, reason: last
                ? "truncated: the last line has no end (was opsdeck killed while writing it?); skipped"
                : "not valid JSON; skipped"))
            return
        }
        do {
            if JournalAlertEntry.isAlertLine(json) {
                deliver(.alert(try JournalAlertEntry(json: json)))
            } else {
                deliver(.action(try JournalEntry(json: json)))
            }
        } catch {
            problems.append(JournalProblem(line: lineNumber, reason: "not a journal entry (\(error)); skipped"))
        }
    }
}
