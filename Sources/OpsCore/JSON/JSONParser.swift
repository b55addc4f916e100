/// Whole-document parsing for callers off the hot path: validate strictly, then build the value.
public enum JSONParser {
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONScanner.Failure) -> JSONValue {
        let scanner = JSONScanner(bytes)
        let end = try scanner.scanValue(at: 0).get()
        guard scanner.skipWhitespace(from: end) == bytes.count else { throw .invalid(offset: end) }
        return JSONMaterialiser(bytes).value(at: 0)
    }

    public static func parse(_ text: String) throws(JSONScanner.Failure) -> JSONValue {
        var text = text
        let result = text.withUTF8 { utf8 in Result { () throws(JSONScanner.Failure) in try parse(utf8) } }
        return try result.get()
    }
}
