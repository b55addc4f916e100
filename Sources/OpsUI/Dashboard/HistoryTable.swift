import OpsCore

/// The History table: the releases of one service in one environment, the live one marked.
struct HistoryTable {
    enum Column: CaseIterable, Hashable {
        case marker, version, digest, when, author, status
    }

    static let priority: [Column] = [.marker, .version, .status, .when, .author, .digest]

    let columns: [Column]
    let tableColumns: [TableColumn]
    let liveMark: String

    init(width: Int, liveMark: String) {
        self.liveMark = liveMark
        let specs = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, Self.spec($0)) })
        columns = ColumnPriority.fitting(Column.allCases, priority: Self.priority, width: width) {
            ColumnPriority.minimum(of: specs[$0]?.width ?? .fixed(0))
        }
        tableColumns = columns.compactMap { specs[$0] }
    }

    static func spec(_ column: Column) -> TableColumn {
        switch column {
        case .marker: TableColumn("", width: .fixed(1))
        case .version: TableColumn("VERSION", width: .flexible(minimum: 8, weight: 2))
        // The hex of the digest without its algorithm: twelve digits tell images apart.
        case .digest: TableColumn("DIGEST", width: .fixed(12))
        case .when: TableColumn("WHEN", width: .fixed(8), alignment: .right)
        case .author: TableColumn("BY", width: .flexible(minimum: 6, weight: 1))
        case .status: TableColumn("STATUS", width: .fixed(11))
        }
    }

    func row(_ release: Release, now: LogTimestamp?) -> TableRow {
        TableRow(cells: columns.map { cell($0, release, now: now) })
    }

    func cell(_ column: Column, _ release: Release, now: LogTimestamp?) -> StyledSpan {
        switch column {
        case .marker:
            return release.status == .live ? StyledSpan(liveMark, .statusRunning) : StyledSpan(" ", .text)
        case .version:
            return StyledSpan(DashboardText.clean(release.version), release.status == .live ? .statusRunning : .text)
        case .digest:
            let digest = release.image?.digest.map { ImageReference.shortDigest($0) }
            let hex = digest.map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0 }
            return StyledSpan(hex.map(DashboardText.clean) ?? "-", .dim)
        case .when:
            return StyledSpan(release.createdAt.flatMap { DashboardText.ago($0, now: now) } ?? "-", .dim)
        case .author:
            return StyledSpan(release.author.map(DashboardText.clean) ?? "-", .text)
        case .status:
            return StyledSpan(release.status.word, StatusRoles.role(release.status))
        }
    }
}
