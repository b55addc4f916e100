import Testing
@testable import OpsCore

/// Parsing helpers for the configuration tests: the config when valid, the issues when not.
enum ConfigText {
    static func config(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> OpsdeckConfig? {
        do {
            return try ConfigLoader.parse(text: text, file: "opsdeck.yml")
        } catch {
            Issue.record("expected a valid configuration, got:\n\(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
        do {
            let config = try ConfigLoader.parse(text: text, file: "opsdeck.yml")
            Issue.record("expected issues, got a valid configuration: \(config)", sourceLocation: sourceLocation)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            Issue.record("not a ConfigError: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The issues as `line:column: message` lines (the file name is always opsdeck.yml here).
    static func issues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        error(text, sourceLocation: sourceLocation)?.issues.map { "\($0.line):\($0.column): \($0.message)" } ?? []
    }

    /// A configuration with two environments and `service` under services (indented by the caller).
    static func withService(_ service: String) -> String {
        """
        environments:
          staging: {}
          production: { protected: true }
        services:
        \(service)
        """
    }
}
