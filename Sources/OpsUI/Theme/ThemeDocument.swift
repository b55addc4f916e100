/// A theme file as written: its name and the styles of the roles it names (not necessarily
/// all of them; `theme(fallingBackTo:)` fills in the rest).
struct ThemeDocument: Equatable {
    var name: String
    var styles: [Role: RoleStyle]

    /// Reads a theme file's text. `file` names it in errors (and gives the name when the file
    /// has no `name:`). Throws `ThemeError`.
    static func parse(yaml: String, file: String) throws -> ThemeDocument {
        try ThemeYAMLReader(file: file).document(from: yaml)
    }

    /// The complete theme: this file's styles, and `base`'s for the roles it leaves out.
    func theme(fallingBackTo base: Theme) -> Theme {
        Theme(name: name) { styles[$0] ?? base.style(for: $0) }
    }

    /// `themes/ocean.yml` -> `ocean`: the name a file without `name:` goes by.
    static func defaultName(forFile file: String) -> String {
        let base = file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
        for suffix in [".yml", ".yaml"] where base.hasSuffix(suffix) && base.count > suffix.count {
            return String(base.dropLast(suffix.count))
        }
        return base
    }
}
