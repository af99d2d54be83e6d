import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The local index in the real browser: `/` searching it, `S` syncing it.
@Suite("The index in the browser", .serialized)
struct BrowserIndexEndToEndTests {
    /// The account reference the user gives in the oldest ended call, on the last page, which
    /// only that call's transcript holds.
    private func oldestReference(_ sandbox: SandboxServer) async throws -> (id: String, phrase: String) {
        let oldest = try #require(sandbox.conversations(with: .ended).last)
        let detail = try await sandbox.client().conversation(id: oldest.id, verbose: true)
        let turn = try #require(detail.transcript.first { $0.content.contains("account reference") }, "no reference in \(oldest.id)")
        let phrase = try #require(turn.content.components(separatedBy: "account reference is ").last?.trimmingCharacters(in: .punctuationCharacters))
        return (oldest.id, "reference " + phrase)
    }

    @Test("After a sync, / finds a phrase only a transcript on a never-visited page holds; Enter opens its pane at that turn")
    func searchFindsAPhraseOnANeverVisitedPage() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        try await withSandbox(count: 300) { sandbox in
            let (id, phrase) = try await oldestReference(sandbox)
            let sync = try await runBrowse(["sync", "--index-path", indexPath, "--base-url", sandbox.baseURL.absoluteString],
                                           environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(sync.status == 0, "stderr: \(sync.standardError)")
            sandbox.resetCounts()
            try await withBrowser(against: sandbox, ["--index-path", indexPath], columns: 140, rows: 30) { tmux in
                try await tmux.waitFor(text: "indexed 300 of 300 · synced just now")
                try await tmux.press("/")
                for character in phrase { try await tmux.press(String(character)) }
                let screen = try await tmux.waitFor("the hit \(id) with its line") { screen in
                    screen.lines.contains { $0.contains(id) } && screen.lines.contains { $0.contains("↳ user:") && $0.contains(phrase.uppercased().dropFirst(10)) }
                }
                let row = try #require(screen.lines.firstIndex { $0.contains(id) })
                #expect(screen.lines[row + 1].contains("account reference"))
                #expect(sandbox.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "15" } == 0, "page 15 was never listed")
                try await tmux.press("Enter")
                try await tmux.waitFor(regex: "1 matches for “\(phrase)” in the index")
                try await tmux.press("Enter")
                let pane = try await tmux.waitFor(text: "account reference is")
                // Scrolled down to the turn (the title says which lines show), which is on screen.
                let title = try #require(pane.lines.first { $0.contains("┌─ Conversation") })
                let first = try #require(title.firstMatch(of: /Conversation  ([0-9]+)-/).flatMap { Int($0.1) })
                #expect(first > 1, "the pane is scrolled to the turn: \(title)")
            }
        }
    }

    @Test("S syncs in the background, its progress in the footer, and then the header counts the whole account")
    func syncFromTheBrowser() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        try await withSandbox(SandboxConfiguration(count: 400, latencyMilliseconds: 20)) { sandbox in
            try await withBrowser(against: sandbox, ["--index-path", cache.file("account.sqlite")], columns: 140, rows: 30) { tmux in
                try await tmux.waitFor(regex: "indexed [0-9,]+ of 400 · never synced \\(S\\)")
                #expect(sandbox.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "10" } == 0,
                        "no sync without S")
                try await tmux.press("S")
                try await tmux.waitFor(regex: "syncing [0-9,]+/[0-9,]+ (conversations|records)")
                try await tmux.waitFor(regex: "Synced: 400 conversations, [0-9,]+ records fetched", timeout: .seconds(60))
                try await tmux.waitFor(text: "indexed 400 of 400 · synced just now")
            }
        }
    }
}
