/// Picks the writer of each shape, and the two envelopes that wrap another shape's line.
extension RecordComposer {
    mutating func write(_ shape: LogShape) {
        payloadStart = out.count
        writeBody(shape)
    }

    private mutating func writeBody(_ shape: LogShape) {
        switch shape {
        case .pino: writePino()
        case .bunyan: writeBunyan()
        case .winston: writeWinston()
        case .zap: writeZap()
        case .zerolog: writeZerolog()
        case .logrusJSON: writeLogrusJSON()
        case .slogJSON: writeSlogJSON()
        case .klogJSON: writeKlogJSON()
        case .structlogISO: writeStructlog(epochTime: false)
        case .structlogEpoch: writeStructlog(epochTime: true)
        case .pythonJSONLogger: writePythonJSONLogger()
        case .loguru: writeLoguru()
        case .logstashLogback: writeLogstashLogback()
        case .log4j2ECS: writeLog4j2ECS()
        case .serilogCLEF: writeSerilogCLEF()
        case .dotnetJSONConsole: writeDotnetJSONConsole()
        case .rustTracing: writeRustTracing()
        case .gcpStructured: writeGCPStructured()
        case .otelFlat: writeOTelFlat()
        case .dockerJSONFile: writeDockerJSONFile()
        case .kubectlPrefixed: writeKubectlPrefixed()
        case .logrusText: writeLogrusText()
        case .slogText: writeSlogText()
        case .springText: writeSpringText()
        case .nginxAccess: writeNginxAccess()
        case .javaStackTraceLine: break   // written by the generator after a Spring error line
        }
    }

    /// docker's json-file driver on disk: the container's line, newline included, escaped into
    /// `log`; `time` is Go's RFC3339Nano (trailing zeros dropped).
    private mutating func writeDockerJSONFile() {
        let start = out.count
        writeBody(rng.pick(dockerInnerShapes))
        inner.removeAll()
        inner.append(out, start..<out.count)
        inner.append(UInt8(ascii: "\n"))
        out.truncate(to: start)
        style = .goEncodingJSON
        openObject()
        key("log"); innerString()
        field("stream", isError && rng.chance(perMille: 500) ? "stderr" : "stdout")
        key("time"); timestampString(.rfc3339NanoZ)
        closeObject()
    }

    /// `kubectl logs --prefix --timestamps`: `[pod/<pod>/<container>] <RFC3339Nano, 9 digits> <line>`.
    private mutating func writeKubectlPrefixed() {
        out.append(UInt8(ascii: "["))
        out.append(rng.pick(kubectlPods))
        out.append("] ")
        out.appendTimestamp(nanos: nanos, .rfc3339NanoFixedZ)
        out.append(UInt8(ascii: " "))
        payloadStart = out.count
        writeBody(rng.pick(kubectlInnerShapes))
    }
}

/// Wrapped shapes must not use `inner` themselves (loguru and the .NET console shape do).
private let dockerInnerShapes: [LogShape] = [.pino, .zap, .slogJSON, .zerolog, .springText]
private let kubectlInnerShapes: [LogShape] = [.pino, .zap, .slogJSON, .logrusJSON, .klogJSON]
private let kubectlPods: [StaticString] = ["pod/api-5d9c7b8f6-x2k4p/api", "pod/api-5d9c7b8f6-q7w9z/api",
                                           "pod/worker-7f8d9c-2mx4d/worker", "pod/web-66b8d5f7c9-lp3vk/istio-proxy"]
