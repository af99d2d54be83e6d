import Foundation
import Testing
@testable import BrowseConfiguration

@Suite struct KeyCommandTests {
    @Test func theFirstLineOfOutputIsTheKey() throws {
        #expect(try KeyCommand.run("printf 'the-key\\nsecond\\n'", environment: [:]) == "the-key")
    }

    @Test func aFailureGivesTheStatusAndStderrNotTheOutput() {
        do {
            _ = try KeyCommand.run("echo the-key; echo nope >&2; exit 7", environment: [:])
            Issue.record("no error")
        } catch {
            #expect(error.description == "The key command exited with status 7: nope")
        }
    }

    @Test func aSilentCommandIsAnError() {
        #expect(throws: ConfigError("The key command printed no key")) { try KeyCommand.run("true", environment: [:]) }
    }

    @Test func aSlowCommandTimesOut() {
        let start = Date()
        #expect(throws: ConfigError("The key command gave no key within 1 s: sleep 30")) {
            try KeyCommand.run("sleep 30", environment: [:], timeLimit: 1)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func theCommandDoesNotGetOurKey() throws {
        let seen = try KeyCommand.run("echo \"[${TAVUS_API_KEY-unset}]\"", environment: ["TAVUS_API_KEY": "secret", "PATH": "/usr/bin:/bin"])
        #expect(seen == "[unset]")
    }
}
