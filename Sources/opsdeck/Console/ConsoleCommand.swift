import ArgumentParser
import Foundation
import OpsCore
import OpsCurses
import OpsUI

/// `opsdeck` with no subcommand: the console an on-call engineer keeps open.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The console: services, release history and live logs of every environment (the default).",
        discussion: """
        Reads opsdeck.yml (--config FILE, ./opsdeck.yml, or $XDG_CONFIG_HOME/opsdeck/config.yml). \
        Without one, it shows every container of the local Docker engine (DOCKER_HOST or the \
        default socket), compose projects grouped as services. Press ? for the keys.
        """
    )

    @Option(help: "The configuration file (default: ./opsdeck.yml, then $XDG_CONFIG_HOME/opsdeck/config.yml).")
    var config: String?

    @Option(help: "Theme: default, light, high-contrast, mono, or NAME.yml in $XDG_CONFIG_HOME/opsdeck/themes.")
    var theme = "default"

    @Option(help: "Seconds between full refreshes, besides the ones Docker events trigger.")
    var poll = 15

    @Option(help: "Seconds between two readings of each Prometheus metric.")
    var metricInterval = 15

    @Option(help: "Log lines each replica's stream starts with.")
    var tail = 200

    @Option(help: "Seconds each read of a platform (docker ps, docker inspect) may take before its pane says it failed.")
    var timeout = 10

    @Flag(name: .customLong("read-only"), help: "No deploy, promote or rollback from this console.")
    var readOnly = false

    @Option(name: .customLong("ready-timeout"),
            help: ArgumentHelp("How long a deploy's new version has to run and turn healthy (e.g. 90s, 5m).", valueName: "duration"))
    var readyTimeout = "120s"

    func validate() throws {
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
        guard poll >= 1 else { throw ValidationError("--poll must be at least 1 second") }
        guard metricInterval >= 1 else { throw ValidationError("--metric-interval must be at least 1 second") }
        guard tail >= 0 else { throw ValidationError("--tail cannot be negative") }
        guard ConfigDuration.parse(readyTimeout) != nil else {
            throw ValidationError("--ready-timeout wants a duration such as 90s or 5m, not \(readyTimeout)")
        }
    }

    func run() throws {
        let runner = LiveCommandRunner()
        let setup = try Self.setup(explicitConfig: config, runner: runner, timeout: .seconds(timeout))
        let (terminal, loaded) = try ScreenSetup.open(theme: theme)
        let waker = terminal.waker
        let inbox = ActionInbox { waker.post() }
        let providers = ProviderSet(setup.providers)
        var changes = ChangePolicy.none
        var actions: ConsoleActions?
        if let (config, path) = setup.config {
            do {
                let actionSetup = try ActionSetup.make(config: config, configPath: path,
                                                       readyTimeout: ConfigDuration.parse(readyTimeout) ?? .seconds(120), runner: runner)
                actions = ConsoleActions(setup: actionSetup, providers: providers, inbox: inbox, now: { LogsQueryOptions.now() })
                changes = ConsoleActions.policy(config: config, readOnlyFlag: readOnly)
            } catch {
                changes = ChangePolicy(refusal: error.message ?? "no deploy, promote or rollback")
            }
        }
        let effects = ConsoleEffects(providers: providers, runner: runner, inbox: inbox,
                                     metrics: setup.metrics, metricInterval: .seconds(metricInterval),
                                     now: { LogsQueryOptions.now() })
        effects.logTail = tail
        effects.pollInterval = .seconds(poll)
        effects.journalPath = setup.journalPath
        var state = DashboardState(environmentOrder: setup.environmentOrder, discovery: setup.discovery,
                                   probes: setup.probes, metrics: setup.metrics, changes: changes,
                                   endpoints: providers.endpoints)
        if let warning = loaded.warning { _ = DashboardReducer.reduce(&state, .notice(warning, isError: true)) }
        _ = DashboardReducer.reduce(&state, .tick(LogsQueryOptions.now()))
        effects.start(probes: setup.probes)
        let alerting = AlertDelivery(journalPath: setup.journalPath, hook: AlertHook(config: setup.alerts, runner: runner)) {
            alert, outcome in
            guard !outcome.succeeded else { return }
            inbox.post(.notice("on_alert for \(alert.path) \(alert.transition.rawValue): \(outcome)", isError: true))
        }
        ConsoleSession(terminal: terminal, theme: loaded.theme, themeFolders: ViewCommand.themeFolders(), state: state,
                       effects: effects, inbox: inbox, alerting: alerting, ringsBell: setup.alerts.bell,
                       actions: actions).run()
        effects.stop()
        terminal.restore()
    }

    /// The configuration found (an error in it stops here, before the screen is taken, so the
    /// message stays readable), or discovery when there is none.
    static func setup(explicitConfig: String?, runner: any CommandRunner, timeout: Duration) throws -> ConsoleSetup {
        let locator = ConfigLocator.current()
        if let explicitConfig, !FileManager.default.fileExists(atPath: explicitConfig) {
            throw ValidationError("no configuration at \(explicitConfig)")
        }
        guard let location = locator.locate(explicit: explicitConfig) else { return .discovery(runner: runner, timeout: timeout) }
        do {
            return .configured(try ConfigLoader.load(path: location.path), at: location, runner: runner, timeout: timeout)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
