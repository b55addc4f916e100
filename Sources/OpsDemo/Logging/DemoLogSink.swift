import Glibc
import OpsCore

/// Writes the service's log lines, whole, to a file descriptor (stdout): one `write(2)` a line under a
/// lock, so that lines from the event loop and from the signal handler never interleave. A closed
/// reader (EPIPE) loses the lines and nothing else: logging must never stop the service.
public final class DemoLogSink: Sendable {
    private let descriptor: Int32
    private let shape: DemoLoggerShape
    private let context: DemoLogContext
    private let lock = LockedValue(())

    public init(descriptor: Int32 = STDOUT_FILENO, shape: DemoLoggerShape, context: DemoLogContext) {
        self.descriptor = descriptor
        self.shape = shape
        self.context = context
    }

    public func write(_ event: DemoLogEvent) {
        let bytes = Array((shape.line(event, context: context) + "\n").utf8)
        lock.withLock { _ in
            var sent = 0
            while sent < bytes.count {
                let count = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return -1 }
                    return Glibc.write(descriptor, base + sent, buffer.count - sent)
                }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                sent += count
            }
        }
    }
}
