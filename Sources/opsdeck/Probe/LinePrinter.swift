import Foundation
import OpsCore

/// Standard output shared by the probes' tasks and the hooks' queue: each write goes out whole,
/// so lines of different sources never interleave.
final class LinePrinter: Sendable {
    private let lock = LockedValue(())

    func write(_ text: String) {
        lock.withLock { _ in FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}
