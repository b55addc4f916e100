import Glibc

/// Failures the bench reports to the user and exits on (a tool that fails while being measured is
/// a row in the table, not one of these).
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// An error from a system call, with `errno`'s text.
    static func system(_ what: String, errno code: Int32 = errno) -> BenchError {
        BenchError("\(what): \(String(cString: strerror(code)))")
    }
}
