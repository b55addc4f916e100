/// Brings the forms a trace id arrives in to one spelling, lowercase hex, so that lines from
/// different services and loggers can be matched by trace (reference: log-formats.md §6, trap 12).
public enum TraceID: Sendable {
    /// - 32 or 16 hex digits, any case, optionally `0x`/`0X`-prefixed: lowercased. 16-digit ids
    ///   stay 16 digits; left-padding to 32 is for matching, and the record shows what came.
    /// - AWS X-Ray `1-5759e988-bd862e3fe1be46a994272793`: time and random parts joined.
    /// - GCP `projects/P/traces/<32 hex>`: the hex.
    /// - W3C `traceparent` `00-<32 hex>-<16 hex>-01`: the trace id.
    /// - Datadog's decimal uint64 (digits only, at most 20, at most UInt64.max): 16 hex digits.
    ///   A string of exactly 16 decimal digits is read as hex: it is a valid 64-bit hex id as
    ///   written, and a Datadog id that short is one in a thousand.
    /// All-zero ids mean "no trace" and give nil, as does anything else.
    public static func normalise(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        if let hex = plainHex(text) { return lowercaseHex(hex) }
        if let hex = xRayHex(text) { return lowercaseHex(hex, skippingIndex: 8) }
        if let hex = gcpHex(text) { return lowercaseHex(hex) }
        if let hex = traceparentHex(text) { return lowercaseHex(hex) }
        if let decimal = datadogDecimal(text) { return normalise(decimal: decimal) }
        return nil
    }

    public static func normalise(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { normalise($0) }
    }

    /// A Datadog id that arrived as a JSON number: 16 lowercase hex digits, nil for 0.
    public static func normalise(decimal: UInt64) -> String? {
        guard decimal != 0 else { return nil }
        return String(unsafeUninitializedCapacity: 16) { out in
            for i in 0..<16 { out[i] = hexDigits[Int((decimal >> (60 - 4 * UInt64(i))) & 0xF)] }
            return 16
        }
    }

    // MARK: Forms

    private static func plainHex(_ text: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        var body = text[...]
        if body.count > 2, body[body.startIndex] == UInt8(ascii: "0"),
           body[body.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
            body = body.dropFirst(2)
        }
        guard body.count == 32 || body.count == 16, isHex(body) else { return nil }
        return body
    }

    /// `1-` + 8 hex (epoch seconds) + `-` + 24 hex.
    private static func xRayHex(_ text: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard text.count == 35, text[0] == UInt8(ascii: "1"), text[1] == UInt8(ascii: "-"),
              text[10] == UInt8(ascii: "-"), isHex(text[2..<10]), isHex(text[11..<35]) else { return nil }
        return text[2..<35]
    }

    private static func gcpHex(_ text: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        let prefix = "projects/".utf8
        let marker = "/traces/".utf8
        guard text.count > prefix.count + marker.count + 32, text.starts(with: prefix) else { return nil }
        let hex = text[(text.count - 32)...]
        let markerStart = hex.startIndex - marker.count
        guard text[markerStart..<hex.startIndex].elementsEqual(marker), isHex(hex) else { return nil }
        return hex
    }

    /// `version-traceid-parentid-flags`; a future version may append `-…` fields, version ff is invalid.
    private static func traceparentHex(_ text: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard text.count >= 55, text[2] == UInt8(ascii: "-"), text[35] == UInt8(ascii: "-"),
              text[52] == UInt8(ascii: "-"), isHex(text[0..<2]), isHex(text[36..<52]), isHex(text[53..<55]),
              text[0] | 0x20 != UInt8(ascii: "f") || text[1] | 0x20 != UInt8(ascii: "f") else { return nil }
        let isVersionZero = text[0] == UInt8(ascii: "0") && text[1] == UInt8(ascii: "0")
        guard text.count == 55 || (!isVersionZero && text[55] == UInt8(ascii: "-")) else { return nil }
        let hex = text[3..<35]
        return isHex(hex) ? hex : nil
    }

    private static func datadogDecimal(_ text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !text.isEmpty, text.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in text {
            let digit = byte &- 48
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    // MARK: Hex

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func isHex<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { ($0 &- 48) < 10 || (($0 | 0x20) &- 97) < 6 }
    }

    /// The hex digits lowercased into a new String, leaving out the byte at `skippingIndex`
    /// (X-Ray's inner `-`); nil when every digit is zero.
    private static func lowercaseHex(_ hex: Slice<UnsafeBufferPointer<UInt8>>, skippingIndex: Int? = nil) -> String? {
        let skipped = skippingIndex.map { hex.startIndex + $0 }
        guard hex.contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: "-") }) else { return nil }
        let length = hex.count - (skipped == nil ? 0 : 1)
        return String(unsafeUninitializedCapacity: length) { out in
            var o = 0
            for i in hex.indices where i != skipped {
                let byte = hex[i]
                out[o] = byte &- 65 < 26 ? byte | 0x20 : byte
                o += 1
            }
            return o
        }
    }
}
