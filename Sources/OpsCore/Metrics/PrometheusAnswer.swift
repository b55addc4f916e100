import Foundation

/// Reads the HTTP API's answers (`/api/v1/query`, `/api/v1/query_range`): the envelope
/// `{"status":"success","data":{"resultType":…,"result":…}}` or
/// `{"status":"error","errorType":…,"error":…}`, and the three numeric result types. Values are
/// strings in the API (`"0.0909"`, `"NaN"`, `"+Inf"`); times are seconds since the epoch.
///
/// Anything else (not JSON, a proxy's HTML error page, JSON of another shape, wrong types) is an
/// error that says what was wrong, never a crash or a silent zero.
enum PrometheusAnswer {
    enum Payload: Equatable {
        case vector([PrometheusSample])
        /// One value with no labels.
        case scalar(PrometheusSample)
        case matrix([PrometheusSeries])
        case string
    }

    /// The longest API error message kept: enough for a parse error's position and context.
    static let maxMessageLength = 400

    static func parse(_ response: HTTPResponse, maxBodyBytes: Int) -> Result<Payload, PrometheusError> {
        guard !response.bodyTruncated else { return .failure(.answerTooLarge(limit: maxBodyBytes)) }
        return parse(status: response.status, reason: response.reason, body: response.body)
    }

    static func parse(status: Int, reason: String, body: [UInt8]) -> Result<Payload, PrometheusError> {
        let json: JSONValue
        do {
            json = try body.withUnsafeBufferPointer { bytes throws(JSONScanner.Failure) in try JSONParser.parse(bytes) }
        } catch {
            // A proxy or load balancer in front of Prometheus answers errors in HTML: its status says more.
            guard status == 200 else { return .failure(.httpStatus(status, reason: text(reason, limit: 80))) }
            return .failure(.malformedAnswer("not JSON (\(beginning(of: body)))"))
        }
        if json["status"] == .string("error") {
            let errorType = json["errorType"]?.stringValue ?? "error"
            let message = json["error"]?.stringValue ?? "no message"
            return .failure(.api(errorType: text(errorType, limit: 40), message: text(message, limit: maxMessageLength),
                                 httpStatus: status))
        }
        guard status == 200 else { return .failure(.httpStatus(status, reason: text(reason, limit: 80))) }
        guard json["status"] == .string("success") else {
            return .failure(.malformedAnswer("no \"status\": \"success\" or \"error\""))
        }
        guard let data = json["data"], data.objectMembers != nil else { return .failure(.malformedAnswer("no data object")) }
        guard let type = data["resultType"]?.stringValue else { return .failure(.malformedAnswer("no resultType")) }
        guard let result = data["result"] else { return .failure(.malformedAnswer("no result")) }
        return Result { () throws(PrometheusError) -> Payload in
            switch type {
            case "vector": .vector(try vector(result))
            case "scalar": .scalar(try sample(labels: [:], pair: result))
            case "matrix": .matrix(try matrix(result))
            case "string": .string
            default: throw .malformedAnswer("unknown resultType \(text(type, limit: 40))")
            }
        }
    }

    /// `[{"metric": {...}, "value": [time, "value"]}, ...]`.
    private static func vector(_ result: JSONValue) throws(PrometheusError) -> [PrometheusSample] {
        guard case .array(let items) = result else { throw .malformedAnswer("a vector's result is not an array") }
        var samples: [PrometheusSample] = []
        samples.reserveCapacity(items.count)
        for item in items {
            let labels = try labelsOf(item)
            guard let pair = item["value"] else {
                throw .malformedAnswer(item["histogram"] == nil ? "a sample has no value" : "native histograms have no single value")
            }
            samples.append(try sample(labels: labels, pair: pair))
        }
        return samples
    }

    /// `[{"metric": {...}, "values": [[time, "value"], ...]}, ...]`.
    private static func matrix(_ result: JSONValue) throws(PrometheusError) -> [PrometheusSeries] {
        guard case .array(let items) = result else { throw .malformedAnswer("a matrix's result is not an array") }
        var series: [PrometheusSeries] = []
        series.reserveCapacity(items.count)
        for item in items {
            let labels = try labelsOf(item)
            // A series of native histograms only has "histograms": no values to draw.
            guard case .array(let pairs) = item["values"] ?? .array([]) else {
                throw .malformedAnswer("a series' values are not an array")
            }
            var points: [PrometheusSeries.Point] = []
            points.reserveCapacity(pairs.count)
            for pair in pairs {
                let point = try sample(labels: [:], pair: pair)
                points.append(.init(at: point.at, value: point.value))
            }
            series.append(PrometheusSeries(labels: labels, points: points))
        }
        return series
    }

    /// The `metric` object of a series: label names to string values; none for a scalar.
    private static func labelsOf(_ item: JSONValue) throws(PrometheusError) -> [String: String] {
        guard item.objectMembers != nil else { throw .malformedAnswer("a series is not an object") }
        guard let metric = item["metric"] else { return [:] }
        guard let members = metric.objectMembers else { throw .malformedAnswer("a series' metric is not an object") }
        var labels: [String: String] = [:]
        for member in members {
            guard let value = member.value.stringValue else {
                throw .malformedAnswer("label \(text(member.key, limit: 40)) is not a string")
            }
            labels[member.key] = value
        }
        return labels
    }

    /// `[1700000000.123, "0.5"]`.
    private static func sample(labels: [String: String], pair: JSONValue) throws(PrometheusError) -> PrometheusSample {
        guard case .array(let parts) = pair, parts.count == 2, case .number(let timeText) = parts[0],
              let seconds = Double(timeText), seconds.isFinite else {
            throw .malformedAnswer("a value is not [time, \"number\"]")
        }
        guard case .string(let valueText) = parts[1], let value = MetricValue(prometheusText: valueText) else {
            throw .malformedAnswer("a value is not a number in a string")
        }
        return PrometheusSample(labels: labels, value: value, at: Date(timeIntervalSince1970: seconds))
    }

    /// Text from the server made safe for a table cell: no control characters, not too long.
    static func text(_ raw: String, limit: Int) -> String {
        let safe = Sanitiser.sanitise(raw)
        guard safe.count > limit else { return safe }
        return String(safe.prefix(limit - 1)) + "…"
    }

    /// What a body that is not JSON starts with, to tell an HTML page from an empty answer.
    private static func beginning(of body: [UInt8]) -> String {
        guard !body.isEmpty else { return "an empty body" }
        let head = String(decoding: body.prefix(60), as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return "starts with \(text(head, limit: 40).debugDescription)"
    }
}
