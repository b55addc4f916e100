import OpsCore

/// Why a theme file was refused: where (file, 1-based line and column) and what was expected.
public typealias ThemeError = FileIssue
