#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call on a log input failed. Carries `errno` so callers can tell "no such file" from
/// "permission denied", and a message that names the path when there is one.
public enum ByteInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case openFailed(path: String, errno: Int32)
    case readFailed(errno: Int32)
    case statFailed(path: String?, errno: Int32)
    case seekFailed(errno: Int32)

    public var description: String {
        switch self {
        case .openFailed(let path, let code): "cannot open \(path): \(Self.explain(code))"
        case .readFailed(let code): "read failed: \(Self.explain(code))"
        case .statFailed(let path?, let code): "cannot stat \(path): \(Self.explain(code))"
        case .statFailed(nil, let code): "fstat failed: \(Self.explain(code))"
        case .seekFailed(let code): "seek failed: \(Self.explain(code))"
        }
    }

    static func explain(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
