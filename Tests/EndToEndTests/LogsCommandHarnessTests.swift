import Foundation
import Glibc
import Testing

/// Helpers shared by the `opsdeck logs` end-to-end suites: a scratch folder for input files, a way to
/// run the command, and a strict reader of `--output json` lines. The suite at the bottom checks that
/// the reader really is strict, since every other suite relies on it.

/// A folder of its own under the system's temporary directory, removed when the test lets go of it.
final class ScratchFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/opsdeck-logs-e2e.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ScratchFolderError.cannotCreate(errno: errno)
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` inside the folder and returns the file's full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// Appends to a file the way a logger does: an `O_APPEND` write that readers may see at once.
    func append(_ name: String, _ text: String) throws {
        let fd = open(path + "/" + name, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw ScratchFolderError.cannotCreate(errno: errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw ScratchFolderError.shortWrite }
    }
}

enum ScratchFolderError: Error {
    case cannotCreate(errno: Int32)
    case shortWrite
}

/// Runs `opsdeck logs` in `folder` (so file names given relative stay short) with the local zone set to
/// UTC, so zone-less times in fixtures read the same on every machine.
func runLogs(_ arguments: [String], stdin: [UInt8]? = nil, in folder: ScratchFolder? = nil,
             environment: [String: String] = [:], timeout: Duration = .seconds(10),
             sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildResult {
    try OpsdeckBinary.run(["logs"] + arguments, stdin: stdin, environment: ["TZ": "UTC"].merging(environment) { _, new in new },
                          currentDirectory: folder?.path, timeout: timeout, sourceLocation: sourceLocation)
}

func runLogs(_ arguments: [String], stdin: String, in folder: ScratchFolder? = nil,
             environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildResult {
    try runLogs(arguments, stdin: Array(stdin.utf8), in: folder, environment: environment, sourceLocation: sourceLocation)
}

/// One line of `opsdeck logs --output json`, read strictly: exactly the documented keys, each of the
/// documented type.
struct EmittedRecord {
    static let keys: Set<String> = ["line", "source", "time", "level", "message", "error", "trace_id", "fields"]
    static let errorKeys: Set<String> = ["type", "message", "stack"]

    struct ErrorPart: Equatable {
        var type: String?
        var message: String?
        var stack: String?
    }

    var line: Int
    var source: String?
    var time: String?
    var level: String
    var message: String
    var error: ErrorPart?
    var traceId: String?
    /// As `JSONSerialization` reads it: numbers stay `NSNumber`, so `42` and `"42"` differ.
    var fields: NSDictionary

    enum Malformed: Error, CustomStringConvertible {
        case notAnObject(String), keys(Set<String>, String), type(String, String)
        var description: String {
            switch self {
            case .notAnObject(let line): "not a JSON object: \(line)"
            case .keys(let keys, let line): "keys \(keys.sorted()) instead of \(EmittedRecord.keys.sorted()): \(line)"
            case .type(let key, let line): "'\(key)' has the wrong type: \(line)"
            }
        }
    }

    init(jsonLine: [UInt8]) throws {
        let text = String(decoding: jsonLine, as: UTF8.self)
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonLine)) as? [String: Any] else {
            throw Malformed.notAnObject(text)
        }
        guard Set(object.keys) == EmittedRecord.keys else { throw Malformed.keys(Set(object.keys), text) }
        func optionalString(_ key: String, in dictionary: [String: Any] = object) throws -> String? {
            if dictionary[key] is NSNull { return nil }
            guard let value = dictionary[key] as? String else { throw Malformed.type(key, text) }
            return value
        }
        guard let line = object["line"] as? Int else { throw Malformed.type("line", text) }
        guard let level = object["level"] as? String else { throw Malformed.type("level", text) }
        guard let message = object["message"] as? String else { throw Malformed.type("message", text) }
        guard let fields = object["fields"] as? NSDictionary else { throw Malformed.type("fields", text) }
        self.line = line
        self.level = level
        self.message = message
        self.fields = fields
        source = try optionalString("source")
        time = try optionalString("time")
        traceId = try optionalString("trace_id")
        if object["error"] is NSNull {
            error = nil
        } else {
            guard let part = object["error"] as? [String: Any], Set(part.keys) == EmittedRecord.errorKeys else {
                throw Malformed.type("error", text)
            }
            error = ErrorPart(type: try optionalString("type", in: part), message: try optionalString("message", in: part),
                              stack: try optionalString("stack", in: part))
        }
    }

    /// Every line of a command's standard output, each read strictly.
    static func all(in output: [UInt8]) throws -> [EmittedRecord] {
        try outputLines(output).map { try EmittedRecord(jsonLine: $0) }
    }

    /// The value at a dotted path in `fields`.
    func field(_ path: String) -> Any? {
        var current: Any? = fields
        for key in path.split(separator: ".") {
            current = (current as? NSDictionary)?[String(key)]
        }
        return current
    }
}

/// The lines of a command's output, without their line feeds (a missing final line feed still ends one).
func outputLines(_ output: [UInt8]) -> [[UInt8]] {
    var lines = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
}

func outputLines(_ output: String) -> [String] { outputLines(Array(output.utf8)).map { String(decoding: $0, as: UTF8.self) } }

/// What in `output` could act on a terminal instead of being shown: invalid UTF-8, ESC, C0 controls but
/// LF, DEL, C1 controls (as U+0080–U+009F), and the bidirectional controls that reorder what is shown
/// (U+202A–U+202E, U+2066–U+2069). Empty when the output is safe to print.
func terminalHazards(in output: [UInt8]) -> [String] {
    guard let text = String(validating: output, as: UTF8.self) else { return ["invalid UTF-8"] }
    var found: [String] = []
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let hazard = (v < 0x20 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        if hazard { found.append(String(format: "U+%04X", v)) }
    }
    return found
}

/// The reader above must refuse anything but the documented shape, or the suites would prove little.
@Suite struct LogsCommandHarnessTests {
    private let good = #"{"line":3,"source":"a.log","time":null,"level":"info","message":"m","error":{"type":null,"message":"boom","stack":null},"trace_id":null,"fields":{"n":42,"s":"42"}}"#

    @Test func readsTheDocumentedShape() throws {
        let record = try EmittedRecord(jsonLine: Array(good.utf8))
        #expect(record.line == 3 && record.source == "a.log" && record.time == nil && record.level == "info")
        #expect(record.error == EmittedRecord.ErrorPart(type: nil, message: "boom", stack: nil))
        #expect(record.field("n") as? NSNumber == 42 && record.field("s") as? String == "42")
    }

    @Test(arguments: [
        #"{"line":1,"source":null,"time":null,"level":"info","message":"m","error":null,"trace_id":null}"#,
        #"{"line":1,"source":null,"time":null,"level":"info","message":"m","error":null,"trace_id":null,"fields":{},"extra":1}"#,
        #"{"line":"1","source":null,"time":null,"level":"info","message":"m","error":null,"trace_id":null,"fields":{}}"#,
        #"{"line":1,"source":null,"time":null,"level":"info","message":"m","error":{"message":"x"},"trace_id":null,"fields":{}}"#,
        "not json",
    ])
    func refusesAnythingElse(_ line: String) {
        #expect(throws: EmittedRecord.Malformed.self) { try EmittedRecord(jsonLine: Array(line.utf8)) }
    }

    @Test func findsEveryKindOfTerminalHazard() {
        #expect(terminalHazards(in: Array("plain é ✓\n".utf8)).isEmpty)
        #expect(terminalHazards(in: [0x61, 0xFF]) == ["invalid UTF-8"])
        #expect(terminalHazards(in: Array("\u{1B}[2J\r\t\u{7F}\u{9B}\u{202E}\u{2066}".utf8))
                == ["U+001B", "U+000D", "U+0009", "U+007F", "U+009B", "U+202E", "U+2066"])
    }

    @Test func splitsOutputIntoLines() {
        #expect(outputLines("a\n\nb\n") == ["a", "", "b"])
        #expect(outputLines("a\nb") == ["a", "b"])
        #expect(outputLines("").isEmpty)
    }
}
