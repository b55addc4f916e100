import Foundation

/// Hand-rolled parsing of `opsdeck-bench`'s small command line (the bench depends on OpsCore
/// only, not on swift-argument-parser).
struct BenchArguments {
    private var remaining: ArraySlice<String>

    init(_ arguments: [String]) { remaining = arguments.dropFirst() }

    static func parse(_ arguments: [String]) throws -> BenchCommand {
        var parser = BenchArguments(arguments)
        return try parser.command()
    }

    private mutating func command() throws -> BenchCommand {
        guard let verb = remaining.popFirst() else { return .help }
        switch verb {
        case "-h", "--help", "help": return .help
        case "generate": return try generate()
        case "logs": return try logs()
        case "render": return try render()
        case "keys": return try keys()
        case "console": return try console()
        case "probes": return try probes()
        case "kube": return try kube()
        case "kube-console": return try kubeConsole()
        case "_in-process":
            let name = try value(for: verb)
            let file = try value(for: verb)
            return .inProcess(name: name, file: file)
        default: throw BenchError("unknown command '\(verb)' (try --help)")
        }
    }

    private mutating func generate() throws -> BenchCommand {
        var options = GenerateOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--lines": options.lines = try count(for: flag)
            case "--seed": options.seed = try seed(for: flag)
            case "--out": options.out = try value(for: flag)
            case "--manifest": options.manifest = try value(for: flag)
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for generate (try --help)")
            }
        }
        guard !options.out.isEmpty else { throw BenchError("generate needs --out PATH") }
        return .generate(options)
    }

    private mutating func logs() throws -> BenchCommand {
        var options = LogsOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--lines": options.lines = try count(for: flag)
            case "--seed": options.seed = try seed(for: flag)
            case "--file": options.file = try value(for: flag)
            case "--keep": options.keep = true
            case "--json": options.json = true
            case "--runs": options.runs = try count(for: flag)
            case "--skip-jq": options.skipJQ = true
            case "--skip-lnav": options.skipLnav = true
            case "--skip-opsdeck": options.skipOpsdeck = true
            case "--command": options.commands.append(try CommandTemplate.split(try value(for: flag)))
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for logs (try --help)")
            }
        }
        return .logs(options)
    }

    private mutating func render() throws -> BenchCommand {
        var options = RenderOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--records": options.records = try count(for: flag)
            case "--frames": options.frames = try count(for: flag)
            case "--columns": options.columns = try count(for: flag)
            case "--rows": options.rows = try count(for: flag)
            case "--term": options.terminalType = try value(for: flag)
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for render (try --help)")
            }
        }
        return .render(options)
    }

    private mutating func keys() throws -> BenchCommand {
        var options = KeyLatencyOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--records": options.records = try count(for: flag)
            case "--rate": options.rate = try count(for: flag)
            case "--presses": options.presses = try count(for: flag)
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for keys (try --help)")
            }
        }
        return .keys(options)
    }

    private mutating func console() throws -> BenchCommand {
        var options = ConsoleOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--containers": options.containers = try count(for: flag)
            case "--runs": options.runs = try count(for: flag)
            case "--image": options.image = try value(for: flag)
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for console (try --help)")
            }
        }
        return .console(options)
    }

    private mutating func probes() throws -> BenchCommand {
        var options = ProbesOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--probes": options.probes = try count(for: flag)
            case "--interval": options.interval = try count(for: flag)
            case "--seconds": options.seconds = Double(try count(for: flag))
            case "--skip-curl": options.skipCurl = true
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for probes (try --help)")
            }
        }
        return .probes(options)
    }

    private mutating func kube() throws -> BenchCommand {
        var options = KubeOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--deployments": options.deployments = try count(for: flag)
            case "--pods": options.pods = try count(for: flag)
            case "--runs": options.runs = try count(for: flag)
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for kube (try --help)")
            }
        }
        return .kube(options)
    }

    private mutating func kubeConsole() throws -> BenchCommand {
        var options = KubeConsoleOptions()
        while let flag = remaining.popFirst() {
            switch flag {
            case "--deployments": options.deployments = try count(for: flag)
            case "--pods": options.pods = try count(for: flag)
            case "--runs": options.runs = try count(for: flag)
            case "--presses": options.presses = try count(for: flag)
            case "--server": options.server = try value(for: flag)
            case "--url": options.url = try value(for: flag)
            case "-h", "--help": return .help
            default: throw BenchError("unknown option '\(flag)' for kube-console (try --help)")
            }
        }
        return .kubeConsole(options)
    }

    private mutating func value(for flag: String) throws -> String {
        guard let value = remaining.popFirst() else { throw BenchError("\(flag) needs a value") }
        return value
    }

    /// A positive count: `200000`, `200_000`, `200k`, `1M`.
    private mutating func count(for flag: String) throws -> Int {
        let text = try value(for: flag).replacingOccurrences(of: "_", with: "")
        var multiplier = 1
        var digits = Substring(text)
        switch text.last {
        case "k", "K": multiplier = 1_000; digits = digits.dropLast()
        case "m", "M": multiplier = 1_000_000; digits = digits.dropLast()
        default: break
        }
        guard let number = Int(digits), number > 0 else {
            throw BenchError("\(flag) needs a positive number, got '\(text)'")
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw BenchError("\(flag) \(text) is too large") }
        return product
    }

    private mutating func seed(for flag: String) throws -> UInt64 {
        let text = try value(for: flag)
        guard let seed = UInt64(text) else { throw BenchError("\(flag) needs an unsigned integer, got '\(text)'") }
        return seed
    }
}
