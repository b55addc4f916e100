import Foundation
import OpsCore

extension HTTPClient.TrustRoots {
    /// Whom https probes and Prometheus queries trust: only the authorities of the file
    /// `SSL_CERT_FILE` names when it is set (as curl and OpenSSL do), else the system's.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        guard let file = environment["SSL_CERT_FILE"], !file.isEmpty else { return .system }
        return .file(file)
    }
}
