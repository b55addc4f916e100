/// A loopback TCP port that accepts connections and never says a word: the worst kind of hung
/// server, which only a client's own deadline gets out of.
final class SilentTCPServer: Sendable {
    private let listener: LoopbackListener

    init() throws { listener = try LoopbackListener() }

    var port: Int { listener.port }
    var connectionCount: Int { listener.connectionCount }

    /// Polls until a client has connected; throws after `timeout`.
    func waitForConnection(timeout: Duration = .seconds(120)) async throws {
        try await listener.waitForConnections(1, timeout: timeout)
    }

    func stop() { listener.stop() }

    /// A loopback port nothing listens on: bound, then closed again.
    static func closedPort() throws -> Int { try LoopbackListener.closedPort() }
}
