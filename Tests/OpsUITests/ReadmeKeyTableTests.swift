import Foundation
import Testing
@testable import OpsUI

/// The README's key list is generated from the keymap; this keeps the two the same.
@Suite struct ReadmeKeyTableTests {
    static let end = "<!-- /keys -->"

    @Test func theReadmeListsExactlyTheLogViewKeys() throws {
        try expectTable("<!-- keys: opsdeck view (generated from Keymap.logView) -->",
                        Keymap<LogViewIntent>.logView.markdownTable())
    }

    @Test func theReadmeListsExactlyTheConsoleKeys() throws {
        try expectTable("<!-- keys: opsdeck console (generated from Keymap.dashboard) -->",
                        Keymap<DashboardIntent>.dashboard.markdownTable())
    }

    private func expectTable(_ begin: String, _ table: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: begin))
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let listed = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = table.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(listed == generated, "replace the README's table after \(begin) with:\n\(generated)")
    }
}
