import Testing
@testable import OpsUI

@Suite struct ThemeErrorTests {
    func parseError(_ yaml: String) -> ThemeError? {
        do {
            _ = try ThemeLoader.parse(yaml: yaml, file: "bad.yml")
            return nil
        } catch let error as ThemeError {
            return error
        } catch {
            Issue.record("not a ThemeError: \(error)")
            return nil
        }
    }

    @Test func unknownTopLevelKey() throws {
        let error = try #require(parseError("name: x\npallete: {}\n"))
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.contains("unknown key 'pallete' in a theme"))
        #expect(error.message.contains("did you mean 'palette'?"))
        #expect(error.message.contains("name, palette, roles"))
        #expect(error.description.hasPrefix("bad.yml:2:1: "))
    }

    @Test func unknownRoleSuggestsTheNearest() throws {
        let error = try #require(parseError("roles:\n  text: {}\n  log.eror: {fg: red}\n"))
        #expect((error.line, error.column) == (3, 3))
        #expect(error.message.contains("unknown role 'log.eror' (did you mean 'log.error'?)"))
        #expect(error.message.contains("pane.borderFocused"))
    }

    @Test func unknownStyleKey() throws {
        let error = try #require(parseError("roles:\n  text: {fg: red, italic: true}\n"))
        #expect((error.line, error.column) == (2, 19))
        #expect(error.message.contains("'italic'"))
        #expect(error.message.contains("fg, bg, bold, dim, underline, reverse"))
    }

    @Test func unknownColourNamesThePaletteAndTheLiteralForms() throws {
        let error = try #require(parseError("palette:\n  accent: 33\nroles:\n  text: {fg: acent}\n"))
        #expect((error.line, error.column) == (4, 14))
        #expect(error.message.contains("unknown colour 'acent'"))
        #expect(error.message.contains("a palette name (accent)"))
        #expect(error.message.contains("#rrggbb"))
    }

    @Test func badLiteralColours() throws {
        #expect(parseError("roles: {text: {fg: 256}}")?.message.contains("unknown colour '256'") == true)
        #expect(parseError("roles: {text: {bg: \"#12345\"}}")?.message.contains("unknown colour '#12345'") == true)
        #expect(parseError("palette: {x: chartreuse}")?.message.contains("unknown colour 'chartreuse'") == true)
        // A palette entry may only use entries above it.
        #expect(parseError("palette: {a: b, b: red}")?.message.contains("unknown colour 'b'") == true)
    }

    @Test func wrongTypes() throws {
        let bold = try #require(parseError("roles:\n  text: {bold: maybe}\n"))
        #expect((bold.line, bold.column) == (2, 16))
        #expect(bold.message == "expected true or false for bold, found 'maybe'")
        #expect(parseError("roles: {text: {bold: \"true\"}}")?.message.contains("expected true or false") == true)
        let fg = try #require(parseError("roles:\n  text:\n    fg: [red]\n"))
        #expect((fg.line, fg.column) == (3, 9))
        #expect(fg.message == "expected a colour, found a list")
        let style = try #require(parseError("roles:\n  text: red\n"))
        #expect((style.line, style.column) == (2, 9))
        #expect(style.message.hasPrefix("expected a style for text (a map of fg, bg"))
        #expect(parseError("name: [a]")?.message == "expected a theme name, found a list")
        #expect(parseError("palette: [red]")?.message == "expected a map of colour names to colours, found a list")
        #expect(parseError("roles: x")?.message == "expected a map of role names to styles, found 'x'")
        #expect(parseError("roles: {text: {fg: }}")?.message == "expected a colour, found nothing")
    }

    @Test func notAMap() throws {
        let error = try #require(parseError("# a theme\n- red\n- blue\n"))
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message == "expected a map with the keys name, palette and roles, found a list")
    }

    @Test func emptyFile() throws {
        for text in ["", "\n\n", "# only a comment\n"] {
            let error = try #require(parseError(text))
            #expect((error.line, error.column) == (1, 1))
            #expect(error.message.hasPrefix("the file is empty"))
        }
    }

    @Test func invalidYAMLAndDuplicateKeys() throws {
        let syntax = try #require(parseError("roles:\n  text: {fg: red\n"))
        #expect(syntax.message.hasPrefix("not valid YAML"))
        #expect(syntax.line >= 2)
        let duplicate = try #require(parseError("roles:\n  text: {}\n  text: {}\n"))
        #expect(duplicate.message.contains("'text'"))
    }

    @Test func paletteNamesThatReadAsColoursAreRefused() throws {
        #expect(parseError("palette: {default: red}")?.message.contains("cannot name a palette colour") == true)
        #expect(parseError("palette: {\"#123456\": red}")?.message.contains("cannot name a palette colour") == true)
        #expect(parseError("palette: {12: red}")?.message.contains("cannot name a palette colour") == true)
    }

    @Test func textFromTheFileReachesMessagesWithoutControlCharacters() throws {
        let error = try #require(parseError("roles: {\"log.\\e[2Jx\": {}}"))
        #expect(!error.message.unicodeScalars.contains { $0.value == 0x1B })
        #expect(error.message.contains("log.?[2Jx"))
        #expect(parseError("name: \"a\\e]0;pwn\\u0007\"")?.message.contains("control characters") == true)
    }
}
