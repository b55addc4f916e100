import Testing
@testable import OpsCore

@Suite struct JSONPrettyPrinterTests {
    @Test func indentsNestedValuesOneMemberALine() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":{"c":[true,null,"x\u001b"],"d":{}},"e":[]}"#)
        #expect(JSONPrettyPrinter.lines(value) == [
            "{",
            #"  "a": 1,"#,
            #"  "b": {"#,
            #"    "c": ["#,
            "      true,",
            "      null,",
            #"      "x\u001b""#,
            "    ],",
            #"    "d": {}"#,
            "  },",
            #"  "e": []"#,
            "}",
        ])
    }

    @Test func aRecordPrintsItsOutputKeys() {
        let record = LogRecord(line: 3, level: .error, message: "boom", error: LogError(type: "E", message: "x", stack: "a\nb"))
        let lines = JSONPrettyPrinter.lines(record.jsonValue)
        #expect(lines.first == "{" && lines.contains(#"  "level": "error","#) && lines.contains(#"    "stack": "a\nb""#))
    }
}
