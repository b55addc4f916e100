/// A YAML text read into nodes with positions, and what was wrong with it as YAML.
///
/// `root` is nil for an empty document (nothing but comments or blank lines), and when the text
/// is not YAML at all; `problems` says which. Duplicate keys are problems but leave a root: the
/// later occurrence is left out, so a reader can still report everything else in the file.
public struct YAMLDocument: Sendable {
    public var root: YAMLNode?
    public var problems: [YAMLProblem]

    public init(root: YAMLNode?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }

    /// Reads `text` (one YAML document). Never throws and never traps: every failure is a problem.
    /// Safe on any thread: the recursive work runs on a thread of its own with a large stack.
    public static func read(_ text: String) -> YAMLDocument {
        LargeStack.run { YAMLComposer(text: text).compose() } ?? YAMLDocument(root: nil, problems: [
            YAMLProblem(.syntax("the YAML reader could not run"), at: .start),
        ])
    }
}

/// Something in the text that is not valid YAML, or that YAML allows but a configuration must not.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libyaml refused the text: its problem and context, e.g. `could not find expected ':'
        /// (while scanning a simple key at 2:3)`.
        case syntax(String)
        /// A tab where YAML needs spaces: in the indentation (or, for libyaml, after a key's colon).
        case tab
        /// A key that appears twice in one map. `first` is where it first appears; nil when only
        /// the first occurrence is known (the problem's position is then that one).
        case duplicateKey(String, first: YAMLPosition?)
        /// A merge key (`<<`) whose value is not a map or a list of maps.
        case badMerge
        /// Aliases expand the document past this many values (a "billion laughs" file).
        case tooManyValues(Int)
        /// Lists and maps nest deeper than this.
        case tooDeep(Int)
    }

    public var position: YAMLPosition
    public var kind: Kind

    public init(_ kind: Kind, at position: YAMLPosition) {
        self.kind = kind
        self.position = position
    }

    /// The problem in words, with names between `quote` marks.
    public func message(quote: Character = "\"") -> String {
        switch kind {
        case .syntax(let problem):
            return "not valid YAML: \(problem)"
        case .tab:
            return "a tab where YAML allows only spaces (indentation, and after a key's colon); use spaces"
        case .duplicateKey(let key, let first?):
            return "the key \(YAMLText.quoted(key, quote: quote)) appears twice in one map (first at line \(first.line), column \(first.column))"
        case .duplicateKey(let key, nil):
            return "the key \(YAMLText.quoted(key, quote: quote)) appears twice in this map"
        case .badMerge:
            return "a merge key (<<) takes a map or a list of maps, e.g. <<: *defaults"
        case .tooManyValues(let limit):
            return "aliases expand this file to more than \(limit) values; write the values out or use fewer aliases"
        case .tooDeep(let limit):
            return "lists and maps nest more than \(limit) levels deep here"
        }
    }
}
