/// Reads a YAML document as an `opsdeck.yml`: every key checked, every value typed, every issue
/// logged with its position, so one run reports everything wrong with the file.
struct ConfigReader {
    static let topLevelKeys = ["environments", "services", "journal_path", "read_only", "alerts", "local"]

    let log: IssueLog
    var values: ValueReader { ValueReader(log: log) }

    /// The configuration, or nil when anything was logged.
    func read(_ document: YAMLDocument) -> OpsdeckConfig? {
        for problem in document.problems {
            log.report(problem.message(), at: problem.position)
        }
        // `---` alone is a document holding null: as empty as no document at all.
        guard let root = document.root, !root.isNull else {
            if document.problems.isEmpty {
                log.report("the file is empty; expected environments: and services:, e.g. environments: {staging: {}} "
                           + "and services: {api: {staging: {provider: docker, project: shop-staging, service: api}}}",
                           at: .start)
            }
            return nil
        }
        guard root.entries != nil,
              let top = KeyedMap(root, expected: "", place: "the top level", allowed: Self.topLevelKeys, log: log) else {
            log.report("expected the file to be a map with the keys \(Self.topLevelKeys.joined(separator: ", ")), "
                       + "found \(root.describe(quote: "\""))", at: root.position)
            return nil
        }
        let environments = readEnvironments(in: top)
        let services = readServices(in: top, environments: environments)
        let journalPath = top["journal_path"].flatMap { values.text($0, for: "journal_path", what: "a file path") }
        let readOnly = top["read_only"].flatMap { values.bool($0, for: "read_only") } ?? false
        let alerts = readAlerts(in: top)
        let localState = readLocalSettings(in: top)
        guard log.isEmpty else { return nil }
        return OpsdeckConfig(environments: environments, services: services, journalPath: journalPath, readOnly: readOnly,
                             alerts: alerts).withLocalStateFolder(localState)
    }

    /// A name from the file as it appears inside messages: no control characters, not too long.
    static func shown(_ name: String) -> String { YAMLText.shortened(name) }
}
