/// The ways a JSON log line arrives broken: cut by a size limit or a crash, hand-edited, or
/// printed by a buggy encoder. Each one makes the line invalid JSON for a strict parser.
enum Malformation: CaseIterable, Sendable {
    /// Cut part-way (possibly inside a UTF-8 sequence or an escape), closing brace lost.
    case truncated
    /// `{"level"30,…}`: the first key's colon dropped.
    case missingColon
    /// `{…,"msg":"x",}`: accepted by lenient parsers (swift-foundation's), rejected by strict ones.
    case trailingComma
    /// `{…}}`: a parser that stops after the first value would accept it.
    case unbalancedBrace
}

extension ByteBuffer {
    /// Breaks the JSON value that starts at `start` and runs to the end of the buffer; `random`
    /// picks where a truncation cuts.
    mutating func malform(payloadFrom start: Int, _ kind: Malformation, random: UInt64) {
        let length = count - start
        guard length > 2 else { return }
        switch kind {
        case .truncated:
            truncate(to: start + length / 3 + Int(random % UInt64(length / 2)))
        case .missingColon:
            var index = start + 1
            while index + 1 < count && !(self[index] == UInt8(ascii: "\"") && self[index + 1] == UInt8(ascii: ":")) {
                index += 1
            }
            if index + 1 < count { remove(at: index + 1) } else { truncate(to: start + length / 2) }
        case .trailingComma:
            insert(UInt8(ascii: ","), at: count - 1)
        case .unbalancedBrace:
            append(UInt8(ascii: "}"))
        }
    }
}
