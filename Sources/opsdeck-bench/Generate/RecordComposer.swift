import OpsCore

/// Writes one log record at a time into `out`, in whichever shape the generator picks. It holds
/// the facts of the current record (time, level, message) and small JSON-writing helpers that
/// apply the current logger's escaping (`style`) and separators, so each shape function reads as
/// the list of fields its logger writes.
struct RecordComposer: ~Copyable {
    var out: ByteBuffer
    var rng: SplitMix64
    /// Time of the current record, nanoseconds since the epoch.
    var nanos: Int64
    var level: LogLevel = .info
    /// The current record's message as raw UTF-8 (escaped only when written).
    var message = ByteBuffer(capacity: 256)
    /// A stack trace or exception text for error records, raw.
    var detail = ByteBuffer(capacity: 2048)
    /// An application line being wrapped by an envelope (docker json-file).
    var inner = ByteBuffer(capacity: 4096)
    /// Where the JSON value of the current line starts: after a tool prefix, else the line start.
    var payloadStart = 0

    var style = JSONStyle.node
    /// Set on about 5 % of records: PHP's json_encode and Ruby's script-safe JSON write `/` as
    /// `\/`, so a reader meets that escape in mixed streams (overrides `style` for the record).
    var escapesSlashes = false
    /// Python's `json.dumps` writes `", "` and `": "` by default (structlog, python-json-logger, loguru).
    var pythonSeparators = false
    private var depth = 0
    private var hasMember: UInt64 = 0

    init(seed: UInt64, startNanos: Int64, capacity: Int) {
        out = ByteBuffer(capacity: capacity)
        rng = SplitMix64(seed: seed)
        nanos = startNanos
    }

    // MARK: JSON structure

    mutating func openObject() { out.append(UInt8(ascii: "{")); push() }
    mutating func closeObject() { out.append(UInt8(ascii: "}")); depth -= 1 }
    mutating func openArray() { out.append(UInt8(ascii: "[")); push() }
    mutating func closeArray() { out.append(UInt8(ascii: "]")); depth -= 1 }

    /// Starts the next member or element of the innermost object or array.
    mutating func nextItem() {
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if hasMember & bit != 0 {
            out.append(UInt8(ascii: ","))
            if pythonSeparators { out.append(UInt8(ascii: " ")) }
        }
        hasMember |= bit
    }

    mutating func key(_ name: StaticString) {
        nextItem()
        StringEscaping.appendJSONString(name, to: &out, style: style)
        out.append(UInt8(ascii: ":"))
        if pythonSeparators { out.append(UInt8(ascii: " ")) }
    }

    private mutating func push() {
        depth += 1
        hasMember &= ~(1 << UInt64(depth & 63))
    }

    // MARK: JSON values

    private var effectiveStyle: JSONStyle {
        guard escapesSlashes else { return style }
        var slashing = style
        slashing.escapesSlash = true
        return slashing
    }

    mutating func string(_ text: StaticString) {
        let style = effectiveStyle
        StringEscaping.appendJSONString(text, to: &out, style: style)
    }

    mutating func string(_ text: [UInt8]) {
        let style = effectiveStyle
        StringEscaping.appendJSONString(text, to: &out, style: style)
    }

    mutating func messageString() {
        let style = effectiveStyle
        StringEscaping.appendJSONString(message, to: &out, style: style)
    }

    mutating func detailString() {
        let style = effectiveStyle
        StringEscaping.appendJSONString(detail, to: &out, style: style)
    }

    /// The `inner` buffer (a wrapped line) as a JSON string.
    mutating func innerString() {
        let style = effectiveStyle
        StringEscaping.appendJSONString(inner, to: &out, style: style)
    }
    mutating func literal(_ text: StaticString) { out.append(text) }
    mutating func int(_ value: Int) { out.appendDecimal(value) }

    mutating func field(_ name: StaticString, _ text: StaticString) { key(name); string(text) }
    mutating func field(_ name: StaticString, int value: Int) { key(name); int(value) }
    mutating func field(_ name: StaticString, literal text: StaticString) { key(name); literal(text) }
    mutating func fieldMessage(_ name: StaticString) { key(name); messageString() }
    mutating func fieldDetail(_ name: StaticString) { key(name); detailString() }
    mutating func field(_ name: StaticString, pick choices: [StaticString]) { key(name); string(rng.pick(choices)) }

    /// A quoted lowercase hex id (`trace_id` 32 digits, `span_id` 16).
    mutating func hexString(digits: Int) {
        out.append(UInt8(ascii: "\""))
        appendHex(digits: digits)
        out.append(UInt8(ascii: "\""))
    }

    mutating func appendHex(digits: Int) {
        var remaining = digits
        while remaining > 0 {
            let chunk = min(remaining, 16)
            out.appendHex(rng.next(), digits: chunk)
            remaining -= chunk
        }
    }

    /// `"1b4e28ba-2fa1-41d2-883f-0016d3cca427"`
    mutating func uuidString() {
        out.append(UInt8(ascii: "\""))
        out.appendUUID(high: rng.next(), low: rng.next())
        out.append(UInt8(ascii: "\""))
    }

    mutating func timestampString(_ timeStyle: TimeStyle) {
        out.append(UInt8(ascii: "\""))
        out.appendTimestamp(nanos: nanos, timeStyle)
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Plain text

    /// The message in a text line: newlines become spaces so one record stays one line, while
    /// tabs and control bytes stay (plain loggers write them raw; the reader must sanitise them).
    mutating func appendPlainMessage() {
        for index in 0..<message.count {
            let byte = message[index]
            out.append(byte == 0x0A || byte == 0x0D ? UInt8(ascii: " ") : byte)
        }
    }

    mutating func logfmt(_ name: StaticString, _ value: StaticString) {
        out.append(UInt8(ascii: " ")); out.append(name); out.append(UInt8(ascii: "="))
        value.withUTF8Buffer { StringEscaping.appendLogfmtValue($0, to: &out) }
    }

    mutating func logfmtMessage(_ name: StaticString) {
        out.append(UInt8(ascii: " ")); out.append(name); out.append(UInt8(ascii: "="))
        StringEscaping.appendLogfmtValue(message, to: &out)
    }
}
