import Testing
@testable import OpsCore

@Suite struct StatePathsTests {
    @Test func theStateFolderFollowsXDGAndFallsBackToTheHome() {
        let xdg = StatePaths(environment: ["XDG_STATE_HOME": "/srv/state", "HOME": "/home/alice"])
        #expect(xdg.defaultJournal == "/srv/state/opsdeck/journal.jsonl")
        #expect(xdg.locksFolder == "/srv/state/opsdeck/locks")
        let home = StatePaths(environment: ["HOME": "/home/alice"])
        #expect(home.defaultJournal == "/home/alice/.local/state/opsdeck/journal.jsonl")
        let relative = StatePaths(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/alice/"])
        #expect(relative.locksFolder == "/home/alice/.local/state/opsdeck/locks", "a relative XDG_STATE_HOME is ignored")
    }

    @Test func aConfiguredJournalHasItsTildeExpandedAndRelativePathsTakenFromTheConfigFolder() {
        let paths = StatePaths(environment: ["HOME": "/home/alice"])
        #expect(paths.journal(configured: "~/audit/journal.jsonl") == "/home/alice/audit/journal.jsonl")
        #expect(paths.journal(configured: "~") == "/home/alice")
        #expect(paths.journal(configured: "/var/log/opsdeck/journal.jsonl") == "/var/log/opsdeck/journal.jsonl")
        #expect(paths.journal(configured: "audit.jsonl", configFolder: "/etc/opsdeck") == "/etc/opsdeck/audit.jsonl")
        #expect(paths.journal(configured: nil) == "/home/alice/.local/state/opsdeck/journal.jsonl")
        #expect(paths.journal(configured: "") == "/home/alice/.local/state/opsdeck/journal.jsonl")
        #expect(paths.expandingTilde("~root/j") == "/root/j")
        #expect(paths.expandingTilde("~no-such-user-here/j") == "~no-such-user-here/j")
        #expect(paths.expandingTilde("a~/j") == "a~/j")
    }
}
