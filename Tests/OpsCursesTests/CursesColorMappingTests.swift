import OpsUI
import Testing
@testable import OpsCurses

@Suite struct CursesColorMappingTests {
    @Test func depthFollowsColorsAndNoColor() {
        #expect(CursesColorMapping.colorDepth(colors: 256, noColor: false) == .indexed256)
        #expect(CursesColorMapping.colorDepth(colors: 16_777_216, noColor: false) == .indexed256)
        #expect(CursesColorMapping.colorDepth(colors: 16, noColor: false) == .sixteen)
        #expect(CursesColorMapping.colorDepth(colors: 8, noColor: false) == .eight)
        #expect(CursesColorMapping.colorDepth(colors: 2, noColor: false) == .none)
        #expect(CursesColorMapping.colorDepth(colors: 256, noColor: true) == .none)
    }

    @Test func defaultAndAnsiColours() {
        #expect(CursesColorMapping.colorNumber(.terminalDefault, depth: .indexed256) == -1)
        #expect(CursesColorMapping.colorNumber(.ansi(1), depth: .eight) == 1)
        #expect(CursesColorMapping.colorNumber(.ansi(9), depth: .sixteen) == 9)
        #expect(CursesColorMapping.colorNumber(.ansi(9), depth: .eight) == 1) // bright red → red
        #expect(CursesColorMapping.colorNumber(.ansi(2), depth: .none) == -1)
    }

    @Test func indexedColoursDegradeToTheNearestAnsi() {
        #expect(CursesColorMapping.colorNumber(.indexed(196), depth: .indexed256) == 196)
        #expect(CursesColorMapping.colorNumber(.indexed(196), depth: .sixteen) == 9) // (255,0,0)
        #expect(CursesColorMapping.colorNumber(.indexed(196), depth: .eight) == 1)
        #expect(CursesColorMapping.colorNumber(.indexed(21), depth: .sixteen) == 4) // (0,0,255): xterm blue is (0,0,238)
        #expect(CursesColorMapping.colorNumber(.indexed(232), depth: .sixteen) == 0) // near black
        #expect(CursesColorMapping.colorNumber(.indexed(255), depth: .eight) == 7)
        #expect(CursesColorMapping.colorNumber(.indexed(12), depth: .eight) == 4)
    }

    @Test func trueColoursGoToTheCubeOrTheGreyRamp() {
        #expect(CursesColorMapping.xterm256Index(red: 255, green: 0, blue: 0) == 196)
        #expect(CursesColorMapping.xterm256Index(red: 0, green: 0, blue: 0) == 16)
        #expect(CursesColorMapping.xterm256Index(red: 255, green: 255, blue: 255) == 231)
        #expect(CursesColorMapping.xterm256Index(red: 95, green: 135, blue: 175) == 16 + 36 + 12 + 3)
        #expect(CursesColorMapping.xterm256Index(red: 128, green: 128, blue: 128) == 244)
        #expect(CursesColorMapping.xterm256Index(red: 18, green: 18, blue: 18) == 233)
        #expect(CursesColorMapping.colorNumber(.rgb(red: 250, green: 10, blue: 5), depth: .indexed256) == 196)
        #expect(CursesColorMapping.colorNumber(.rgb(red: 250, green: 10, blue: 5), depth: .sixteen) == 9)
        #expect(CursesColorMapping.colorNumber(.rgb(red: 20, green: 190, blue: 30), depth: .eight) == 2)
    }

    @Test func pairsAreMadeOnceAndRunOutToTheDefaultPair() {
        var table = ColorPairTable(colorPairs: 3)
        var made: [[Int16]] = []
        let initPair: (Int16, Int16, Int16) -> Bool = { made.append([$0, $1, $2]); return true }
        #expect(table.pair(foreground: -1, background: -1, initPair: initPair) == 0)
        #expect(table.pair(foreground: 1, background: -1, initPair: initPair) == 1)
        #expect(table.pair(foreground: 2, background: 0, initPair: initPair) == 2)
        #expect(table.pair(foreground: 1, background: -1, initPair: initPair) == 1)
        #expect(table.pair(foreground: 3, background: 3, initPair: initPair) == 0) // only pairs 1 and 2 exist
        #expect(made == [[1, 1, -1], [2, 2, 0]])
    }

    @Test func aRefusedPairDrawsInDefaultColours() {
        var table = ColorPairTable(colorPairs: 64)
        #expect(table.pair(foreground: 300, background: 0) { _, _, _ in false } == 0)
        #expect(table.pair(foreground: 1, background: 0) { _, _, _ in true } == 1)
    }
}
