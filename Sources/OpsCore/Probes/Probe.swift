/// A probe ready to run: its configuration with every URL absolute (resolved against the base URL of
/// its environment).
public struct Probe: Sendable, Equatable, Identifiable {
    public var id: ProbeID
    public var config: ProbeConfig

    public init(id: ProbeID, config: ProbeConfig) {
        self.id = id
        self.config = config
    }

    /// What it checks, in a few words: the URL, `tcp db:5432`, `command pg_isready -h db`.
    public var target: String {
        switch config.check {
        case .http(let http): http.method == "GET" ? http.url : "\(http.method) \(http.url)"
        case .tcp(let host, let port): "tcp \(host.contains(":") ? "[\(host)]" : host):\(port)"
        case .command(let argv): "command " + argv.map(ShellQuoting.quote).joined(separator: " ")
        }
    }
}
