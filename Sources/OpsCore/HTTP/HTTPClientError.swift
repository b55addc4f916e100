import Foundation

/// Where an exchange was when it failed, for messages that say what did not happen.
public enum HTTPExchangePhase: Sendable, Equatable {
    case connecting
    case tlsHandshake
    case waitingForAnswer
    case readingBody

    var words: String {
        switch self {
        case .connecting: "connecting"
        case .tlsHandshake: "in the TLS handshake"
        case .waitingForAnswer: "waiting for the answer"
        case .readingBody: "reading the answer"
        }
    }

    var closedWords: String {
        switch self {
        case .connecting: "while connecting"
        case .tlsHandshake: "in the TLS handshake"
        case .waitingForAnswer: "before answering"
        case .readingBody: "before the answer ended"
        }
    }
}

/// Why a request got no answer, in words a person on call reads in a table cell.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an absolute http or https URL.
    case invalidURL(String)
    /// A method or header that cannot be sent as it is (a line break in a value would start a
    /// header of its own).
    case invalidRequest(String)
    /// The name did not resolve to any address.
    case cannotResolve(host: String)
    /// Nothing listens at `authority` (`host:port`).
    case connectionRefused(authority: String)
    /// Connecting failed otherwise (network unreachable, reset).
    case connectionFailed(authority: String, reason: String)
    /// The deadline passed at `phase`.
    case timedOut(after: Duration, phase: HTTPExchangePhase)
    /// The TLS handshake failed before any certificate could be judged.
    case tlsHandshakeFailed(String)
    /// The handshake went through, but the certificate is not trusted (and the request was not
    /// `insecure`): nothing was sent. `host` is the name or address asked for.
    case certificateRejected(TLSFacts, host: String)
    /// The server closed the connection at `phase`.
    case connectionClosed(phase: HTTPExchangePhase)
    /// The server's bytes are not HTTP/1.1.
    case malformedResponse(String)
    /// The trust roots file of the client could not be used.
    case unusableTrustRoots(path: String, reason: String)

    /// The certificate facts an error carries (a rejected certificate's).
    public var tls: TLSFacts? {
        if case .certificateRejected(let facts, _) = self { return facts }
        return nil
    }

    public var description: String {
        switch self {
        case .invalidURL(let url):
            "not an http or https URL: \(url)"
        case .invalidRequest(let reason):
            "cannot send the request: \(reason)"
        case .cannotResolve(let host):
            "cannot resolve host \(host)"
        case .connectionRefused(let authority):
            "connection refused (\(authority))"
        case .connectionFailed(let authority, let reason):
            "cannot connect to \(authority): \(reason)"
        case .timedOut(let after, let phase):
            "timed out after \(CommandError.seconds(after)) \(phase.words)"
        case .tlsHandshakeFailed(let reason):
            "TLS handshake failed: \(reason)"
        case .certificateRejected(let facts, let host):
            Self.rejection(facts, host: host)
        case .connectionClosed(let phase):
            "connection closed by the server \(phase.closedWords)"
        case .malformedResponse(let reason):
            "malformed HTTP answer: \(reason)"
        case .unusableTrustRoots(let path, let reason):
            "cannot use the trusted certificates in \(path): \(reason)"
        }
    }

    private static func rejection(_ facts: TLSFacts, host: String) -> String {
        switch facts.verification {
        case .trusted:
            "certificate rejected (\(facts.subject))"
        case .expired:
            "certificate expired on \(CertificateDates.day(facts.notAfter)) (\(facts.subject))"
        case .selfSigned:
            "self-signed certificate (\(facts.subject))"
        case .wrongHost:
            "certificate is for \(facts.subjectAlternativeNames.isEmpty ? facts.subject : facts.subjectAlternativeNames.joined(separator: ", ")), not \(host)"
        case .untrusted(let reason):
            "untrusted certificate: \(reason)"
        }
    }
}
