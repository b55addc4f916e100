import Foundation
import Testing
@testable import OpsCore

/// `ConfigLoader.load(path:)`: what reading a file adds to parsing text.
@Suite struct ConfigFileTests {
    /// A fresh folder, removed by the caller's `defer`.
    static func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func loadError(_ path: String) -> ConfigError? {
        do {
            _ = try ConfigLoader.load(path: path)
            Issue.record("\(path) loaded")
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func loadsAFileAndNamesItInIssues() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yml")
        try ConfigExample.minimal.write(to: good, atomically: true, encoding: .utf8)
        #expect(try ConfigLoader.load(path: good.path).services.map(\.name) == ["api"])
        let bad = folder.appendingPathComponent("bad.yml")
        try "environments:\n  staging: {protectd: true}\n".write(to: bad, atomically: true, encoding: .utf8)
        let error = try #require(loadError(bad.path))
        #expect(error.issues.map(\.description).contains { $0.hasPrefix("\(bad.path):2:13: unknown key \"protectd\"") })
    }

    @Test func aMissingFileOrAFolderIsAnIssueAtTheStart() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.yml").path
        #expect(loadError(missing)?.description == "\(missing):1:1: no such file")
        #expect(loadError(folder.path)?.description == "\(folder.path):1:1: is a directory, not a configuration file")
    }

    @Test func nonUTF8BytesAreAnIssueAtTheirPosition() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("latin1.yml")
        // "environments:\n  caf\u{E9}:" in Latin-1: the é is the single byte 0xE9.
        try Data(Array("environments:\n  caf".utf8) + [0xE9] + Array(": {}\n".utf8)).write(to: file)
        #expect(loadError(file.path)?.description
                == "\(file.path):2:6: is not UTF-8 text: the byte 0xE9 cannot start or continue a character here")
    }

    @Test func aFileOverTheLimitIsRefusedWithoutReadingItAll() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.yml")
        try Data(repeating: UInt8(ascii: "#"), count: ConfigLoader.maximumFileBytes + 1).write(to: file)
        #expect(loadError(file.path)?.issues.first?.message.hasPrefix("is larger than 4 MB") == true)
    }

    /// A megabyte of configuration, ten thousand services: read in full, whatever its size.
    @Test func aOneMegabyteFileIsRead() throws {
        var text = "environments:\n  staging: {}\n  production: { protected: true }\nservices:\n"
        var count = 0
        while text.utf8.count < 1 << 20 {
            count += 1
            text += "  service-\(count):\n    staging: { provider: docker, project: shop-staging, service: s\(count) }\n"
                + "    production: { provider: docker, project: shop-production, service: s\(count) }\n"
        }
        let config = try ConfigLoader.parse(text: text, file: "big.yml")
        #expect(config.services.count == count)
        #expect(config.services.last?.target(in: "production")
                == .docker(DockerTarget(.compose(project: "shop-production", service: "s\(count)"))))
    }

    @Test func aOneMegabyteUnterminatedLineIsOneIssue() throws {
        let text = "environments:\n  staging: \"" + String(repeating: "x", count: 1 << 20)
        let error = try #require(ConfigText.error(text))
        #expect(error.issues.count == 1)
        #expect(error.issues.first.map { ($0.line, $0.column) } ?? (0, 0) == (2, 13 + (1 << 20)), "at the end of the stream")
        #expect(error.issues.first?.message.hasPrefix("not valid YAML: found unexpected end of stream") == true)
    }
}
