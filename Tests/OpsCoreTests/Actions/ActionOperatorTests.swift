import Foundation
import Testing
@testable import OpsCore

@Suite struct ActionOperatorTests {
    @Test func theClientIsTheFirstFieldOfSSHConnection() {
        #expect(ActionOperator.sshClient("10.0.0.7 51234 10.0.0.1 22") == "10.0.0.7")
        #expect(ActionOperator.sshClient("fe80::1 51234 fe80::2 22") == "fe80::1")
        #expect(ActionOperator.sshClient("") == nil)
        #expect(ActionOperator.sshClient(nil) == nil)
        #expect(ActionOperator.sshClient(String(repeating: "9", count: 500))?.count == 64)
    }

    @Test func thisProcessIsDescribedFromTheSystem() {
        let current = ActionOperator.current(environment: ["SSH_CONNECTION": "192.0.2.4 1 192.0.2.1 22", "USER": "ignored-when-the-database-knows"])
        #expect(current.pid == getpid())
        #expect(!current.user.isEmpty && !current.host.isEmpty)
        #expect(current.client == "192.0.2.4")
        #expect(ActionOperator.current(environment: [:]).client == nil)
        #expect(current.userAtHost == "\(current.user)@\(current.host)")
    }
}
