import Foundation

/// Finds and reads themes. Loading never throws and never fails: whatever goes wrong, the UI
/// gets a complete theme and, when it is not the one asked for, a one-line warning to show.
public enum ThemeLoader {
    /// The themes built into the binary (`Themes/*.yml`).
    public static let stockThemeNames = StockThemes.names

    /// Theme files are a few kilobytes; reading stops past this so that a wrong path (a device,
    /// a huge log) cannot stall start-up.
    static let maximumFileBytes = 1 << 20

    /// The theme called `name`: the first `NAME.yml` found in `searchPaths` (in order, e.g.
    /// `$XDG_CONFIG_HOME/opsdeck/themes`, then the Themes folder beside the package), else the
    /// built-in stock theme of that name. A file found but unreadable or invalid, or no theme of
    /// that name at all, gives `Theme.stock` and a warning saying why (with file:line:column).
    public static func load(named name: String, searchPaths: [String]) -> (theme: Theme, warning: String?) {
        guard isPlainName(name) else {
            return fallback("theme name '\(ThemeYAMLReader.quoted(name))' is not a plain file name")
        }
        for directory in searchPaths where !directory.isEmpty {
            let path = directory.hasSuffix("/") ? directory + name + ".yml" : directory + "/" + name + ".yml"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            // The first file found decides: a broken user file must be reported, not skipped
            // silently in favour of a stock theme of the same name.
            do {
                return (try parse(yaml: try readText(path), file: path), nil)
            } catch let error as ThemeError {
                return fallback("theme '\(name)': \(error)")
            } catch {
                return fallback("theme '\(name)': \(path): \(error)")
            }
        }
        if let stock = stockTheme(named: name) { return (stock, nil) }
        let places = searchPaths.filter { !$0.isEmpty }.joined(separator: ", ")
        let looked = places.isEmpty ? "" : " (no \(name).yml in \(places))"
        return fallback("no theme '\(ThemeYAMLReader.quoted(name))'\(looked); stock themes: "
                        + stockThemeNames.joined(separator: ", "))
    }

    /// A theme from YAML text; `file` names it in errors. Roles the text leaves out take
    /// `Theme.stock`'s style. Throws `ThemeError` with the line and column of the problem.
    public static func parse(yaml: String, file: String) throws -> Theme {
        try ThemeDocument.parse(yaml: yaml, file: file).theme(fallingBackTo: .stock)
    }

    /// One of the embedded stock themes by name, nil if there is none by that name.
    static func stockTheme(named name: String) -> Theme? {
        if name == "default" { return .stock }
        guard let yaml = StockThemes.yaml(named: name) else { return nil }
        return try? parse(yaml: yaml, file: "\(name).yml (built in)")
    }

    private static func fallback(_ reason: String) -> (theme: Theme, warning: String?) {
        (Theme.stock, reason + "; using the \(Theme.stock.name) theme")
    }

    /// A name that stays inside the search folders: no separators, not hidden, no control bytes.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains(where: ThemeYAMLReader.isControl)
    }

    private static func readText(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ThemeError(file: path, line: 1, column: 1, message: "cannot be opened for reading")
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        guard data.count <= maximumFileBytes else {
            throw ThemeError(file: path, line: 1, column: 1,
                             message: "is larger than \(maximumFileBytes) bytes; a theme file is a few kilobytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: 1, column: 1, message: "is not UTF-8 text")
        }
        return text
    }
}
