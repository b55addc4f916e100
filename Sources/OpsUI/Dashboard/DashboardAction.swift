import OpsCore

/// What happens to the dashboard: keys, data arriving from providers, the clock, the screen.
/// Every time comes in an action (`at:`, `.tick`): the reducer never reads a clock.
public enum DashboardAction: Sendable {
    case key(Key)
    /// The clock moved; ages and freshness are counted back from here.
    case tick(LogTimestamp)
    /// Time to reload (a timer, or the start): the same as `r`.
    case refresh
    /// Every service of every environment, as the providers listed them at `at`.
    case servicesLoaded([ServiceSnapshot], at: LogTimestamp)
    /// Listing failed: the CLI's error (raw; sanitised when drawn). The last list stays, stale.
    case servicesFailed(String, at: LogTimestamp)
    /// One endpoint (`ListingEndpoint.id`) answered this round with its services: its rows are
    /// replaced, the others' stay as they were until they answer.
    /// `partial`: a first, cheaper listing (the workloads without their pods); the endpoint's full
    /// one is still to come, so the pane still says it is refreshing.
    case endpointListed(Int, [ServiceSnapshot], at: LogTimestamp, partial: Bool = false)
    /// One endpoint could not be listed: its last rows stay, its message says why.
    case endpointFailed(Int, String, at: LogTimestamp)
    /// The release history of one service in one environment, newest first.
    case releasesLoaded(ServiceKey, [Release], at: LogTimestamp)
    case releasesFailed(ServiceKey, String, at: LogTimestamp)
    /// opsdeck's own actions on one service and environment, from the journal (in any order;
    /// the dashboard keeps the newest). The runtime reads the journal with each `.loadReleases`.
    case journalLoaded(ServiceKey, [JournalAction])
    /// Log records of the service followed (the last `.followLogs`); records of any other
    /// service (a stream cancelled while its batch was on the way) are dropped.
    case logRecords([LogRecord], for: ServiceKey)
    /// The stream of that service ended on its own.
    case logsEnded(ServiceKey, at: LogTimestamp)
    /// The stream of that service failed; the records it gave stay.
    case logsFailed(ServiceKey, String, at: LogTimestamp)
    /// One run of one probe finished.
    case probeResult(ProbeReport)
    /// One instant query of one metric answered (or failed: the reading says why).
    case metricReading(MetricReading)
    /// The last hour of a metric (a range query), for the Details pane's sparkline.
    case metricHistoryLoaded(MetricID, [Double?], at: LogTimestamp)
    case metricHistoryFailed(MetricID, String, at: LogTimestamp)
    /// What the last render showed (`DashboardRenderer.Frame.viewport`), so paging moves by a
    /// screen and scrolling stays smooth.
    case viewport(DashboardViewport)
    /// A line for the status bar from the runtime (a save done, a theme that cannot be read).
    case notice(String, isError: Bool)
    /// The versions a service can be deployed at, newest first (`.loadVersions`).
    case versionsLoaded(ServiceKey, [String], at: LogTimestamp)
    case versionsFailed(ServiceKey, String, at: LogTimestamp)
    /// A request planned (`.prepareAction`): the plan waits for the operator's yes.
    case actionPrepared(ActionProposal)
    case actionPlanFailed(ActionRequest, String)
    /// Something happened in the running action (`.runAction`).
    case actionEvent(ActionRun.Event)
    /// The action (and the recovery it needed) ended.
    case actionEnded(ActionRun.Outcome, at: LogTimestamp)
    /// The action did not run at all (its lock is held, the journal cannot be written).
    case actionNotRun(String, at: LogTimestamp)
}

/// What the runtime must do after a reduce, in order.
public enum DashboardEffect: Sendable, Equatable {
    case quit
    /// Reload the list of services (every provider).
    case refresh
    /// Load the release history of this service and environment; answer with `.releasesLoaded`
    /// or `.releasesFailed`.
    case loadReleases(ServiceKey)
    /// Cancel the log stream running and follow this service's logs (merged over its replicas),
    /// answering with `.logRecords`; nil: follow nothing. The reducer has already emptied the pane.
    case followLogs(ServiceKey?)
    /// The followed service's replicas changed (a scale, a rollout): ask its log sources again,
    /// start streams for the new ones and stop those gone, leaving the others running.
    case rescanLogs(ServiceKey)
    /// Load the last hour of each metric of this service and environment; answer with
    /// `.metricHistoryLoaded` or `.metricHistoryFailed` per metric.
    case loadMetricHistory(ServiceKey)
    /// Switch to the theme of this name (`:theme light`).
    case setTheme(String)
    /// Write what the Logs pane's filter shows to this path, as the log view's `s` does.
    case save(path: String)
    /// A probe became failing or recovered (a metric crossed its critical threshold or came
    /// back): ring the bell if configured, journal it, run `on_alert`.
    case alert(Alert)
    /// Load the versions this service can be deployed at; answer with `.versionsLoaded` or
    /// `.versionsFailed`.
    case loadVersions(ServiceKey)
    /// Plan this request; answer with `.actionPrepared` or `.actionPlanFailed`.
    case prepareAction(ActionRequest)
    /// The operator said yes (or auto_rollback did): run it, answering with `.actionEvent`s then
    /// `.actionEnded` or `.actionNotRun`.
    case runAction(ActionProposal)
    /// The operator said no: let go of what planning holds (a promotion holds its source's lock).
    case dropAction(ActionProposal)
    /// `q` while an action runs: let the running step finish, start no other.
    case stopAction
}

/// Where each pane's list was scrolled to and how many rows it had in the last render.
public struct DashboardViewport: Hashable, Sendable {
    public var servicesTop = 0
    public var servicesRows = 10
    public var historyTop = 0
    public var historyRows = 10
    public var logsTop = 0
    public var logsRows = 10
    public var detailsRows = 5
    public var probesTop = 0
    public var probesRows = 10

    public init() {}
}
