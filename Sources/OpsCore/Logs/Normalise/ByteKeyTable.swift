/// A fixed, read-only hash table from short byte strings (JSON keys) to values, looked up
/// straight from the scanned bytes without building a String. It is built once at start-up.
struct ByteKeyTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var hash: UInt32
        var key: [UInt8]
        var value: Value
    }

    private var slots: [Slot?]
    private let mask: Int

    init(_ entries: [(String, Value)]) {
        var size = 64
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: nil, count: size)
        for (key, value) in entries {
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBufferPointer { ByteKeyTable.hash($0) }
            var i = Int(hash) & mask
            while let existing = slots[i] {
                precondition(existing.key != bytes, "duplicate key \(key) in a ByteKeyTable")
                i = (i + 1) & mask
            }
            slots[i] = Slot(hash: hash, key: bytes, value: value)
        }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard bytes.count <= 40 else { return nil } // no known key is longer
        let hash = ByteKeyTable.hash(bytes)
        var i = Int(hash) & mask
        while let slot = slots[i] {
            if slot.hash == hash, slot.key.count == bytes.count,
               slot.key.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                return slot.value
            }
            i = (i + 1) & mask
        }
        return nil
    }

    func lookup(_ key: String) -> Value? {
        var key = key
        return key.withUTF8 { lookup($0) }
    }
}
