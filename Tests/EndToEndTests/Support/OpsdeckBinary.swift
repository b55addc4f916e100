import Foundation
import Testing

/// The `opsdeck` executable this package built, for tests that run it as a user would.
///
/// `swift test` builds the package's executables along with the tests and puts them beside the test
/// bundle (`.build/<triple>/debug/`), which is where this looks first; `scripts/test` also runs
/// `swift build` beforehand. Set `OPSDECK_BINARY` to test another build.
enum OpsdeckBinary {
    static func path() throws -> String {
        if let chosen = ProcessInfo.processInfo.environment["OPSDECK_BINARY"], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else { throw OpsdeckBinaryError.notFound([chosen]) }
            return chosen
        }
        let candidates = [besideTestBundle, inPackageBuildFolder].compactMap { $0 }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw OpsdeckBinaryError.notFound(candidates)
        }
        return found
    }

    /// Runs `opsdeck` to its end: see `ChildProcess` for how. Fails the test if it overruns `timeout`.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:],
                    currentDirectory: String? = nil, timeout: Duration = .seconds(30),
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildResult {
        let child = try start(arguments, input: stdin.map(ChildInput.bytes) ?? .none,
                              environment: environment, currentDirectory: currentDirectory)
        return child.wait(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Starts `opsdeck` and returns at once, for tests that talk to it while it runs (`--follow`).
    static func start(_ arguments: [String], input: ChildInput = .none, environment: [String: String] = [:],
                      currentDirectory: String? = nil) throws -> ChildProcess {
        try ChildProcess(try path(), arguments, input: input, environment: environment,
                         currentDirectory: currentDirectory)
    }

    /// The test process is the bundle's executable on Linux; its folder holds the package's products.
    private static var besideTestBundle: String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("opsdeck").path
    }

    /// `.build/debug` is SwiftPM's link to the folder of the last debug build.
    private static var inPackageBuildFolder: String? {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // EndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/opsdeck").path
    }
}

enum OpsdeckBinaryError: Error, CustomStringConvertible {
    case notFound([String])

    var description: String {
        "no opsdeck executable at \(self.paths.joined(separator: " or ")); run `swift build` first"
    }

    private var paths: [String] {
        switch self { case .notFound(let paths): paths }
    }
}
