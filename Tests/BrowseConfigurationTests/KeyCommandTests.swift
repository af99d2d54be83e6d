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

    @Test func aCommandThatTimesOutIsKilledWithEverythingItStarted() throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("key-command-\(UUID().uuidString).pid").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        #expect(throws: ConfigError.self) {
            try KeyCommand.run("sleep 60 & echo $! > \(pidFile); wait", environment: [:], timeLimit: 1)
        }
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let grandchild = try #require(pid_t(text))
        var gone = false
        for _ in 0..<200 where !gone {
            gone = kill(grandchild, 0) != 0 || Self.isZombie(grandchild)
            if !gone { usleep(10_000) }
        }
        #expect(gone, "the command's child \(grandchild) outlived the timeout")
    }

    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] == "Z"
    }

    @Test func theCommandDoesNotGetOurKey() throws {
        let seen = try KeyCommand.run("echo \"[${TAVUS_API_KEY-unset}]\"", environment: ["TAVUS_API_KEY": "secret", "PATH": "/usr/bin:/bin"])
        #expect(seen == "[unset]")
    }
}
