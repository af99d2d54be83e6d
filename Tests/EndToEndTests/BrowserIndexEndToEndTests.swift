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
                try await tmux.waitFor(regex: "1 match for “\(phrase)” in the index")
                try await tmux.press("Enter")
                // The list's line of the hit holds the phrase too: the pane is known by its title.
                let pane = try await tmux.waitFor("the pane with the turn") { screen in
                    screen.matches("┌─ Conversation  [0-9]+-") && screen.lines.filter { $0.contains("account reference is") }.count >= 1
                }
                // Scrolled down to the turn (the title says which lines show), which is on screen.
                let title = try #require(pane.lines.first { $0.contains("┌─ Conversation") }, "\(pane)")
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

    @Test("Pages turned faster than they are written all go into the index, and search finds a row of the last")
    func pagesTurnedQuicklyAreAllWrittenThrough() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        try await withSandbox(count: 200) { sandbox in
            try await withBrowser(against: sandbox, ["--index-path", indexPath, "--limit", "20"], columns: 140, rows: 30) { tmux in
                try await tmux.waitFor(text: "page 1/10")
                for _ in 0..<7 { try await tmux.press("n") }
                try await tmux.waitFor(text: "page 8/10")
                // Pages 1 to 8, each with 20 rows, and the 9th fetched ahead.
                try await tmux.waitFor(regex: "indexed (1[6-9][0-9]|200) of 200 · never synced")
            }
            let last = sandbox.conversations[159]
            let found = try await runBrowse(["search", last.id, "--index-path", indexPath, "--format", "tsv"])
            #expect(found.status == 0, "stderr: \(found.standardError)")
            #expect(found.standardOutput.contains(last.id), "page 8's last row: \(found.standardOutput)")
        }
    }

    @Test("200 pages turned, then q at once: the next --offline run holds every row that was on screen")
    func pagesTurnedJustBeforeQuitReachTheIndex() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        var address = ""
        try await withSandbox(count: 2_000) { sandbox in
            address = sandbox.baseURL.absoluteString
            // A disk slower than the paging, so pages still wait for the writer at q.
            try await withBrowser(against: sandbox, ["--index-path", indexPath, "--limit", "10"],
                                  environment: ["TAVUS_BROWSE_TEST_WRITE_PAUSE_MS": "100"], columns: 140, rows: 30) { tmux in
                try await tmux.waitFor(text: "page 1/200")
                for number in 2...200 {
                    try await tmux.press("n")
                    try await tmux.waitFor(text: "page \(number)/200 ")
                }
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
            }
        }
        let listed = try await runBrowse(["list", "--offline", "--all", "--limit", "100", "--format", "tsv",
                                          "--index-path", indexPath, "--base-url", address])
        #expect(listed.status == 0, "stderr: \(listed.standardError)")
        let ids = Set(listed.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" })
        let summary = try await runBrowse(["index", "--index-path", indexPath])
        #expect(ids.count == 2_000, "the index holds \(ids.count) of the 2,000 rows shown: \(summary.standardOutput)")
    }

    @Test("q leaves the index as one file, its WAL folded back; Ctrl-C in --demo removes the demo's index with its folder")
    func theIndexIsClosedOnEveryWayOut() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        try await withSandbox(count: 40) { sandbox in
            try await withBrowser(against: sandbox, ["--index-path", cache.file("account.sqlite")], columns: 140, rows: 30) { tmux in
                try await tmux.waitFor(regex: "indexed (2[0-9]|3[0-9]|40) of 40")
                #expect(FileManager.default.fileExists(atPath: cache.file("account.sqlite-wal")), "the browser writes through a WAL")
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path) == ["account.sqlite"])

        let temporary = try TemporaryDirectory(prefix: "tmp")
        defer { temporary.remove() }
        try await withBrowser(["--demo"], environment: ["TMPDIR": temporary.path], columns: 140, rows: 30) { tmux in
            try await tmux.waitFor(text: "300 total")
            let folders = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            #expect(folders.count == 1 && folders[0].hasPrefix("tavus-browse-demo-"), "the demo's index: \(folders)")
            try await tmux.press("C-c")
            #expect(try await tmux.waitForExit() == 130)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "the demo's index was left behind")
    }

    /// Syncs a sandbox of `count` into `indexPath`; the oldest ended call's id and reference phrase.
    private func synced(_ sandbox: SandboxServer, into indexPath: String) async throws -> (id: String, phrase: String) {
        let reference = try await oldestReference(sandbox)
        let sync = try await runBrowse(["sync", "--index-path", indexPath, "--base-url", sandbox.baseURL.absoluteString],
                                       environment: ["TAVUS_API_KEY": sandbox.apiKey])
        #expect(sync.status == 0, "stderr: \(sync.standardError)")
        return reference
    }

    @Test("--offline with the sandbox stopped shows the rows, searches every transcript and opens a record")
    func offlineWithTheSandboxStopped() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        var address = ""
        var newest = ""
        let (id, phrase) = try await withSandbox(count: 120) { sandbox in
            address = sandbox.baseURL.absoluteString
            newest = try #require(sandbox.conversations.first?.id)
            return try await synced(sandbox, into: indexPath)
        }
        try await withBrowser(["--offline", "--index-path", indexPath, "--base-url", address], columns: 140, rows: 30) { tmux in
            // The header can be drawn before the page: wait for both.
            let screen = try await tmux.waitFor("page 1 from the index") { screen in
                screen.text.contains("offline · synced just now") && screen.text.contains(newest)
            }
            #expect(screen.text.contains("120 total"))
            try await tmux.press("n")
            try await tmux.waitFor(text: "page 2/6")
            try await tmux.press("/")
            for character in phrase { try await tmux.press(String(character)) }
            try await tmux.waitFor("the one hit, counted in the prompt") { screen in
                screen.text.contains(id) && (screen.lines.last ?? "").contains("1 match")
            }
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "1 match for “\(phrase)” in the index")
            try await tmux.press("Enter")
            try await tmux.waitFor("the record's pane, from the index") { screen in
                screen.matches("┌─ Conversation  [0-9]+-") && screen.text.contains("Transcript")
            }
            try await tmux.press("Escape")
            try await tmux.press("S")
            try await tmux.waitFor(text: "Offline: a sync needs the API")
        }
    }

    @Test("With an index, the first page is drawn from it before a slow API answers, marked so until the API's page replaces it")
    func theFirstPageComesFromTheIndexAtOnce() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        try await withSandbox(count: 60) { sandbox in
            _ = try await synced(sandbox, into: indexPath)
            let newest = try #require(sandbox.conversations.first)
            sandbox.setLatency(milliseconds: 2_500)
            // At the default --limit and at one the sync never used: the index knows the list's order.
            for limit in [[], ["--limit", "7"]] {
                try await withBrowser(against: sandbox, ["--index-path", indexPath] + limit, columns: 140, rows: 30) { tmux in
                    // The header can be drawn a moment before the rows under it: wait for both.
                    let early = try await tmux.waitFor("the index's page") { screen in
                        screen.text.contains("from the index · revalidating…") && screen.text.contains(newest.id)
                    }
                    #expect(early.text.contains("loading page 1…"), "the API has not answered yet")
                    try await tmux.waitFor("the API's page") { screen in
                        !screen.text.contains("from the index") && screen.text.contains("loaded ·") && screen.text.contains(newest.id)
                    }
                }
            }
        }
    }

    @Test("When the API cannot be reached at launch, the browser shows the index instead, and says so")
    func anUnreachableAPIFallsBackOnTheIndex() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        var address = ""
        var newest = ""
        try await withSandbox(count: 60) { sandbox in
            address = sandbox.baseURL.absoluteString
            newest = try #require(sandbox.conversations.first?.id)
            _ = try await synced(sandbox, into: indexPath)
        }
        try await withBrowser(["--index-path", indexPath, "--base-url", address, "--timeout", "3"],
                              environment: ["TAVUS_API_KEY": "test"], columns: 140, rows: 30) { tmux in
            let screen = try await tmux.waitFor(text: "The API cannot be reached", timeout: .seconds(20))
            #expect(screen.text.contains(newest))
            #expect(screen.text.contains("offline · synced just now"))
        }
    }

    @Test("--sync starts the sync at launch; --offline refuses --sync and needs an index that is there")
    func syncAtLaunchAndOfflineMisuse() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let indexPath = cache.file("account.sqlite")
        try await withSandbox(count: 80) { sandbox in
            try await withBrowser(against: sandbox, ["--index-path", indexPath, "--sync"], columns: 140, rows: 30) { tmux in
                try await tmux.waitFor(regex: "Synced: 80 conversations, [0-9,]+ records fetched", timeout: .seconds(60))
                try await tmux.waitFor(text: "indexed 80 of 80 · synced just now")
            }
        }
        let both = try await runBrowse(["--offline", "--sync", "--index-path", indexPath])
        #expect(both.status == 2)
        #expect(both.standardError.contains("--offline and --sync cannot be used together"), "stderr: \(both.standardError)")
        let missing = try await runBrowse(["--offline", "--index-path", cache.file("none.sqlite")])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("run `tavus-browse sync` first"), "stderr: \(missing.standardError)")
        #expect(!FileManager.default.fileExists(atPath: cache.file("none.sqlite")), "--offline makes no index")
    }
}
