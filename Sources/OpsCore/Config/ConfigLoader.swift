import Foundation

/// Reads and checks an `opsdeck.yml`. Every issue in the file is reported at once, each with its
/// file, line and column and what was expected: unknown keys, wrong types, missing settings,
/// duplicate keys, environments a service names but `environments:` does not declare.
public enum ConfigLoader {
    /// Issues listed at most; the rest are counted (`ConfigError.unlisted`).
    public static let issueLimit = 20
    /// A configuration is a few kilobytes; this bound keeps a wrong path (a log, a device) harmless.
    public static let maximumFileBytes = 4 << 20

    /// Reads the file at `path` (named so in messages). Throws `ConfigError`: when the file
    /// cannot be read, is not UTF-8, or says anything opsdeck does not understand.
    public static func load(path: String) throws -> OpsdeckConfig {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text: readText(path), file: path).resolvingLocalPaths(configFolder: folder)
    }

    /// Reads configuration text; `file` names it in messages. Throws `ConfigError`.
    public static func parse(text: String, file: String) throws -> OpsdeckConfig {
        let log = IssueLog(file: file, limit: issueLimit)
        let config = ConfigReader(log: log).read(YAMLDocument.read(text))
        guard let config, log.isEmpty else { throw log.error() }
        return config
    }

    static func readText(_ path: String) throws -> String {
        func failure(_ message: String, at position: YAMLPosition = .start) -> ConfigError {
            ConfigError(issues: [ConfigIssue(file: path, line: position.line, column: position.column, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such file")
        }
        guard !isDirectory.boolValue else { throw failure("is a directory, not a configuration file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw failure("cannot be opened for reading") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            throw failure("cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumFileBytes else {
            throw failure("is larger than \(maximumFileBytes >> 20) MB; a configuration file is a few kilobytes")
        }
        let bytes = [UInt8](data)
        if let bad = TextPositions.firstInvalidUTF8(in: bytes) {
            throw failure("is not UTF-8 text: the byte 0x" + String(bytes[bad], radix: 16, uppercase: true)
                          + " cannot start or continue a character here",
                          at: TextPositions.position(ofByte: bad, in: bytes))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
