import Dispatch
import Foundation
import Glibc
import OpsCore

/// What `opsdeck demo-service` was asked to run.
public struct DemoServiceSettings: Sendable, Equatable {
    public var identity: DemoIdentity
    /// 0: a free port.
    public var port: Int
    public var portFile: String?
    public var logger: DemoLoggerShape
    public var behaviour: DemoBehaviourChoice
    public var timeScale: Double

    public init(identity: DemoIdentity, port: Int, portFile: String? = nil, logger: DemoLoggerShape = .pino,
                behaviour: DemoBehaviourChoice = .auto, timeScale: Double = 1) {
        self.identity = identity
        self.port = port
        self.portFile = portFile
        self.logger = logger
        self.behaviour = behaviour
        self.timeScale = timeScale
    }
}

/// Runs the demo service as a process: listens, says where, logs, and on SIGTERM or SIGINT logs a
/// shutdown line and returns (within a second: the listener closes at once and in-flight delays
/// are dropped with their connections).
public enum DemoServiceRun {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Blocks until a signal asks the service to stop.
    public static func run(_ settings: DemoServiceSettings) throws(Failure) {
        // A reader that goes away must not kill the service with SIGPIPE: its writes just fail.
        signal(SIGPIPE, SIG_IGN)
        // Before the port file says where to find the service: whoever reads it may stop it at once.
        let stop = StopSignals()
        let clock = ContinuousClock()
        let start = clock.now
        let context = DemoLogContext(identity: settings.identity, pid: Int(getpid()),
                                     hostname: hostName())
        let sink = DemoLogSink(shape: settings.logger, context: context)
        let service = DemoService(
            identity: settings.identity, behaviour: settings.behaviour.resolved(forVersion: settings.identity.version),
            timeScale: settings.timeScale, seed: UInt64(truncatingIfNeeded: Date().timeIntervalSince1970.bitPattern) ^ UInt64(getpid()),
            log: { sink.write($0) },
            uptime: { DemoSeconds.of(clock.now - start) },
            wallClock: { LogTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9)) })
        let server: DemoHTTPServer
        do {
            server = try DemoHTTPServer(service: service, port: settings.port)
        } catch {
            throw Failure(description: "cannot listen on 127.0.0.1:\(settings.port): \(error)")
        }
        if let path = settings.portFile {
            do {
                try DemoPortFile.write(server.port, to: path)
            } catch {
                server.stop()
                throw Failure(description: error.description)
            }
        }
        service.logStartup(port: server.port)
        server.startTraffic()
        let name = stop.wait()
        server.stopTraffic()
        service.logShutdown(signal: name)
        server.stop()
    }

    /// The host's name as gethostname(2) gives it, without the resolver lookups Foundation may make.
    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// SIGTERM and SIGINT, caught from the moment this is made: their default action (ending the
/// process at once, with no shutdown line and not exit status 0) is replaced by dispatch sources,
/// so no handler runs in signal context.
final class StopSignals {
    private let stopped = DispatchSemaphore(value: 0)
    private let received = LockedValue("SIGTERM")
    private let sources: [any DispatchSourceSignal]

    init() {
        let queue = DispatchQueue(label: "demo-service.signals")
        let stopped = stopped, received = received
        sources = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                received.withLock { $0 = name }
                stopped.signal()
            }
            source.resume()
            return source
        }
    }

    /// Blocks until one of the signals comes, and names it.
    func wait() -> String {
        stopped.wait()
        sources.forEach { $0.cancel() }
        return received.value
    }
}

/// Seconds of a duration as a Double.
enum DemoSeconds {
    static func of(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
