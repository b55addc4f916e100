import Testing
@testable import OpsCore

@Suite struct FilterExpressionTests {
    @Test func readsEveryKindOfTerm() throws {
        let query = try FilterExpression.parse(#"level>=warn user_id=42 "connection reset" /time(d)?out/ timeout status>=500 path="/a b""#)
        #expect(query.minimumLevel == .warn)
        #expect(query.texts == ["connection reset", "timeout"])
        #expect(query.patterns.map(\.source) == ["time(d)?out"])
        #expect(query.conditions == [FieldCondition(key: "user_id", op: .equal, value: "42"),
                                     FieldCondition(key: "status", op: .greaterOrEqual, value: "500"),
                                     FieldCondition(key: "path", op: .equal, value: "/a b")])
    }

    @Test func matchesRecordsLikeTheFlagsDo() throws {
        let query = try FilterExpression.parse(#"level>=warn user_id=42 "reset""#)
        let hit = LogRecord(line: 1, level: .error, message: "connection reset", fields: [JSONMember("user_id", .number("42"))])
        let wrongUser = LogRecord(line: 2, level: .error, message: "connection reset", fields: [JSONMember("user_id", .number("7"))])
        let tooLow = LogRecord(line: 3, level: .info, message: "connection reset", fields: [JSONMember("user_id", .number("42"))])
        #expect(query.matches(hit) && !query.matches(wrongUser) && !query.matches(tooLow))
    }

    @Test func anEmptyExpressionMatchesEverything() throws {
        let query = try FilterExpression.parse("   ")
        #expect(query.decidesOnLevelAndTimeOnly && query.minimumLevel == nil)
    }

    @Test(arguments: [
        (#""unclosed"#, 0, "\" is not closed"),
        ("ok /[/", 3, "/[/ is not a valid regular expression"),
        ("a level>=loud", 2, "'loud' is not a level"),
        ("=x", 0, "has no key"),
        (#"x """#, 2, "empty text"),
    ])
    func explainsWhatIsWrongAndWhere(_ text: String, _ offset: Int, _ reason: String) {
        do {
            _ = try FilterExpression.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }
}
