/// One thing wrong with a file opsdeck reads (its configuration, a theme): where (file, 1-based
/// line and column) and what was expected instead.
public struct FileIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and terminals turn into a jump.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// One thing wrong with a configuration file.
public typealias ConfigIssue = FileIssue

/// Why a configuration was refused: every issue found (up to `ConfigLoader.issueLimit`), in the
/// order they stand in the file, and how many more there were.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [ConfigIssue]
    /// Issues found beyond the limit, counted but not listed.
    public let unlisted: Int

    public init(issues: [ConfigIssue], unlisted: Int = 0) {
        self.issues = issues
        self.unlisted = unlisted
    }

    /// One issue a line, then `... and N more issues` when some were not listed.
    public var lines: [String] {
        issues.map(\.description) + (unlisted > 0 ? ["... and \(unlisted) more issue\(unlisted == 1 ? "" : "s")"] : [])
    }

    public var description: String { lines.joined(separator: "\n") }
}

/// Collects issues while a file is read, keeping the first `limit` so that a file with an error
/// on every line still gives a short answer.
final class IssueLog {
    let file: String
    let limit: Int
    private(set) var issues: [ConfigIssue] = []
    private(set) var unlisted = 0

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    var isEmpty: Bool { issues.isEmpty && unlisted == 0 }

    func report(_ message: String, at position: YAMLPosition) {
        guard issues.count < limit else {
            unlisted += 1
            return
        }
        issues.append(ConfigIssue(file: file, line: position.line, column: position.column, message: message))
    }

    /// The issues so far, in file order (a stable sort: two at one position keep their order).
    func error() -> ConfigError {
        let ordered = issues.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        return ConfigError(issues: ordered, unlisted: unlisted)
    }
}
