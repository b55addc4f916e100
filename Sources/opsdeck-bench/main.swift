import Glibc

/// Entry point: parse, run, and turn every `BenchError` into a message and exit status 1.
do {
    switch try BenchArguments.parse(CommandLine.arguments) {
    case .help:
        print(HelpText.usage)
    case .generate(let options):
        try GenerateCommand.run(options)
    case .logs(let options):
        try LogsCommand.run(options)
    case .render(let options):
        RenderBenchmark.run(options)
    case .keys(let options):
        try KeyLatencyBenchmark.run(options)
    case .console(let options):
        try await ConsoleBenchmark.run(options)
    case .probes(let options):
        try ProbesCommand.run(options)
    case .kube(let options):
        try await KubeBenchmark.run(options)
    case .kubeConsole(let options):
        try await KubeConsoleBenchmark.run(options)
    case .inProcess(let name, let file):
        try InProcessRunner.runChild(name: name, file: file)
    }
} catch {
    printToStandardError("opsdeck-bench: \(error)")
    exit(1)
}
