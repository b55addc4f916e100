/// Reads the key identifiers out of the DER contents of two X.509 extensions (RFC 5280 4.2.1.1-2):
///   subjectKeyIdentifier    OCTET STRING
///   authorityKeyIdentifier  SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, ... }
enum KeyIdentifierExtensions {
    static let subjectKeyIdentifierOID = "2.5.29.14"
    static let authorityKeyIdentifierOID = "2.5.29.35"

    static func subjectKeyID(_ der: [UInt8]) -> [UInt8]? {
        guard let element = element(der, at: 0), element.tag == 0x04 else { return nil }
        return Array(der[element.contents])
    }

    static func authorityKeyID(_ der: [UInt8]) -> [UInt8]? {
        guard let sequence = element(der, at: 0), sequence.tag == 0x30 else { return nil }
        guard let first = element(der, at: sequence.contents.lowerBound), first.tag == 0x80,
              first.contents.upperBound <= sequence.contents.upperBound else { return nil }
        return Array(der[first.contents])
    }

    /// The tag and content range of the DER element at `offset`; nil when it does not fit in `der`.
    static func element(_ der: [UInt8], at offset: Int) -> (tag: UInt8, contents: Range<Int>)? {
        guard offset >= 0, offset + 2 <= der.count else { return nil }
        let tag = der[offset]
        var length = Int(der[offset + 1])
        var start = offset + 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            // Lengths of up to 4 bytes; an extension is never near that big, so more is garbage.
            guard count >= 1, count <= 4, start + count <= der.count else { return nil }
            length = 0
            for byte in der[start..<start + count] { length = length << 8 | Int(byte) }
            start += count
        }
        guard length <= der.count - start else { return nil }
        return (tag, start..<start + length)
    }
}
