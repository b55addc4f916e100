/// Human summary of a generated file: size, speed, and the mix actually written.
enum GenerationReport {
    static func describe(_ summary: GenerationSummary, path: String) -> String {
        let speed = summary.seconds > 0 ? Double(summary.bytes) / 1e6 / summary.seconds : 0
        var text = "generated \(path): \(Format.grouped(summary.lines)) lines, \(Format.megabytes(summary.bytes))"
        text += " (\(Format.grouped(summary.lines == 0 ? 0 : summary.bytes / summary.lines)) B/line)"
        text += " in \(Format.fixed(summary.seconds, 2)) s (\(Format.fixed(speed, 0)) MB/s)\n"
        text += "  records \(Format.grouped(summary.records)); error+fatal \(Format.grouped(summary.errorOrFatalRecords))"
        text += " (\(Format.percent(summary.errorOrFatalRecords, of: summary.records)) of records);"
        text += " malformed \(Format.grouped(summary.malformedLines)) (\(Format.percent(summary.malformedLines, of: summary.lines)) of lines)\n"
        text += "  kinds:"
        for kind in LineKind.allCases {
            text += " \(kind.name) \(Format.grouped(summary.linesByKind[kind.rawValue]))"
        }
        text += "\n  shapes:"
        for shape in LogShape.allCases {
            text += " \(shape.name) \(Format.grouped(summary.linesByShape[shape.rawValue]))"
        }
        return text
    }
}
