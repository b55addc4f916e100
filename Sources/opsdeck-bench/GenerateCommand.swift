/// `opsdeck-bench generate`: writes the mixed log file (and optionally its manifest) and reports
/// what it wrote on stderr.
enum GenerateCommand {
    static func run(_ options: GenerateOptions) throws {
        let file = try OutputFile(creating: options.out)
        let manifest = try options.manifest.map { try OutputFile(creating: $0) }
        let summary = try LogFileGenerator(lineCount: options.lines, seed: options.seed)
            .write(to: file, manifest: manifest)
        printToStandardError(GenerationReport.describe(summary, path: options.out))
    }
}
