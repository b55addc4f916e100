import Foundation

/// Commands shown to the user in a form they can paste into a shell.
enum ShellQuote {
    static func join(_ argv: [String]) -> String { argv.map(quote).joined(separator: " ") }

    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=:,+@%{}".unicodeScalars.contains(scalar)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
