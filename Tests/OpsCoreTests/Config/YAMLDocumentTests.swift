import Foundation
import Testing
@testable import OpsCore

@Suite struct YAMLDocumentTests {
    func problems(_ text: String) -> [YAMLProblem] { YAMLDocument.read(text).problems }

    @Test func positionsAreOneBasedLinesAndColumnsOfScalars() throws {
        let root = try #require(YAMLDocument.read("a:\n  b: [x, \"ü y\", z]\n").root)
        let a = try #require(root.entries?.first)
        #expect(a.key.position == YAMLPosition(line: 1, column: 1))
        let b = try #require(a.value.entries?.first)
        #expect(b.key.position == YAMLPosition(line: 2, column: 3))
        let items = try #require(b.value.items)
        #expect(items.map(\.position.column) == [7, 10, 17])
        #expect(items[1].scalar == YAMLScalar("ü y", isPlain: false))
    }

    @Test func plainScalarsAreTypedByTheCoreSchemaOnly() {
        func scalar(_ text: String, plain: Bool = true) -> YAMLScalar { YAMLScalar(text, isPlain: plain) }
        #expect(scalar("true").bool == true)
        #expect(scalar("FALSE").bool == false)
        #expect(scalar("yes").bool == nil)
        #expect(scalar("true", plain: false).bool == nil)
        #expect(scalar("~").isNull && scalar("").isNull && scalar("null").isNull)
        #expect(!scalar("null", plain: false).isNull)
        #expect(scalar("-42").integer == -42)
        #expect(scalar("99999999999999999999").integer == nil)
        #expect(scalar("1.5e3").number == 1500)
        #expect(scalar(".5").number == 0.5)
        #expect(scalar("1e").number == nil)
        #expect(scalar(".inf").isNumber && scalar(".inf").number == nil)
        #expect(scalar("12", plain: false).integer == nil)
        #expect(scalar("1.2.3").number == nil)
    }

    @Test func describesValuesForMessages() throws {
        let root = try #require(YAMLDocument.read("[~, true, 12, [1], [], {a: 1}, {}, \"a\\e[2J\"]").root)
        let words = try #require(root.items).map { $0.describe(quote: "\"") }
        #expect(words == ["nothing", "true", "a number (12)", "a list", "an empty list", "a map", "an empty map",
                          "\"a\\e[2J\""])
    }

    @Test func emptyDocumentsHaveNoRootAndNoProblems() {
        for text in ["", "\n\n", "# only a comment\n", "---\n"] {
            let document = YAMLDocument.read(text)
            #expect(document.problems.isEmpty, "\(text.debugDescription)")
            #expect(document.root == nil || document.root?.isNull == true)
        }
    }

    @Test func syntaxErrorsCarryLibyamlsPosition() throws {
        let problem = try #require(problems("a:\n  b: {c: d\n").first)
        guard case .syntax(let text) = problem.kind else { Issue.record("\(problem)"); return }
        #expect(problem.position.line == 3)
        #expect(text.contains("while parsing a flow mapping at 2:6"), "\(text)")
        #expect(problem.message().hasPrefix("not valid YAML: "))
    }

    @Test func tabsInIndentationAreNamedAsSuch() {
        #expect(problems("services:\n\tapi: {}\n") == [YAMLProblem(.tab, at: YAMLPosition(line: 2, column: 1))])
        #expect(problems("a:\n  b:\n  \t c: 1\n").first?.kind == .tab)
        #expect(problems("a:\n  b:\n  \t c: 1\n").first?.position == YAMLPosition(line: 3, column: 3))
        // A tab inside a value is fine.
        #expect(problems("a: \"x\ty\"\nb: [1,\t2]\n").isEmpty)
    }

    @Test func controlCharactersAreRefusedWithTheirPosition() throws {
        let problem = try #require(problems("a: 1\nb: x\u{1B}y\n").first)
        #expect(problem.position == YAMLPosition(line: 2, column: 5))
        #expect(problem.message().contains("U+1B"))
    }

    @Test func everyDuplicateKeyIsReportedWhereItRepeats() throws {
        let text = """
            a: 1
            b:
              x: 1
              y: 2
              x: 3
            c: {p: 1, "p": 2}
            a: 4
            a: 5
            """
        let document = YAMLDocument.read(text)
        #expect(document.problems == [
            YAMLProblem(.duplicateKey("x", first: YAMLPosition(line: 3, column: 3)), at: YAMLPosition(line: 5, column: 3)),
            YAMLProblem(.duplicateKey("p", first: YAMLPosition(line: 6, column: 5)), at: YAMLPosition(line: 6, column: 11)),
            YAMLProblem(.duplicateKey("a", first: YAMLPosition(line: 1, column: 1)), at: YAMLPosition(line: 7, column: 1)),
            YAMLProblem(.duplicateKey("a", first: YAMLPosition(line: 1, column: 1)), at: YAMLPosition(line: 8, column: 1)),
        ])
        // The first occurrence is kept, with its own text (not the disguise used to get past Yams).
        let root = try #require(document.root?.entries)
        #expect(root.map(\.keyText) == ["a", "b", "c"])
        #expect(root[0].value.text == "1")
        #expect(root[1].value.entries?.map(\.keyText) == ["x", "y"])
        #expect(document.problems[0].message() == "the key \"x\" appears twice in one map (first at line 3, column 3)")
    }

    @Test func aDuplicateBesideASyntaxErrorReportsBoth() {
        // Yams checks a map for duplicates when it ends: the inner map ends before the error.
        let found = problems("a: {x: 1, x: 2}\nb: [\n")
        #expect(found.count == 2)
        #expect(found.first == YAMLProblem(.duplicateKey("x", first: nil), at: YAMLPosition(line: 1, column: 5)))
        if case .syntax = found.last?.kind {} else { Issue.record("\(found)") }
    }

    @Test func mergeKeysMergeAndExplicitKeysWin() throws {
        let text = """
            base: &base { provider: docker, context: prod, host: x }
            other: &other { labels: 1, context: other }
            api:
              <<: [*base, *other]
              host: y
            """
        let document = YAMLDocument.read(text)
        #expect(document.problems.isEmpty)
        let api = try #require(document.root?.entries?.last?.value.entries)
        #expect(api.map(\.keyText) == ["provider", "context", "labels", "host"])
        #expect(api.map { $0.value.text } == ["docker", "prod", "1", "y"])
        #expect(problems("a: &a [1]\nb: {<<: *a}\n") == [YAMLProblem(.badMerge, at: YAMLPosition(line: 1, column: 4))])
    }

    @Test func aliasesCannotExpandWithoutBound() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let document = YAMLDocument.read(text)
        #expect(document.root == nil)
        #expect(document.problems.map(\.kind) == [.tooManyValues(YAMLComposer.valueLimit)])
    }

    @Test func nestingIsReadToAHundredLevels() {
        func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        let document = YAMLDocument.read(nested(YAMLTreeBuilder.depthLimit))
        #expect(document.problems.isEmpty)
        var node = document.root
        var levels = 0
        while let items = node?.items {
            levels += 1
            node = items.first
        }
        #expect(levels == YAMLTreeBuilder.depthLimit)
        let deeper = YAMLDocument.read(nested(YAMLTreeBuilder.depthLimit + 1))
        #expect(deeper.root == nil)
        #expect(deeper.problems == [YAMLProblem(.tooDeep(100), at: YAMLPosition(line: 1, column: 101))])
    }

    /// Configuration may be read off the main thread, whose stack can be small (512 KiB on macOS);
    /// libyaml's limit of 1000 levels takes more than that in Yams' recursion.
    @Test func libyamlsNestingLimitIsReadOnAThreadWithASmallStack() async {
        let text = String(repeating: "[", count: 999) + String(repeating: "]", count: 999)
        let problems: [YAMLProblem] = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: YAMLDocument.read(text).problems)
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(problems.map(\.kind) == [.tooDeep(YAMLTreeBuilder.depthLimit)])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let found = problems(deep)
        #expect(found.count == 1)
        #expect(found.first?.message().contains("nesting") == true, "\(found)")
    }

    @Test func onlyOneDocumentIsRead() {
        #expect(problems("a: 1\n---\nb: 2\n").count == 1)
    }

    @Test func undefinedAliasesAreProblems() {
        #expect(problems("a: *nowhere\n").count == 1)
    }
}
