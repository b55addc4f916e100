import Foundation
import Testing
@testable import OpsUI

/// The README's key list is generated from the keymap; this keeps the two the same.
@Suite struct ReadmeKeyTableTests {
    static let begin = "<!-- keys: opsdeck view (generated from Keymap.logView) -->"
    static let end = "<!-- /keys -->"

    @Test func theReadmeListsExactlyTheLogViewKeys() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin))
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let listed = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = Keymap<LogViewIntent>.logView.markdownTable().trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(listed == generated, "replace the README's table with:\n\(generated)")
    }
}
