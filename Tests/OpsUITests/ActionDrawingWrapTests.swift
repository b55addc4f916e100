import Testing
@testable import OpsUI

/// The action dialog's prose breaks between words; a word too long for a line is cut like a command.
@Suite struct ActionDrawingWrapTests {
    @Test func proseBreaksBetweenWordsBehindTheIndent() {
        let lines = ActionDrawing.wrappedWords("db/production is a StatefulSet, which opsdeck lists read-only: change it with kubectl",
                                               width: 30, indent: "  ")
        #expect(lines == ["db/production is a", "  StatefulSet, which opsdeck", "  lists read-only: change it", "  with kubectl"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    @Test func aWordWiderThanALineIsCut() {
        let lines = ActionDrawing.wrappedWords("see sha256:0123456789abcdef0123456789abcdef now", width: 12, indent: "")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 12 })
        #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "") == "seesha256:0123456789abcdef0123456789abcdefnow")
        #expect(ActionDrawing.wrappedWords("", width: 10, indent: "  ") == [""])
    }
}
