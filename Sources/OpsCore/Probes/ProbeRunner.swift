import Foundation

/// Runs one probe once. The scheduler works with any runner; tests give it scripted ones.
public protocol ProbeRunning: Sendable {
    /// Never throws: every failure is a failing result that says why. Honours the probe's timeout.
    func run(_ probe: Probe) async -> ProbeResult
}

/// Runs probes for real: HTTP through `HTTPClient`, tcp with a connection, commands through a
/// `CommandRunner` (exit status 0 is healthy).
public struct LiveProbeRunner: ProbeRunning {
    public let client: HTTPClient
    public let commands: any CommandRunner
    /// The wall clock that stamps results and judges certificate days.
    public let now: @Sendable () -> Date

    public init(client: HTTPClient, commands: any CommandRunner = LiveCommandRunner(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.commands = commands
        self.now = now
    }

    public func run(_ probe: Probe) async -> ProbeResult {
        let clock = ContinuousClock()
        let start = clock.now
        let config = probe.config
        do {
            switch config.check {
            case .http(let http):
                let response = try await client.send(Self.request(http), timeout: config.timeout, insecure: http.insecure)
                let at = now()
                let verdict = ProbeConditions.judge(response, expect: config.expect, now: at)
                return ProbeResult(state: verdict.state, latency: response.latency,
                                   failedCondition: verdict.failedCondition, status: response.status,
                                   tls: response.tls, at: at)
            case .tcp(let host, let port):
                let latency = try await TCPConnectCheck.connect(host: host, port: port, timeout: config.timeout)
                return judged(latency: latency, expect: config.expect)
            case .command(let argv):
                return try await runCommand(argv, config: config, started: start, clock: clock)
            }
        } catch is CancellationError {
            return ProbeResult(state: .unknown, latency: clock.now - start, failedCondition: "cancelled", at: now())
        } catch let error as HTTPClientError {
            return ProbeResult(state: .failing, latency: clock.now - start, failedCondition: error.description,
                               tls: error.tls, at: now())
        } catch {
            return ProbeResult(state: .failing, latency: clock.now - start, failedCondition: "\(error)", at: now())
        }
    }

    static func request(_ http: ProbeConfig.HTTPCheck) -> HTTPRequest {
        // The configuration keeps headers in a dictionary: sorted, so that every run sends the same bytes.
        let headers = http.headers.sorted { $0.key < $1.key }.map { HTTPHeader($0.key, $0.value) }
        return HTTPRequest(method: http.method, url: http.url, headers: headers, body: http.body.map { Array($0.utf8) })
    }

    private func runCommand(_ argv: [String], config: ProbeConfig, started: ContinuousClock.Instant,
                            clock: ContinuousClock) async throws -> ProbeResult {
        guard let executable = argv.first else {
            return ProbeResult(state: .failing, failedCondition: "the command is empty", at: now())
        }
        let command = Command(executable, Array(argv.dropFirst()), timeout: config.timeout)
        let result: CommandResult
        do {
            result = try await commands.run(command)
        } catch CommandError.timedOut(_, let after) {
            return ProbeResult(state: .failing, latency: clock.now - started,
                               failedCondition: "timed out after \(CommandError.seconds(after))", at: now())
        }
        let latency = clock.now - started
        guard result.succeeded else {
            return ProbeResult(state: .failing, latency: latency, failedCondition: CommandError.failureText(command, result),
                               at: now())
        }
        return judged(latency: latency, expect: config.expect)
    }

    private func judged(latency: Duration, expect: ProbeExpectation) -> ProbeResult {
        let verdict = ProbeConditions.judge(latency: latency, expect: expect)
        return ProbeResult(state: verdict.state, latency: latency, failedCondition: verdict.failedCondition, at: now())
    }
}
