/// The file name of a service's lock. Service and environment names come from a configuration
/// or a platform and may hold anything (`/`, `..`, spaces, `$(…)`, newlines): the name keeps
/// ASCII letters, digits, `_` and `-` and writes every other byte as `%XX`, so it is one plain file
/// name inside the locks folder, never a path, never hidden (a `.` is escaped too), and two keys
/// never share one. Names that would pass the file system's limit keep a readable start and end
/// with a hash of the whole key.
enum LockFileName {
    /// Well under the 255 bytes most file systems allow.
    static let maximumLength = 200

    static func name(for key: ServiceKey) -> String {
        let readable = escaped(key.service) + "@" + escaped(key.environment)
        if readable.utf8.count + 5 <= maximumLength { return readable + ".lock" }
        let hash = fnv1a64(Array(key.service.utf8) + [0] + Array(key.environment.utf8))
        var hex = String(hash, radix: 16)
        hex = String(repeating: "0", count: 16 - hex.count) + hex
        return String(readable.prefix(120)) + "~" + hex + ".lock"
    }

    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                ASCII.appendHex(UInt32(byte), minimumDigits: 2, uppercase: true, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// FNV-1a, 64 bits: only separates long names that share their first 120 escaped bytes.
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
