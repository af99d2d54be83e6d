import Foundation
import TavusAPI
import Testing

/// The man page in the repository is what `scripts/man` makes from the program: its argument
/// definitions, its version and its key table, with the hand-written sections of the template.
@Suite("Man page")
struct ManualTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("man/tavus-browse.1 is what scripts/man makes from the built program")
    func upToDate() async throws {
        let made = try await Self.make()
        let committed = try String(contentsOfFile: Self.root + "/man/tavus-browse.1", encoding: .utf8)
        let madeLines = made.split(separator: "\n", omittingEmptySubsequences: false)
        let committedLines = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(madeLines, committedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(madeLines.count, committedLines.count)
        let same = made == committed  // compared apart, so that a failure shows the first difference, not both pages
        #expect(same, """
            man/tavus-browse.1 differs from what the program makes: run scripts/man and commit the page.
            first difference, line \(line + 1):
              committed: \(line < committedLines.count ? String(committedLines[line]) : "(end of file)")
              made:      \(line < madeLines.count ? String(madeLines[line]) : "(end of file)")
            """)
    }

    @Test("The page names the version, carries no date, and covers every option, key and section")
    func contents() async throws {
        let page = try await Self.make()
        let version = ClientConfiguration.version.replacingOccurrences(of: "-", with: #"\-"#)
        #expect(page.contains(#".TH TAVUS\-BROWSE 1 "" "tavus\-browse "# + version + #"" "User Commands""#), "the date field is empty")
        for option in ["profile", "config", "base-url", "api-key-file", "timeout", "insecure-http", "demo", "status", "limit",
                       "watch", "cache-pages", "stale-after", "no-mouse", "page", "all", "format"] {
            #expect(page.contains(#".TP"# + "\n" + #"\fB\-\-"# + option.replacingOccurrences(of: "-", with: #"\-"#) + #"\fR"#), "no --\(option)")
        }
        for section in ["SYNOPSIS", "OPTIONS", "KEYS", "CONFIGURATION", "ENVIRONMENT", "EXIT STATUS", "FILES"] {
            #expect(page.contains(".SH \(section)\n"), "no \(section)")
        }
        for key in [#"\fBn \[u2192] PgDn\fR"#, #"\fBCtrl\-C\fR"#, #"\fBo\fR"#, #"\fBE\fR"#] {
            #expect(page.contains(key), "no \(key)")
        }
        #expect(!page.contains("@"), "a placeholder was left")
    }

    /// The page as `scripts/man` makes it, from the built `tavus-man` and `tavus-browse`.
    static func make() async throws -> String {
        let result = try await ProcessRunner.run(try Programs.builtBinary("tavus-man"),
                                                 [try Programs.browseBinary(), root + "/man/tavus-browse.1.in"],
                                                 environment: Programs.cleanEnvironment())
        guard result.status == 0, !result.killedBySignal else {
            throw HarnessError("tavus-man failed (status \(result.status)): \(result.standardError)")
        }
        return result.standardOutput
    }
}
