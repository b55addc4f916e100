import OpsCore

/// The History table: the releases of one service in one environment, the live one marked, and
/// opsdeck's own actions on it from the journal, marked as opsdeck's (their own mark, and their
/// kind, `deploy`, `rollback` or `promote`, where a release reads `release`). An action's VERSION
/// is the one it went to, FROM the one it left. The KIND, FROM and TOOK columns only exist when
/// there are actions: a service opsdeck never touched looks as before. The NOTE column (a
/// Kubernetes revision's change-cause, a local switch's cause) exists when a release has one and
/// there is room: it goes before every other column but the digest on a narrow pane.
struct HistoryTable {
    enum Column: CaseIterable, Hashable {
        case marker, kind, version, from, digest, when, author, status, took, note
    }

    static let priority: [Column] = [.marker, .version, .status, .when, .kind, .from, .author, .took, .note, .digest]
    /// Columns that only say something about actions.
    static let actionColumns: Set<Column> = [.kind, .from, .took]

    let columns: [Column]
    let tableColumns: [TableColumn]
    let liveMark: String
    let actionMark: String

    /// `showsNotes`: some release has a note (without one the column would only take room).
    init(width: Int, liveMark: String, actionMark: String, showsActions: Bool, showsNotes: Bool = false) {
        self.liveMark = liveMark
        self.actionMark = actionMark
        let shown = { (column: Column) in
            (showsActions || !Self.actionColumns.contains(column)) && (showsNotes || column != .note)
        }
        (columns, tableColumns) = ColumnPriority.choose(Column.allCases.filter(shown), priority: Self.priority.filter(shown),
                                                        width: width, spec: Self.spec)
    }

    static func spec(_ column: Column) -> TableColumn {
        switch column {
        case .marker: TableColumn("", width: .fixed(1))
        case .version: TableColumn("VERSION", width: .flexible(minimum: 8, weight: 2))
        case .kind: TableColumn("KIND", width: .fixed(8))
        case .from: TableColumn("FROM", width: .flexible(minimum: 6, weight: 1))
        // The hex of the digest without its algorithm: twelve digits tell images apart.
        case .digest: TableColumn("DIGEST", width: .fixed(12))
        case .when: TableColumn("WHEN", width: .fixed(8), alignment: .right)
        case .author: TableColumn("BY", width: .flexible(minimum: 6, weight: 1))
        case .status: TableColumn("STATUS", width: .fixed(11))
        case .took: TableColumn("TOOK", width: .fixed(6), alignment: .right)
        // Free text: it takes what the other columns leave, and never less than a few words.
        case .note: TableColumn("NOTE", width: .flexible(minimum: 12, weight: 3))
        }
    }

    func row(_ row: HistoryRow, now: LogTimestamp?) -> TableRow {
        switch row {
        case .release(let release): TableRow(cells: columns.map { cell($0, release, now: now) })
        case .action(let action): TableRow(cells: columns.map { cell($0, action, now: now) })
        }
    }

    func cell(_ column: Column, _ release: Release, now: LogTimestamp?) -> StyledSpan {
        switch column {
        case .marker:
            return release.status == .live ? StyledSpan(liveMark, .statusRunning) : StyledSpan(" ", .text)
        case .version:
            return StyledSpan(DashboardText.clean(release.version), release.status == .live ? .statusRunning : .text)
        case .kind:
            return StyledSpan("release", .dim)
        case .from:
            return StyledSpan("", .text)
        case .digest:
            return digestCell(release.image?.digest)
        case .when:
            return StyledSpan(release.createdAt.flatMap { DashboardText.ago($0, now: now) } ?? "-", .dim)
        case .author:
            return StyledSpan(release.author.map(DashboardText.clean) ?? "-", .text)
        case .status:
            return StyledSpan(release.status.word, StatusRoles.role(release.status))
        case .took:
            return StyledSpan("", .text)
        case .note:
            return StyledSpan(release.note.map(DashboardText.clean) ?? "", .dim)
        }
    }

    func cell(_ column: Column, _ action: JournalAction, now: LogTimestamp?) -> StyledSpan {
        switch column {
        case .marker: StyledSpan(actionMark, .logMarker)
        case .version: StyledSpan(JournalActionText.version(action.to), .text)
        case .from: StyledSpan(JournalActionText.version(action.from), .dim)
        case .kind: StyledSpan(action.kind.rawValue, .logMarker)
        case .digest: digestCell(action.to.digest)
        case .when: StyledSpan(DashboardText.ago(action.startedAt, now: now) ?? "-", .dim)
        case .author: StyledSpan(JournalActionText.actor(action), .text)
        case .status: StyledSpan(JournalActionText.outcome(action.outcome), JournalActionText.role(action.outcome))
        case .took: StyledSpan(action.durationMilliseconds.map { ElapsedText.of(milliseconds: $0) } ?? "-", .dim)
        // The journal's rows already say what, from what and how it ended.
        case .note: StyledSpan("", .text)
        }
    }

    private func digestCell(_ digest: String?) -> StyledSpan {
        let short = digest.map { ImageReference.shortDigest($0) }
        let hex = short.map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0 }
        return StyledSpan(hex.map(DashboardText.clean) ?? "-", .dim)
    }
}
