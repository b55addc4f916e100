import Foundation
import Testing
@testable import OpsCore

/// The captured docker outputs in Fixtures/docker (see its README) and the ids and times in them.
enum DockerFixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/docker"),
                               "missing fixture Fixtures/docker/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }

    static func lines(_ name: String) throws -> [String] {
        try text(name).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    // Container ids of the capture, by name.
    static let hostile = "b7cefb0e7dbd38b8b55875e9d895f17556a796ec35ce632a29eea71fba38ff57"
    static let oom = "4d06a416c837380a9c81ec0ead8774084aa5aec7e76fb24351de6f248f59da20"
    static let paused = "3df8ae8e4af7df0908beafff776c8aa3c2fcc7747eaafea314b36558de37baaf"
    static let created = "d4536a92b56a103643714cb259d5f93c04a672637a10aa881688091bb24aa7e2"
    static let killed = "cced301652d82b945e49c913f7f33dfb7ee7b757ab3a56335c31a9c61b0d86b6"
    static let stopped = "127cb5c11f870a5fa89372b5933037f6deea4f978bba597174f854a63c78dd2b"
    static let productionWorker = "0cc91e289847d19e5397f6f0d52231ba199a3fde62eed169edcfaa804a266df8"
    static let productionAPI = "ae0deccfbce61932a983c3d0871903175bf8f9ae2cf9d4971ff3c94f3a94ad75"
    static let logger = "9bbbe73d92ceee7026db4274f4110bab0cf40194b533d2281e0c00d88fe44041"
    static let stagingWorker = "b2afdcd7d8693474ec87a6c1ac552493568855de0426a26dd5760d45efcb879b"
    static let stagingAPI = "be6bc4018c42ee6d877203af708e1de3a2bfd9166c33947ecb04a0078364b247"
    static let crashLoop = "8a3a8db71ad91a14842f5d45b501f390ef1a58c8229f97b785f0aee3d1c2ead4"
    static let sick = "d095dd82ebbeb42cd235180ca78d12dac8d0e7311f819ba5ee4f9293fd70c12d"
    /// `docker ps` order: newest first.
    static let psOrder = [hostile, oom, paused, created, killed, stopped, productionWorker, productionAPI, logger,
                          stagingWorker, stagingAPI, crashLoop, sick]

    // Image ids.
    static let busyboxImage = "sha256:0780d39f6d7ca66481155d2dac8c1ceeab4556ba63a034cb3827170421f4b5be"
    static let web140 = "sha256:5dd7268c871e5ac154ee61c4ba5a6c75b92d856f27a5d4056ee04dd5fcef6605"
    static let web150 = "sha256:b3a999d458f4457e111be1816561acab0d3cdb650fcf9053c8f30f740cb5514b"
    /// The `org.opencontainers.image.revision` of web:1.5.0 and web:1.4.0.
    static let revision150 = "874a6b521594c55e69da91ccd19c5949b9e6833f"
    static let revision140 = "4602922f1827c324ed6d6cecd4a3914dc70869ec"

    /// The compose service label of fx-hostile: shell metacharacters, one argument all the same.
    static let hostileService = "api$(touch /tmp/pwned);echo `id` | x"
    static let escapeLabel = "\u{1B}[31mred\u{1B}[0m\u{1B}]0;title\u{07}"
    static let escapeHealthOutput = "\u{1B}[31mred\u{1B}[0m \u{1B}]0;pwned\u{07} ok\n"

    /// A UTC time in whole seconds plus nanoseconds.
    static func time(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                     nanoseconds: Int64 = 0) -> LogTimestamp {
        LogTimestamp(secondsSinceEpoch: CivilTime(year: year, month: month, day: day, hour: hour, minute: minute,
                                                  second: second).secondsSinceEpoch, nanoseconds: nanoseconds)
    }
}

/// A runner that answers like `FakeCommandRunner` and also keeps every `Command` whole, so a test
/// can check environments and deadlines as well as argv.
final class RecordingRunner: CommandRunner, @unchecked Sendable {
    let fake = FakeCommandRunner()
    private let lock = NSLock()
    private var recorded: [Command] = []

    var commands: [Command] { lock.withLock { recorded } }

    func run(_ command: Command) async throws -> CommandResult {
        lock.withLock { recorded.append(command) }
        return try await fake.run(command)
    }

    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        lock.withLock { recorded.append(command) }
        return try await fake.stream(command, onLine: onLine)
    }
}

/// The argv of the provider's reads, `docker` first, as the fake runner expects them.
enum DockerArgv {
    static let ps = ["docker", "ps", "-a", "--no-trunc", "--format", "{{json .}}"]
    static func inspect(_ ids: [String]) -> [String] { ["docker", "inspect", "--type", "container"] + ids }
    static func imageInspect(_ ids: [String]) -> [String] { ["docker", "image", "inspect"] + ids }
    static func imageList(_ repository: String) -> [String] {
        ["docker", "image", "ls", "--no-trunc", "--format", "{{json .}}", repository]
    }
}
