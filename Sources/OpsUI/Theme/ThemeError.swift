/// Why a theme file was refused: where (file, 1-based line and column) and what was expected.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
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
