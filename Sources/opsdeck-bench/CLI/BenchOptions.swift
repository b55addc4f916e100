/// What the user asked for, parsed from the command line by `BenchArguments`.
enum BenchCommand {
    case help
    case generate(GenerateOptions)
    case logs(LogsOptions)
    case render(RenderOptions)
    case keys(KeyLatencyOptions)
    case console(ConsoleOptions)
    case probes(ProbesOptions)
    case kube(KubeOptions)
    case kubeConsole(KubeConsoleOptions)
    /// Hidden: a child of `logs` that runs one in-process measurement, so that its peak RSS is
    /// its own and not the generator's or another measurement's.
    case inProcess(name: String, file: String)
}

struct GenerateOptions {
    var lines = 1_000_000
    var seed: UInt64 = 42
    var out = ""
    /// One `shape<TAB>kind` line per generated line (see `LineKind`).
    var manifest: String?
}

struct LogsOptions {
    var lines = 1_000_000
    var seed: UInt64 = 42
    /// Measure this file instead of generating one.
    var file: String?
    var keep = false
    var json = false
    var skipJQ = false
    var skipLnav = false
    var skipOpsdeck = false
    /// Hidden `--command`: measure these argv templates (`{file}` replaced by the log file, or
    /// the file appended) instead of `opsdeck logs`. Useful to benchmark any command on the file.
    var commands: [[String]] = []
    var runs = 3
}

struct KubeOptions {
    var deployments = 1_000
    var pods = 10_000
    var runs = 5
}

struct RenderOptions {
    var records = 1_000_000
    var frames = 2000
    var columns = 200
    var rows = 60
    /// The terminal curses writes for when counting bytes a frame.
    var terminalType = "xterm-256color"
}

enum HelpText {
    static let usage = """
    opsdeck-bench: measure opsdeck (log pipeline, frames, keys, console, probes, kube, kube-console) beside the reference tools.

    USAGE
      opsdeck-bench logs [--lines N] [--seed S] [--file PATH] [--keep] [--json]
                         [--runs R] [--skip-jq] [--skip-lnav] [--skip-opsdeck]
      opsdeck-bench render [--records N] [--frames F] [--columns C] [--rows R]
                         [--term TERM]
      opsdeck-bench keys [--records N] [--rate LINES_PER_S] [--presses P]
      opsdeck-bench console [--containers N] [--runs R] [--image IMAGE]
      opsdeck-bench probes [--probes N] [--interval S] [--seconds T] [--skip-curl]
      opsdeck-bench kube [--deployments N] [--pods P] [--runs R]
      opsdeck-bench kube-console [--deployments N] [--pods P] [--runs R] [--presses K]
                         [--server PATH] [--url URL]
      opsdeck-bench generate --out PATH [--lines N] [--seed S] [--manifest PATH]
      opsdeck-bench --help

    logs       Generates N mixed log lines (unless --file), then measures
               `opsdeck logs --level error --output json FILE > /dev/null` (median of R runs),
               jq and lnav on the same file, and prints a table (or JSON with --json).
               The release `opsdeck` binary must sit next to opsdeck-bench:
               swift build -c release --product opsdeck
    render     Fills the log view with N records (default 1M), then times render + diff of a
               C x R frame (default 200x60) after one new record arrives while following, after
               a one-line scroll, and when nothing changed; reports the cells and runs each
               frame hands to the terminal.
    keys       Runs the release `opsdeck view` in tmux (200x60) on a generated file of N lines
               (default 1M, --capacity N) while appending LINES_PER_S lines a second (default
               20000); sends `k` and `G` P times each (default 10) and reports how long each took
               to show PAUSED / FOLLOW on the screen, and the cores and memory the view used.
    console    On the engine DOCKER_HOST names, starts N idle containers of IMAGE (default 50,
               opsdeck-test/busybox:1; removed at the end) and reports `docker ps` and `docker
               inspect` themselves, opsdeck's listing, parse and render of them, and the release
               console in tmux from its start to the frame that lists them all (medians of R).
    probes     Runs the release `opsdeck probe --watch` with N probes (default 200) every S
               seconds (default 5) for T seconds (default 30), half plain HTTP, half HTTPS, against
               the nginx of scripts/tls-endpoints (the OPSDECK_TEST_TLS_* one when set, else one
               started for the run), interrupts it, and reports its CPU time (user + system, from
               wait4) as a share of one core, and the same after the first interval (steady
               state); then curl doing the same requests, one process a round (--skip-curl: not).
    kube       Generates what `kubectl get deployments -o json` and `get pods -o json` print for
               a namespace of N deployments (default 1000) and P pods (default 10000), then times
               opsdeck's parse of each and the Kubernetes provider's whole listing into the
               services table's snapshots (kubectl not run; medians of R runs, default 5).
    kube-console
               Seeds scripts/fake-kube-apiserver (--server PATH, else found under the current
               folder) with N deployments and P pods, writes an opsdeck.yml naming each
               deployment, and runs the release console in tmux (200x60) through the real
               kubectl: the time to the first frame and to the frame with every row, `?` to the
               help while the listing loads and once it is in (K presses each, default 10), and
               `kubectl get deployments / pods -o json` on the same server (medians of R, default 3).
               Seeding that big takes the script minutes: --url URL uses a server already running
               with the same seed (svc-0 … svc-N-1 in namespace shop, P/N pods each).
    generate   Writes the mixed log file only (and with --manifest, one `shape<TAB>kind` line per
               log line; kinds: json, json-malformed, prefixed-json, prefixed-json-malformed, text).

    OPTIONS
      --lines N       lines to generate (default 1000000; 200k and 1M are accepted)
      --seed S        generator seed (default 42): same N and S give the same bytes
      --file PATH     measure an existing file instead of generating one
      --keep          keep the generated file (its path is printed)
      --json          print the results as JSON instead of a table
      --runs R        runs of opsdeck per figure, the median is reported (default 3)
      --skip-jq       do not measure jq (about 11 s per million lines)
      --skip-lnav     do not measure lnav
      --skip-opsdeck  do not measure opsdeck (for example before it is built)
      -h, --help      this text
    """
}
