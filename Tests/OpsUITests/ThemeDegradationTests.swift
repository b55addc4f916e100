import Testing
@testable import OpsUI

@Suite struct ThemeDegradationTests {
    func fg(_ colour: ThemeColor, _ depth: ColorDepth) -> RoleStyle {
        RoleStyle(foreground: colour).degraded(to: depth)
    }

    static let rgbTo256: [(UInt8, UInt8, UInt8, UInt8)] = [
        (0xFF, 0x5F, 0x5F, 203), (0x5F, 0x87, 0xD7, 68), (0x00, 0x00, 0x00, 16), (0xFF, 0xFF, 0xFF, 231),
        (0x80, 0x80, 0x80, 244), (0x08, 0x08, 0x08, 232), (0xEE, 0xEE, 0xEE, 255), (0x30, 0x30, 0x30, 236),
        (0xFF, 0x00, 0x01, 196), (0x10, 0x12, 0x0E, 233), (0xD7, 0xAF, 0x00, 178),
    ]

    @Test func trueColourToTheNearestOf256() {
        for (red, green, blue, index) in Self.rgbTo256 {
            #expect(fg(.rgb(red: red, green: green, blue: blue), .indexed256).foreground == .indexed(index),
                    "#\(red) \(green) \(blue)")
        }
        // What the terminal already has stays.
        #expect(fg(.indexed(9), .indexed256).foreground == .indexed(9))
        #expect(fg(.ansi(3), .indexed256).foreground == .ansi(3))
        #expect(fg(.rgb(red: 1, green: 2, blue: 3), .trueColor).foreground == .rgb(red: 1, green: 2, blue: 3))
    }

    static let to16: [(ThemeColor, UInt8)] = [
        (.rgb(red: 0xFF, green: 0x5F, blue: 0x5F), 9), (.rgb(red: 0xCD, green: 0x00, blue: 0x00), 1),
        (.rgb(red: 0x1E, green: 0x90, blue: 0xFF), 12), (.rgb(red: 0x80, green: 0x80, blue: 0x80), 8),
        (.rgb(red: 0x10, green: 0x10, blue: 0x10), 0), (.rgb(red: 0xF0, green: 0xF0, blue: 0xF0), 7), (.rgb(red: 0xFA, green: 0xFA, blue: 0xFA), 15),
        (.rgb(red: 0x00, green: 0xAF, blue: 0x00), 2), (.indexed(4), 4), (.indexed(196), 9), (.indexed(34), 2),
        (.indexed(244), 8), (.indexed(17), 0), (.indexed(19), 4), (.ansi(13), 13),
    ]

    @Test func toTheNearestOf16() {
        for (colour, index) in Self.to16 {
            #expect(fg(colour, .sixteen).foreground == .ansi(index), "\(colour)")
        }
        #expect(RoleStyle(background: .indexed(236)).degraded(to: .sixteen).background == .ansi(0))
    }

    @Test func toEightBrightBecomesBold() {
        #expect(fg(.rgb(red: 0xFF, green: 0x5F, blue: 0x5F), .eight) == RoleStyle(foreground: .ansi(1), bold: true))
        #expect(fg(.ansi(14), .eight) == RoleStyle(foreground: .ansi(6), bold: true))
        #expect(fg(.indexed(2), .eight) == RoleStyle(foreground: .ansi(2)))
        #expect(fg(.rgb(red: 0, green: 0xAF, blue: 0), .eight) == RoleStyle(foreground: .ansi(2)))
        // Grey text would turn black and vanish on a dark terminal: it becomes dim instead.
        #expect(fg(.indexed(244), .eight) == RoleStyle(foreground: .terminalDefault, dim: true))
        // Backgrounds lose brightness without turning the text bold.
        #expect(RoleStyle(background: .ansi(11)).degraded(to: .eight) == RoleStyle(background: .ansi(3)))
        #expect(RoleStyle(background: .rgb(red: 0xD7, green: 0, blue: 0)).degraded(to: .eight)
                == RoleStyle(background: .ansi(1)))
    }

    @Test func noColourKeepsAttributesAndReversesBackgrounds() {
        let error = RoleStyle(foreground: .rgb(red: 255, green: 0, blue: 0), bold: true, underline: true)
        #expect(error.degraded(to: .none) == RoleStyle(bold: true, underline: true))
        let selection = RoleStyle(foreground: .ansi(0), background: .indexed(238))
        #expect(selection.degraded(to: .none) == RoleStyle(reverse: true))
        #expect(RoleStyle(dim: true, reverse: true).degraded(to: .none) == RoleStyle(dim: true, reverse: true))
    }

    @Test func wholeThemesDegrade() {
        let eight = Theme.stock.degraded(to: .eight)
        #expect(eight.name == Theme.stock.name)
        for role in Role.allCases {
            #expect(eight.style(for: role) == Theme.stock.style(for: role).degraded(to: .eight))
            for colour in [eight.style(for: role).foreground, eight.style(for: role).background] {
                switch colour {
                case .terminalDefault: break
                case let .ansi(index): #expect(index < 8)
                default: Issue.record("\(role) kept \(colour) at 8 colours")
                }
            }
        }
    }

    @Test func depthFromTerminfoAndNoColor() {
        #expect(ColorDepth.depth(colors: -1, noColor: false) == ColorDepth.none)
        #expect(ColorDepth.depth(colors: 0, noColor: false) == ColorDepth.none)
        #expect(ColorDepth.depth(colors: 2, noColor: false) == ColorDepth.none)
        #expect(ColorDepth.depth(colors: 8, noColor: false) == .eight)
        #expect(ColorDepth.depth(colors: 16, noColor: false) == .sixteen)
        #expect(ColorDepth.depth(colors: 88, noColor: false) == .sixteen)
        #expect(ColorDepth.depth(colors: 256, noColor: false) == .indexed256)
        #expect(ColorDepth.depth(colors: 16_777_216, noColor: false) == .trueColor)
        #expect(ColorDepth.depth(colors: 256, noColor: true) == ColorDepth.none)
        #expect(ColorDepth.depth(colors: 16_777_216, noColor: true) == ColorDepth.none)
        #expect(ColorDepth.noColorRequested("1"))
        #expect(!ColorDepth.noColorRequested(""))
        #expect(!ColorDepth.noColorRequested(nil))
    }
}
