#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// NIO's and BoringSSL's errors as `HTTPClientError`s, whose descriptions a person can act on.
enum HTTPErrorMapping {
    /// A failure to connect to `host` (`authority` is `host:port` as messages name it).
    static func connectFailure(_ error: any Error, host: String, authority: String, timeout: Duration) -> any Error {
        switch error {
        case let error as HTTPClientError:
            return error
        case is CancellationError:
            return error
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first {
                // Every address refused, or failed otherwise: the first failure speaks for them.
                if error.connectionErrors.allSatisfy({ errno(of: $0.error) == ECONNREFUSED }) {
                    return HTTPClientError.connectionRefused(authority: authority)
                }
                return connectFailure(first.error, host: host, authority: authority, timeout: timeout)
            }
            return HTTPClientError.cannotResolve(host: host)
        case let error as ChannelError:
            if case .connectTimeout = error { return HTTPClientError.timedOut(after: timeout, phase: .connecting) }
            return HTTPClientError.connectionFailed(authority: authority, reason: "\(error)")
        case is SocketAddressError:
            return HTTPClientError.cannotResolve(host: host)
        default:
            if let code = errno(of: error) {
                if code == ECONNREFUSED { return HTTPClientError.connectionRefused(authority: authority) }
                return HTTPClientError.connectionFailed(authority: authority, reason: strerrorText(code))
            }
            return HTTPClientError.connectionFailed(authority: authority, reason: "\(error)")
        }
    }

    static func exchangeFailure(_ error: any Error, phase: HTTPExchangePhase) -> any Error {
        switch error {
        case let error as HTTPClientError:
            return error
        case let error as NIOSSLError:
            switch error {
            case .handshakeFailed(let boringError):
                return HTTPClientError.tlsHandshakeFailed(reason(boringError))
            case .uncleanShutdown:
                return HTTPClientError.connectionClosed(phase: phase)
            default:
                return phase == .tlsHandshake ? HTTPClientError.tlsHandshakeFailed("\(error)")
                    : HTTPClientError.malformedResponse("TLS: \(error)")
            }
        case let error as HTTPParserError:
            return HTTPClientError.malformedResponse("\(error)")
        default:
            if let code = errno(of: error) {
                if code == ECONNRESET || code == EPIPE { return HTTPClientError.connectionClosed(phase: phase) }
                return HTTPClientError.malformedResponse(strerrorText(code))
            }
            return HTTPClientError.malformedResponse("\(error)")
        }
    }

    private static func errno(of error: any Error) -> Int32? {
        (error as? IOError)?.errnoCode
    }

    private static func strerrorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// BoringSSL's reasons (`error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER at
    /// file:line`, with or without the `error:`) as words: `wrong version number`. Several are joined
    /// with `; `.
    static func reason(_ error: BoringSSLError) -> String {
        switch error {
        case .sslError(let stack), .unknownError(let stack):
            let reasons = stack.map { reasonWords("\($0)") }.filter { !$0.isEmpty }
            return reasons.isEmpty ? "the server ended it" : reasons.joined(separator: "; ")
        case .syscallError, .zeroReturn:
            return "the server closed the connection"
        default:
            return "\(error)"
        }
    }

    static func reasonWords(_ text: String) -> String {
        var code = Substring(text)
        if let end = code.range(of: " at ", options: .backwards) { code = code[..<end.lowerBound] }
        // The reason is the last colon-separated field, an upper-case identifier.
        guard let last = code.split(separator: ":").last,
              !last.isEmpty, last.utf8.allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "_") })
        else { return String(code) }
        return last.lowercased().replacingOccurrences(of: "_", with: " ")
    }
}
