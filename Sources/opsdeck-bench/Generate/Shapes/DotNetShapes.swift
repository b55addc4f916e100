/// .NET loggers: Serilog's compact JSON (CLEF) and Microsoft.Extensions.Logging's JSON console.
extension RecordComposer {
    /// CLEF: `@t` with seven fraction digits, `@mt` the message template, `@l` absent for
    /// Information, `@x` the exception, properties at top level, `@r` renderings of formatted tokens.
    mutating func writeSerilogCLEF() {
        style = .serilog
        openObject()
        key("@t"); timestampString(.clef)
        let template = isError ? 4 : rng.below(4)
        key("@mt"); string(serilogTemplates[template])
        if template == 0 { key("@r"); openArray(); nextItem(); out.append("\"12.3456\""); closeArray() }
        if level != .info { field("@l", levelName(serilogLevels)) }
        if isError {
            composeDotnetException(lineBreak: "\n")
            fieldDetail("@x")
        }
        if rng.chance(perMille: 500) {
            key("@tr"); hexString(digits: 32)
            key("@sp"); hexString(digits: 16)
        }
        switch template {
        case 0:
            field("RequestMethod", pick: Vocabulary.methods)
            key("RequestPath"); string(rng.pick(Vocabulary.paths))
            field("StatusCode", int: httpStatus)
            key("Elapsed"); out.appendDecimal(rng.inRange(1...900)); out.append(".123456")
        case 1:
            key("Amount"); out.appendDecimal(rng.inRange(1...500)); out.append(".5")
            field("Card", "visa-4242")
        case 2:
            field("OrderId", int: rng.inRange(100_000...999_999))
            key("City"); string(rng.pick(Vocabulary.cities))
        case 3:
            key("User"); userObject()
        default:
            field("OrderId", int: rng.inRange(100_000...999_999))
            fieldMessage("Reason")
        }
        field("SourceContext", pick: Vocabulary.dotnetCategories)
        closeObject()
    }

    /// `AddJsonConsole` with `TimestampFormat` set on half of the services and `IncludeScopes`:
    /// System.Text.Json's default encoder escapes non-ASCII, `"` and HTML-sensitive characters.
    mutating func writeDotnetJSONConsole() {
        style = .systemTextJSON
        openObject()
        if rng.chance(perMille: 500) { key("Timestamp"); timestampString(.isoMillisZ) }
        field("EventId", int: isError ? 1 : 0)
        field("LogLevel", levelName(dotnetLevels))
        field("Category", pick: Vocabulary.dotnetCategories)
        fieldMessage("Message")
        if isError {
            composeDotnetException(lineBreak: " ")
            fieldDetail("Exception")
        }
        key("State"); openObject()
        fieldMessage("Message")
        fieldMessage("{OriginalFormat}")
        closeObject()
        if drawNested() {
            // Each scope repeats its values in its `Message`, as ASP.NET Core's scopes print them.
            let span = rng.next(), traceHigh = rng.next(), traceLow = rng.next()
            key("Scopes"); openArray()
            nextItem(); openObject()
            key("Message"); out.append("\"SpanId:"); out.appendHex(span, digits: 16)
            out.append(", TraceId:"); out.appendHex(traceHigh, digits: 16); out.appendHex(traceLow, digits: 16)
            out.append(", ParentId:0000000000000000\"")
            key("SpanId"); out.append(UInt8(ascii: "\"")); out.appendHex(span, digits: 16); out.append(UInt8(ascii: "\""))
            key("TraceId"); out.append(UInt8(ascii: "\"")); out.appendHex(traceHigh, digits: 16)
            out.appendHex(traceLow, digits: 16); out.append(UInt8(ascii: "\""))
            field("ParentId", "0000000000000000")
            closeObject()
            let path = rng.pick(Vocabulary.paths)
            let requestNumber = rng.inRange(1...9_999)
            nextItem(); openObject()
            key("Message"); inner.removeAll(); inner.append("RequestPath:"); inner.append(path)
            inner.append(" RequestId:0HN8F1M5T9K2A:"); inner.appendDecimal(requestNumber, width: 8); innerString()
            key("RequestId"); out.append("\"0HN8F1M5T9K2A:"); out.appendDecimal(requestNumber, width: 8)
            out.append(UInt8(ascii: "\""))
            key("RequestPath"); string(path)
            closeObject()
            closeArray()
        }
        closeObject()
    }
}

private let serilogTemplates: [StaticString] = [
    "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
    "Charged {Amount} to {Card}",
    "Order {OrderId} shipped to {City}",
    "User {@User} signed in",
    "Failed to process order {OrderId}: {Reason}",
]
private let serilogLevels: [StaticString] = ["Verbose", "Debug", "Information", "Warning", "Error", "Fatal"]
private let dotnetLevels: [StaticString] = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"]
