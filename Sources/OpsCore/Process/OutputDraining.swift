import Subprocess

/// Bytes kept up to a limit; what arrives past it is only counted. A child's pipe must be read to its
/// end whatever the limit (a child blocked on a full pipe never exits), so output is never refused,
/// only not kept.
struct BoundedBytes: Sendable {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var droppedBytes = 0

    init(limit: Int) { self.limit = max(0, limit) }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        let room = limit &- bytes.count
        if chunk.count <= room {
            bytes.append(contentsOf: chunk)
        } else {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<room]))
            droppedBytes &+= chunk.count &- room
        }
    }
}

enum OutputDraining {
    /// Hands every buffer of `sequence` to `body` until the pipe ends or the task is cancelled.
    ///
    /// The cancellation check matters: the spawn library's read first tries a non-blocking `read`
    /// and only awaits (where it notices cancellation) when the pipe is empty, so a child that
    /// writes without pause (`yes`) would otherwise be read forever after its deadline.
    static func drain(_ sequence: SubprocessOutputSequence, _ body: (UnsafeRawBufferPointer) -> Void) async throws {
        for try await buffer in sequence {
            buffer.withUnsafeBytes(body)
            if Task.isCancelled { return }
        }
    }

    /// Keeps the first `limit` bytes of `sequence`, reading and counting the rest.
    static func collect(_ sequence: SubprocessOutputSequence, limit: Int) async throws -> BoundedBytes {
        var kept = BoundedBytes(limit: limit)
        try await drain(sequence) { kept.append($0) }
        return kept
    }
}
