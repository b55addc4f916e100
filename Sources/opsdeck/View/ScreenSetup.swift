import ArgumentParser
import Foundation
import OpsCurses
import OpsUI

/// What every full-screen command does before its loop: load the theme asked for (a bad one
/// falls back to the stock theme with a warning) and take the terminal (a clear error when there
/// is none).
enum ScreenSetup {
    static func open(theme name: String) throws
        -> (terminal: CursesTerminal, loaded: (theme: Theme, warning: String?)) {
        let loaded = ThemeLoader.load(named: name, searchPaths: ViewCommand.themeFolders())
        do {
            return (try CursesTerminal(useTTY: false), loaded)
        } catch {
            throw ValidationError("cannot use the terminal: \(error)")
        }
    }
}
