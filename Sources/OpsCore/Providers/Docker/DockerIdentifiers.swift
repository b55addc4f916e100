/// Which container ids and names may go into an argv. docker validates both, but they reach
/// opsdeck as text from a CLI: a value that starts with `-` would be read as a flag, so anything
/// that is not an id or a name docker itself could have made is never passed on.
enum DockerIdentifiers {
    /// 12 to 64 lowercase hex digits.
    static func isContainerID(_ text: String) -> Bool {
        let count = text.utf8.count
        guard count >= 12, count <= 64 else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }

    /// docker's container name rule: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
    static func isContainerName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, isAlphanumeric(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
