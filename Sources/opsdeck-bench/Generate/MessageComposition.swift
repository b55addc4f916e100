import OpsCore

extension RecordComposer {
    /// Advances the clock by 0–50 ms (so times only ever increase or repeat, as in a real file)
    /// and draws the level and message of the next record.
    mutating func beginRecord() {
        nanos &+= Int64(rng.below(50_000_001))
        level = drawLevel()
        escapesSlashes = rng.chance(perMille: 50)
        composeMessage()
    }

    /// trace 2 %, debug 13 %, info 65 %, warn 15 %, error 4.5 %, fatal 0.5 %: about 5 % of
    /// records are error or worse.
    private mutating func drawLevel() -> LogLevel {
        let roll = rng.below(1000)
        switch roll {
        case ..<20: return .trace
        case ..<150: return .debug
        case ..<800: return .info
        case ..<950: return .warn
        case ..<995: return .error
        default: return .fatal
        }
    }

    private mutating func composeMessage() {
        let templates = level >= .error ? Vocabulary.errorMessages
            : level == .warn ? Vocabulary.warnMessages : Vocabulary.infoMessages
        let template = rng.pick(templates)
        message.removeAll()
        var runStart = 0
        var index = 0
        while index < template.count {
            guard template[index] == UInt8(ascii: "%"), index + 1 < template.count else {
                index += 1
                continue
            }
            message.append(template[runStart..<index])
            expandPlaceholder(template[index + 1])
            index += 2
            runStart = index
        }
        message.append(template[runStart...])
    }

    private mutating func expandPlaceholder(_ code: UInt8) {
        switch code {
        case UInt8(ascii: "d"): message.appendDecimal(rng.inRange(1...99))
        case UInt8(ascii: "o"): message.appendDecimal(rng.inRange(100_000...999_999))
        case UInt8(ascii: "m"): message.appendDecimal(rng.inRange(1...2_500))
        case UInt8(ascii: "u"): message.append(rng.pick(Vocabulary.users))
        case UInt8(ascii: "p"): message.append(rng.pick(Vocabulary.paths))
        case UInt8(ascii: "c"): message.append(rng.pick(Vocabulary.cities))
        case UInt8(ascii: "i"): message.appendIPv4(bits: rng.next())
        default: message.append(code)
        }
    }

    var isError: Bool { level >= .error }
}

extension ByteBuffer {
    /// A private-range address `10.x.y.z` from random bits.
    mutating func appendIPv4(bits: UInt64) {
        append("10.")
        appendDecimal(Int(bits & 0xFF)); append(UInt8(ascii: "."))
        appendDecimal(Int((bits >> 8) & 0xFF)); append(UInt8(ascii: "."))
        appendDecimal(Int((bits >> 16) & 0xFF))
    }

    /// A version-4 UUID `1b4e28ba-2fa1-41d2-883f-0016d3cca427` from random bits.
    mutating func appendUUID(high: UInt64, low: UInt64) {
        appendHex(high >> 32, digits: 8); append(UInt8(ascii: "-"))
        appendHex((high >> 16) & 0xFFFF, digits: 4); append(UInt8(ascii: "-"))
        appendHex(0x4000 | (high & 0x0FFF), digits: 4); append(UInt8(ascii: "-"))
        appendHex(0x8000 | (low >> 50), digits: 4); append(UInt8(ascii: "-"))
        appendHex(low & 0xFFFF_FFFF_FFFF, digits: 12)
    }
}
