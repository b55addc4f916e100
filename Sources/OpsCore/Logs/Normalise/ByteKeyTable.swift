#if canImport(Glibc)
import Glibc
#endif

/// A fixed, read-only hash table from short byte strings (JSON keys) to values, looked up
/// straight from the scanned bytes without building a String. It is built once at start-up.
///
/// Keys live in one byte pool and slots are plain values, so a lookup on the hot path touches
/// no reference counts.
struct ByteKeyTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var hash: UInt32
        var keyOffset: Int32
        var keyLength: Int32 // -1 marks an empty slot
        var valueIndex: Int32
    }

    private let slots: [Slot]
    private let pool: [UInt8]
    private let values: [Value]
    private let mask: Int

    init(_ entries: [(String, Value)]) {
        var size = 64
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        var slots = Array(repeating: Slot(hash: 0, keyOffset: 0, keyLength: -1, valueIndex: 0), count: size)
        var pool: [UInt8] = []
        var values: [Value] = []
        var seen = Set<String>()
        for (key, value) in entries {
            precondition(seen.insert(key).inserted, "duplicate key \(key) in a ByteKeyTable")
            let bytes = Array(key.utf8)
            let hash = bytes.withUnsafeBufferPointer { ByteKeyTable.hash($0) }
            var i = Int(hash) & mask
            while slots[i].keyLength >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(hash: hash, keyOffset: Int32(pool.count), keyLength: Int32(bytes.count), valueIndex: Int32(values.count))
            pool += bytes
            values.append(value)
        }
        self.slots = slots
        self.pool = pool
        self.values = values
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
        return slots.withUnsafeBufferPointer { slots in
            pool.withUnsafeBufferPointer { pool in
                var i = Int(hash) & mask
                while true {
                    let slot = slots[i]
                    guard slot.keyLength >= 0 else { return nil }
                    if slot.hash == hash, Int(slot.keyLength) == bytes.count,
                       memcmp(pool.baseAddress! + Int(slot.keyOffset), bytes.baseAddress!, bytes.count) == 0 {
                        return values[Int(slot.valueIndex)]
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    func lookup(_ key: String) -> Value? {
        var key = key
        return key.withUTF8 { lookup($0) }
    }
}
