import Testing
import OpsCore
@testable import OpsUI

@Suite struct RoleTests {
    @Test func everyLevelHasItsOwnRole() {
        let roles = Set(LogLevel.allCases.map { Role.level($0) })
        #expect(roles.count == LogLevel.allCases.count)
    }
}
