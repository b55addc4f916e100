import Foundation

/// `opsdeck-bench kube-console`: the release console in tmux against the fake API server seeded
/// with a big namespace, through the real kubectl. It reports the time from the start to the
/// first frame and to the first frame with the services' rows, how long a key (`?`, the help)
/// takes to show while the listing is still loading and once it is in, and, as the reference on
/// the same server, `kubectl get deployments -o json` and `get pods -o json` themselves.
enum KubeConsoleBenchmark {
    static func run(_ options: KubeConsoleOptions) async throws {
        guard let opsdeck = ToolLocator.sibling(named: "opsdeck") else {
            throw BenchError("no opsdeck next to opsdeck-bench: swift build -c release --product opsdeck")
        }
        guard let kubectl = ToolLocator.findOnPath("kubectl") else { throw BenchError("kubectl is not installed") }
        guard let python = ToolLocator.findOnPath("python3") else { throw BenchError("python3 is not installed") }
        guard ToolLocator.findOnPath("tmux") != nil else { throw BenchError("tmux is not installed") }
        guard let script = FakeKubeServerProcess.locate(options.server) else {
            throw BenchError("no scripts/fake-kube-apiserver here: run from the checkout or pass --server PATH")
        }
        let folder = try TemporaryPaths.makeDirectory(prefix: "opsdeck-bench-kube-console")
        defer { _ = try? FileManager.default.removeItem(atPath: folder) }
        let fixture = KubeConsoleFixture(folder: folder, deployments: options.deployments, pods: options.pods)
        printToStandardError("seeding the fake API server with \(options.deployments) deployments and \(options.pods) pods…")
        try fixture.writeSeedAndConfig()
        let server = options.url != nil ? nil
            : try FakeKubeServerProcess.start(python: python, script: script, seed: fixture.seedPath, folder: folder)
        defer { server?.stop() }
        try fixture.writeKubeconfig(server: options.url ?? server?.url ?? "")
        let environment = ProcessInfo.processInfo.environment.merging(fixture.kubeEnvironment) { $1 }

        // The reference: kubectl itself, to its whole output (discovery cached by the first run).
        let kubectlRun = { (resource: String) throws -> Double in
            let run = try ChildProcess.run([kubectl, "--context", "bench", "--namespace", "shop", "get", resource, "-o", "json"],
                                           environment: environment)
            guard run.termination == .exited(0) else { throw BenchError("kubectl get \(resource) failed: \(run.standardErrorHead)") }
            return run.wallSeconds
        }
        _ = try kubectlRun("deployments")
        let getDeployments = try ConsoleBenchmark.median(options.runs) { try kubectlRun("deployments") }
        let getPods = try ConsoleBenchmark.median(options.runs) { try kubectlRun("pods") }

        let frame = try await KubeFrameCost.measure(deployments: options.deployments, pods: options.pods, runs: 20)

        var runs: [KubeConsoleRun] = []
        for run in 1...options.runs {
            printToStandardError("console run \(run) of \(options.runs)…")
            runs.append(try KubeConsoleRun.measure(opsdeck: opsdeck, fixture: fixture, presses: options.presses))
        }
        report(options, runs: runs, frame: frame, getDeployments: getDeployments, getPods: getPods)
    }

    static func report(_ options: KubeConsoleOptions, runs: [KubeConsoleRun], frame: KubeFrameCost, getDeployments: Double,
                       getPods: Double) {
        let median = { (values: [Double]) -> Double in values.isEmpty ? .nan : values.sorted()[values.count / 2] }
        let loading = runs.flatMap(\.keysWhileLoading), loaded = runs.flatMap(\.keysLoaded)
        print("opsdeck-bench kube-console: \(Format.grouped(options.deployments)) deployments, \(Format.grouped(options.pods)) pods"
              + " on scripts/fake-kube-apiserver, the real kubectl, the release console in tmux 200x60"
              + " (medians of \(options.runs) runs; keys: ? until the help shows)")
        print(TextTable.render([
            ["measurement", "median ms", "max ms", "samples"],
            ["kubectl get deployments -o json (to its whole output)", Format.fixed(getDeployments * 1e3, 1), "", "\(options.runs)"],
            ["kubectl get pods -o json (to its whole output)", Format.fixed(getPods * 1e3, 1), "", "\(options.runs)"],
            ["opsdeck: start to the first frame", Format.fixed(median(runs.map(\.firstFrame)) * 1e3, 1),
             Format.fixed((runs.map(\.firstFrame).max() ?? 0) * 1e3, 1), "\(runs.count)"],
            ["opsdeck: start to the frame with every service's row", Format.fixed(median(runs.map(\.rowsFrame)) * 1e3, 1),
             Format.fixed((runs.map(\.rowsFrame).max() ?? 0) * 1e3, 1), "\(runs.count)"],
            ["opsdeck: start to the frame with their pods in", Format.fixed(median(runs.map(\.podsFrame)) * 1e3, 1),
             Format.fixed((runs.map(\.podsFrame).max() ?? 0) * 1e3, 1), "\(runs.count)"],
            ["opsdeck: key to screen while the listing loads (rows, then pods)", Format.fixed(median(loading) * 1e3, 1),
             Format.fixed((loading.max() ?? 0) * 1e3, 1), "\(loading.count)"],
            ["opsdeck: key to screen with the \(Format.grouped(options.deployments)) rows in", Format.fixed(median(loaded) * 1e3, 1),
             Format.fixed((loaded.max() ?? 0) * 1e3, 1), "\(loaded.count)"],
            ["opsdeck in process: the reducer takes the \(frame.services) services", Format.fixed(frame.reduce * 1e3, 2), "", "20"],
            ["opsdeck in process: one 200x60 frame of them", Format.fixed(frame.render * 1e3, 2), "", "20"],
        ]))
        print("k9s: not measured (not installable here: no Debian package, and Go modules cannot be fetched)")
    }
}

struct KubeConsoleOptions {
    var deployments = 1_000
    var pods = 10_000
    var runs = 3
    /// Key presses per phase of each run.
    var presses = 10
    var server: String?
    /// A server already running with this seed: not started.
    var url: String?
}

/// One start of the console: its first frames and its keys.
struct KubeConsoleRun {
    var firstFrame: Double
    /// Every service's row shown (from the quick listing: the workloads alone).
    var rowsFrame: Double
    /// The full listing in: the rows with their pods, the Services pane no longer refreshing.
    var podsFrame: Double
    var keysWhileLoading: [Double]
    var keysLoaded: [Double]

    static let helpShown = "Esc closes"
    static let loadingText = "loading services"
    /// The Services title while a listing round is under way with rows already shown (the quick
    /// listing's rows in, the pods still to come).
    static let refreshingText = "refreshing"

    static func measure(opsdeck: String, fixture: KubeConsoleFixture, presses: Int) throws -> KubeConsoleRun {
        let tmux = TmuxScreen(socket: "opsdeck-bench-kube-\(getpid())", columns: 200, rows: 60)
        defer { tmux.stop() }
        let started = MonotonicClock.now()
        try tmux.start([opsdeck, "--config", fixture.configPath, "--poll", "3600", "--timeout", "60"], directory: fixture.folder,
                       environment: fixture.kubeEnvironment.merging(["ESCDELAY": "10"]) { $1 })
        var firstFrame: Double?
        var rowsFrame: Double?
        var keysWhileLoading: [Double] = []
        // Until the pods are in: the first frame, the rows, then `?` pressed again and again while
        // the listing still loads (no rows yet) or refreshes (the rows in, the pods not yet).
        while MonotonicClock.seconds(since: started) < 120 {
            let screen = tmux.screen()
            if firstFrame == nil, screen.contains("? help") || screen.contains(Self.loadingText) {
                firstFrame = MonotonicClock.seconds(since: started)
            }
            let listed = (ConsoleStartTimer.servicesCount(screen) ?? 0) >= fixture.deployments
            if listed, rowsFrame == nil { rowsFrame = MonotonicClock.seconds(since: started) }
            let loading = { (screen: String) in
                listed ? screen.contains(Self.refreshingText) : screen.contains(Self.loadingText)
            }
            if listed, !loading(screen) {
                let podsFrame = MonotonicClock.seconds(since: started)
                let loaded = try (0..<presses).map { _ in try helpLatency(tmux).seconds }
                return KubeConsoleRun(firstFrame: firstFrame ?? podsFrame, rowsFrame: rowsFrame ?? podsFrame, podsFrame: podsFrame,
                                      keysWhileLoading: keysWhileLoading, keysLoaded: loaded)
            }
            if firstFrame != nil, loading(screen), keysWhileLoading.count < presses {
                let press = try helpLatency(tmux)
                // The help covers the Services pane: a press counts when the listing was still
                // loading once the help had closed again, so it was loading while the help showed.
                if loading(press.after) { keysWhileLoading.append(press.seconds) }
            }
        }
        throw BenchError("the console did not list \(fixture.deployments) services within 120 s:\n\(tmux.screen())")
    }

    /// `?` until the help shows, then Escape until it is gone: the time the help took to show,
    /// and the screen once it had gone.
    static func helpLatency(_ tmux: TmuxScreen) throws -> (seconds: Double, after: String) {
        let started = MonotonicClock.now()
        try tmux.send("?")
        var shown = ""
        while MonotonicClock.seconds(since: started) < 10 {
            shown = tmux.screen()
            if shown.contains(helpShown) { break }
        }
        let seconds = MonotonicClock.seconds(since: started)
        guard shown.contains(helpShown) else { throw BenchError("? did not show the help within 10 s:\n\(shown)") }
        try tmux.send("Escape")
        var after = shown
        while MonotonicClock.seconds(since: started) < 20, after.contains(helpShown) { after = tmux.screen() }
        return (seconds, after)
    }
}
