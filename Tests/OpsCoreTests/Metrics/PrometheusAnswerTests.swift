import Foundation
import Testing
@testable import OpsCore

/// The API's answers as Prometheus 2.42 writes them (captured from the test server), and answers it
/// never writes.
@Suite struct PrometheusAnswerTests {
    static func parse(_ body: String, status: Int = 200, reason: String = "OK") -> Result<PrometheusAnswer.Payload, PrometheusError> {
        PrometheusAnswer.parse(status: status, reason: reason, body: Array(body.utf8))
    }

    static func failure(_ body: String, status: Int = 200, reason: String = "OK") -> PrometheusError? {
        if case .failure(let error) = parse(body, status: status, reason: reason) { return error }
        return nil
    }

    static let at = Date(timeIntervalSince1970: 1795937114.417)

    @Test func aVectorGivesOneSamplePerSeries() throws {
        let body = """
            {"status":"success","data":{"resultType":"vector","result":[\
            {"metric":{"code":"200"},"value":[1795937114.417,"10.000000000000002"]},\
            {"metric":{"code":"500"},"value":[1795937114.417,"1"]}]}}
            """
        let payload = try Self.parse(body).get()
        #expect(payload == .vector([
            PrometheusSample(labels: ["code": "200"], value: .number(10.000000000000002), at: Self.at),
            PrometheusSample(labels: ["code": "500"], value: .number(1), at: Self.at),
        ]))
    }

    @Test func specialValuesAreKept() throws {
        let body = """
            {"status":"success","data":{"resultType":"vector","result":[\
            {"metric":{},"value":[1795937114.417,"NaN"]},{"metric":{"a":"b"},"value":[1795937114.417,"+Inf"]},\
            {"metric":{"a":"c"},"value":[1795937114.417,"-Inf"]}]}}
            """
        guard case .vector(let samples) = try Self.parse(body).get() else { throw Unexpected() }
        #expect(samples.map(\.value) == [.notANumber, .positiveInfinity, .negativeInfinity])
    }

    @Test func aScalarIsOneSampleWithoutLabels() throws {
        let payload = try Self.parse(#"{"status":"success","data":{"resultType":"scalar","result":[1795937114.417,"+Inf"]}}"#).get()
        #expect(payload == .scalar(PrometheusSample(labels: [:], value: .positiveInfinity, at: Self.at)))
    }

    @Test func aMatrixGivesSeriesOfPoints() throws {
        let body = """
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"app"},\
            "values":[[1795937100,"1"],[1795937102,"NaN"],[1795937104.5,"0.25"]]}]}}
            """
        let payload = try Self.parse(body).get()
        let start = Date(timeIntervalSince1970: 1795937100)
        #expect(payload == .matrix([PrometheusSeries(labels: ["job": "app"], points: [
            .init(at: start, value: .number(1)), .init(at: start.addingTimeInterval(2), value: .notANumber),
            .init(at: start.addingTimeInterval(4.5), value: .number(0.25)),
        ])]))
    }

    @Test func anEmptyResultIsNoSeries() throws {
        #expect(try Self.parse(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#).get() == .vector([]))
    }

    @Test func warningsAndUnknownMembersAreIgnored() throws {
        let body = #"{"status":"success","warnings":["x"],"data":{"resultType":"vector","result":[],"stats":{}},"infos":[]}"#
        #expect(try Self.parse(body).get() == .vector([]))
    }

    @Test func aStringResultIsReportedAsSuch() throws {
        #expect(try Self.parse(#"{"status":"success","data":{"resultType":"string","result":[1795937114.417,"hello"]}}"#).get() == .string)
    }

    @Test func anAPIErrorKeepsItsTypeAndMessage() {
        let body = #"{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:6: parse error: unclosed left parenthesis"}"#
        let error = Self.failure(body, status: 400, reason: "Bad Request")
        #expect(error == .api(errorType: "bad_data",
                              message: #"invalid parameter "query": 1:6: parse error: unclosed left parenthesis"#, httpStatus: 400))
        #expect(error?.description == #"bad_data: invalid parameter "query": 1:6: parse error: unclosed left parenthesis"#)
        let unavailable = Self.failure(#"{"status":"error","errorType":"unavailable","error":"TSDB not ready"}"#, status: 503)
        #expect(unavailable?.description == "unavailable: TSDB not ready")
        let timeout = Self.failure(#"{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}"#, status: 503)
        #expect(timeout?.description == "timeout: query timed out in expression evaluation")
        let execution = Self.failure(#"{"status":"error","errorType":"execution","error":"many-to-many matching not allowed"}"#, status: 422)
        #expect(execution == .api(errorType: "execution", message: "many-to-many matching not allowed", httpStatus: 422))
    }

    @Test func anAPIErrorMessageIsMadeSafeAndShort() {
        let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J" + String(repeating: "x", count: 1000)
        let body = #"{"status":"error","errorType":"bad_data","error":"\#(hostile.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())"}"#
        let description = Self.failure(body, status: 400)?.description ?? ""
        #expect(!description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(description.hasPrefix(#"bad_data: \e]52;c;ZXZpbA==\x07\e[2J"#))
        #expect(description.count <= PrometheusAnswer.maxMessageLength + "bad_data: ".count)
        #expect(description.hasSuffix("x…"))
    }

    @Test func anHTMLPageFromAProxySaysItsStatus() {
        let page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        #expect(Self.failure(page, status: 502, reason: "Bad Gateway")?.description == "HTTP 502 Bad Gateway from Prometheus")
        #expect(Self.failure("Unauthorized\n", status: 401, reason: "Unauthorized")?.description
                == "HTTP 401 Unauthorized: Prometheus wants credentials, or refused the ones given")
        #expect(Self.failure("404 page not found\n", status: 404, reason: "Not Found")?.description
                == "HTTP 404 Not Found: no Prometheus API at this URL (check the path prefix)")
    }

    @Test func jsonWithAnErrorStatusButNoAPIErrorSaysTheStatus() {
        #expect(Self.failure(#"{"message":"forbidden"}"#, status: 403, reason: "Forbidden")
                == .httpStatus(403, reason: "Forbidden"))
    }

    @Test(arguments: [
        ("", "not JSON (an empty body)"),
        ("<html>hello</html>", #"not JSON (starts with "<html>hello</html>")"#),
        (#"{"status":"success","data":{"resultType":"vector","result":["#, #"not JSON (starts with "{\"status\":\"success\",\"data\":{\"resultType…")"#),
        ("{\"status\":\"success\"} trailing", #"not JSON (starts with "{\"status\":\"success\"} trailing")"#),
    ])
    func malformedJSONIsNotAnAnswer(body: String, reason: String) {
        #expect(Self.failure(body) == .malformedAnswer(reason))
    }

    @Test(arguments: [
        ("[]", #"no "status": "success" or "error""#),
        (#"{"status":"ok"}"#, #"no "status": "success" or "error""#),
        (#"{"status":"success"}"#, "no data object"),
        (#"{"status":"success","data":[]}"#, "no data object"),
        (#"{"status":"success","data":{"result":[]}}"#, "no resultType"),
        (#"{"status":"success","data":{"resultType":"vector"}}"#, "no result"),
        (#"{"status":"success","data":{"resultType":"histogram","result":[]}}"#, "unknown resultType histogram"),
        (#"{"status":"success","data":{"resultType":"vector","result":{}}}"#, "a vector's result is not an array"),
        (#"{"status":"success","data":{"resultType":"vector","result":[1]}}"#, "a series is not an object"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":[]}]}}"#, "a series' metric is not an object"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":1},"value":[1,"1"]}]}}"#, "label a is not a string"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}}"#, "a sample has no value"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"histogram":[1,{}]}]}}"#, "native histograms have no single value"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"value":[1,1]}]}}"#, "a value is not a number in a string"),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"value":["1","1"]}]}}"#, #"a value is not [time, "number"]"#),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"value":[1]}]}}"#, #"a value is not [time, "number"]"#),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"value":[1e999,"1"]}]}}"#, #"a value is not [time, "number"]"#),
        (#"{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"ten"]}]}}"#, "a value is not a number in a string"),
        (#"{"status":"success","data":{"resultType":"scalar","result":"1"}}"#, #"a value is not [time, "number"]"#),
        (#"{"status":"success","data":{"resultType":"matrix","result":[{"values":{}}]}}"#, "a series' values are not an array"),
        (#"{"status":"success","data":{"resultType":"matrix","result":[{"values":[[1,"1"],[2]]}]}}"#, #"a value is not [time, "number"]"#),
    ])
    func wrongShapesAndTypesSayWhatIsWrong(body: String, reason: String) {
        #expect(Self.failure(body) == .malformedAnswer(reason))
    }

    @Test func deeplyNestedJSONIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.failure(deep)?.description.hasPrefix("not a Prometheus API answer: not JSON") == true)
    }

    @Test func aHugeAnswerIsParsedWhole() throws {
        let series = (0..<20_000).map { #"{"metric":{"pod":"p\#($0)"},"value":[1795937114.417,"\#($0)"]}"# }
        let body = #"{"status":"success","data":{"resultType":"vector","result":[\#(series.joined(separator: ","))]}}"#
        guard case .vector(let samples) = try Self.parse(body).get() else { throw Unexpected() }
        #expect(samples.count == 20_000)
        #expect(samples.last == PrometheusSample(labels: ["pod": "p19999"], value: .number(19_999), at: Self.at))
    }

    @Test func aTruncatedAnswerIsTooLarge() {
        let response = HTTPResponse(status: 200, body: Array(#"{"status":"success","data":{"#.utf8), bodyTruncated: true)
        #expect(PrometheusAnswer.parse(response, maxBodyBytes: 8 << 20) == .failure(.answerTooLarge(limit: 8 << 20)))
        #expect(PrometheusError.answerTooLarge(limit: 8 << 20).description
                == "Prometheus's answer is larger than 8 MiB; narrow the query")
    }

    struct Unexpected: Error {}
}
