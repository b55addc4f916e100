/// Where each pane goes on a screen of a given size. Wide screens put Services and History side
/// by side over a strip of Details beside Probes, and the logs; narrower ones stack Services,
/// History beside Details, Probes, and the logs; small ones (and a zoom) show the focused pane
/// alone. Without probes there is no Probes pane.
struct DashboardLayout: Equatable {
    /// The row of the discovery banner, when there is one.
    var bannerRow: Int?
    var statusRow: Int
    var panes: [DashboardPane: Rect]
    /// Only the focused pane is shown (zoomed, or a small screen).
    var single: Bool

    /// From this width Services and History sit side by side.
    static let wideColumns = 140
    /// Below these, one pane at a time.
    static let compactColumns = 60
    static let compactRows = 15

    /// `servicesRows`, `historyRows`, `detailsRows`, `probesRows`: rows each pane would like (its
    /// content and border), so a small fleet does not leave a half-empty table; `probesRows` 0:
    /// no Probes pane.
    static func make(size: Size, banner: Bool, focus: DashboardPane, zoomed: Bool,
                     servicesRows: Int, historyRows: Int, detailsRows: Int, probesRows: Int = 0) -> DashboardLayout {
        let statusRow = size.rows - 1
        let top = banner ? 1 : 0
        let area = Rect(column: 0, row: top, columns: size.columns, rows: max(0, statusRow - top))
        var layout = DashboardLayout(bannerRow: banner ? 0 : nil, statusRow: statusRow, panes: [:], single: false)
        if zoomed || size.columns < compactColumns || area.size.rows < compactRows {
            layout.single = true
            layout.panes[focus] = area
        } else if size.columns >= wideColumns {
            let bandRows = clamp(max(servicesRows, historyRows), 6, area.size.rows * 45 / 100)
            let (band, rest) = Split.vertical(area, first: bandRows)
            let (services, history) = Split.horizontal(band, ratio: 0.6)
            let stripRows = clamp(max(detailsRows, probesRows), 3, min(probesRows > 0 ? 12 : 10, rest.size.rows / 3))
            let (strip, logs) = Split.vertical(rest, first: stripRows)
            layout.panes = [.services: services, .history: history, .logs: logs]
            if probesRows > 0 {
                let (details, probes) = Split.horizontal(strip, ratio: 0.4)
                layout.panes[.details] = details
                layout.panes[.probes] = probes
            } else {
                layout.panes[.details] = strip
            }
        } else {
            let (services, rest) = Split.vertical(area, first: clamp(servicesRows, 5, area.size.rows * 40 / 100))
            // With probes the middle gives up two rows, so the Probes pane shows a row or two
            // and the logs keep a few even at 80x24.
            let middleRows = clamp(max(historyRows, detailsRows), 5, rest.size.rows / 2 - (probesRows > 0 ? 2 : 0))
            var (middle, logs) = Split.vertical(rest, first: middleRows)
            if probesRows > 0 {
                let (probes, below) = Split.vertical(logs, first: clamp(probesRows, 4, logs.size.rows / 2))
                layout.panes[.probes] = probes
                logs = below
            }
            let (history, details) = Split.horizontal(middle, ratio: 0.5)
            layout.panes[.services] = services
            layout.panes[.history] = history
            layout.panes[.details] = details
            layout.panes[.logs] = logs
        }
        return layout
    }

    /// `value` within `lower...upper`; `upper` wins when the two cross (a short screen).
    static func clamp(_ value: Int, _ lower: Int, _ upper: Int) -> Int {
        max(min(value, upper), min(lower, upper))
    }
}
