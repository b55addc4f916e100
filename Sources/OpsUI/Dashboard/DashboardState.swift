import OpsCore

/// Everything the dashboard shows, as one value: the reducer changes it, the renderer reads it.
public struct DashboardState: Sendable {
    /// A prompt open on the status line.
    public enum Prompt: Hashable, Sendable {
        /// `/`: the filter of a table pane (Services, History or Probes).
        case filter(DashboardPane)
        /// `:`: the command line.
        case command
    }

    // MARK: Configuration

    /// The environments in the order the configuration names them (staging before
    /// production); rows of one service follow it, unnamed environments after, by name.
    public var environmentOrder: [String]
    /// No configuration was found: the services are whatever the local engine runs, and a
    /// banner says so.
    public var discovery: Bool

    // MARK: Data

    /// The dashboard's clock, from the last `.tick`; nil before the first.
    public internal(set) var now: LogTimestamp?
    public internal(set) var services: PaneSource<[ServiceSnapshot]> = .idle
    /// Each endpoint's part of `services`, when the runtime lists them one by one.
    public internal(set) var listings: ServiceListings
    /// Release histories by service and environment, kept while others are looked at.
    public internal(set) var releases: [ServiceKey: PaneSource<[Release]>] = [:]
    /// opsdeck's own actions from the journal by service and environment, newest first, at most
    /// `HistoryJournal.keptActions` each.
    public internal(set) var journal: [ServiceKey: [JournalAction]] = [:]
    /// The Logs pane: a whole log view, so its keys, filter, search and detail work there.
    public internal(set) var logs: LogViewState
    public internal(set) var logStream = LogStreamStatus.idle
    /// Counts the times the Logs pane was emptied for another service: the renderer's memo of
    /// formatted lines is only good for one generation.
    public internal(set) var logGeneration = 0
    public let logCapacity: Int
    /// The configured probes and their damped states; empty when nothing is probed (then the
    /// Probes pane is not shown).
    public internal(set) var probes: ProbeBoard
    /// The configured metrics and their damped levels; empty when no environment has Prometheus.
    public internal(set) var metrics: MetricBoard

    // MARK: Where the user is

    /// The selected row of the Services table, by key so that it survives reloads and sorting.
    public internal(set) var selectedKey: ServiceKey?
    /// The selected row of the History pane, by `HistoryRow.id` (a release's own id for a release).
    public internal(set) var selectedReleaseID: String?
    /// The selected row of the Probes pane.
    public internal(set) var selectedProbeID: ProbeID?
    public internal(set) var focus = DashboardPane.services
    /// The focused pane fills the screen.
    public internal(set) var zoomed = false
    /// `:env NAME`, `:svc NAME`: only that environment, only that service.
    public internal(set) var environmentScope: String?
    public internal(set) var serviceScope: String?
    /// `/` in Services and History: a case-insensitive substring.
    public internal(set) var servicesFilter = ""
    public internal(set) var historyFilter = ""
    public internal(set) var probesFilter = ""
    /// Rows the Details pane is scrolled down.
    public internal(set) var detailsScroll = 0
    public internal(set) var viewport = DashboardViewport()

    // MARK: Prompt, messages, help

    public internal(set) var prompt: Prompt?
    public internal(set) var promptInput = TextInput()
    /// A line for the status bar; cleared by the next key.
    public internal(set) var message: String?
    public internal(set) var messageIsError = false
    public internal(set) var showingHelp = false
    /// Alerts raised or recovered and not yet acknowledged (`a`), oldest first: the newest is the
    /// status bar's banner.
    public internal(set) var pendingAlerts: [Alert] = []
    /// Alerts kept for the banner; older ones are dropped (the journal has them all).
    static let pendingAlertLimit = 100
    public internal(set) var helpScroll = 0

    // MARK: Deploy, promote, roll back

    /// Whether, and where, the console may change what runs.
    public internal(set) var changes: ChangePolicy
    /// The dialog of `d`, `p`, `R`.
    public internal(set) var dialog: ActionDialog?
    /// The action running, or the last one run (its box closed once hidden after its end).
    public internal(set) var running: RunningAction?
    /// The service watched after the last action.
    public internal(set) var watch: WatchWindow?
    /// `q` while an action ran: quit as soon as it has ended.
    public internal(set) var quitWhenActionEnds = false

    /// `logCapacity`: records the Logs pane keeps (older ones are dropped and counted).
    /// `probes`: what the runtime probes (its results arrive as `.probeResult`); `metrics`: what it
    /// reads from Prometheus (`.metricReading`).
    /// `endpoints`: where the runtime lists services from, each answering with `.endpointListed`
    /// or `.endpointFailed` (empty: the runtime answers for all of them with `.servicesLoaded`).
    public init(environmentOrder: [String] = [], discovery: Bool = false, logCapacity: Int = 20_000,
                probes: [Probe] = [], metrics: [PlannedMetric] = [], changes: ChangePolicy = .none,
                endpoints: [ListingEndpoint] = []) {
        self.changes = changes
        listings = ServiceListings(endpoints)
        self.environmentOrder = environmentOrder
        self.discovery = discovery
        self.logCapacity = max(1, logCapacity)
        logs = LogViewState(capacity: max(1, logCapacity))
        self.probes = ProbeBoard(probes)
        self.metrics = MetricBoard(metrics)
        selectedProbeID = self.probes.order.first
    }
}
