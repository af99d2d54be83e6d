import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The local index through the binary: `list` writing through, `sync`, `search`, `index`.
@Suite("Local index", .serialized)
struct IndexEndToEndTests {
    /// A cache folder of the test's own (`XDG_CACHE_HOME`), removed afterwards.
    func withCache<Result>(_ body: (TemporaryDirectory) async throws -> Result) async throws -> Result {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        return try await body(cache)
    }

    func browse(_ arguments: [String], _ sandbox: SandboxServer?, cache: TemporaryDirectory, key: String? = nil) async throws -> ProcessResult {
        var environment = ["XDG_CACHE_HOME": cache.path]
        environment["TAVUS_API_KEY"] = key ?? sandbox?.apiKey
        let address = sandbox.map { ["--base-url", $0.baseURL.absoluteString] } ?? []
        return try await runBrowse(arguments + address, environment: environment)
    }

    private func searchJSON(_ query: String, indexPath: String, cache: TemporaryDirectory) async throws -> [[String: Any]] {
        let result = try await browse(["search", query, "--format", "json", "--limit", "1000", "--index-path", indexPath], nil, cache: cache)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let parsed = try JSONSerialization.jsonObject(with: result.stdout)
        return try #require(parsed as? [[String: Any]], "not an array of objects: \(result.standardOutput.prefix(300))")
    }

    /// Requests for one conversation's record.
    private func recordRequests(_ sandbox: SandboxServer) -> Int {
        sandbox.requestCount { $0.path.hasPrefix("/v2/conversations/") }
    }

    @Test("sync, then search finds a transcript line of a page never listed, with the sandbox stopped and no key")
    func syncThenSearchOffline() async throws {
        try await withCache { cache in
            let indexPath = cache.file("account.sqlite")
            let (target, phrase) = try await withSandbox(count: 300) { sandbox in
                // The oldest ended call is on the last of the three pages, which nobody listed.
                let oldest = try #require(sandbox.conversations(with: .ended).last)
                let detail = try await sandbox.client().conversation(id: oldest.id, verbose: true)
                let turn = try #require(detail.transcript.first { $0.role == "user" && !$0.content.isEmpty })
                let sync = try await browse(["sync", "--index-path", indexPath], sandbox, cache: cache)
                #expect(sync.status == 0, "stderr: \(sync.standardError)")
                #expect(sync.standardError.contains("synced 300 conversations"), "stderr: \(sync.standardError)")
                #expect(!sandbox.conversations.contains { $0.name.localizedCaseInsensitiveContains(turn.content) })
                sandbox.resetCounts()
                _ = try await searchJSON(turn.content, indexPath: indexPath, cache: cache)
                #expect(sandbox.requestCount == 0, "search made requests: \(sandbox.requestLog)")
                return (oldest.id, turn.content)
            }
            // The sandbox is stopped and there is no key: the index alone answers.
            let hits = try await searchJSON(phrase, indexPath: indexPath, cache: cache)
            let hit = try #require(hits.first { $0["id"] as? String == target }, "\(target) not among \(hits.count) hits")
            #expect(hit["match"] as? String == "user: \(phrase)")
            #expect(hit["status"] as? String == "ended")
            #expect((hit["persona"] as? [String: Any])?["name"] is String, "the persona's name: \(hit)")
        }
    }

    @Test("A second sync of an unchanged account asks for no record again; the key is in no file, another key has another file")
    func secondSyncIsCheap() async throws {
        let key = "secret-\(UUID().uuidString)"
        try await withCache { cache in
            try await withSandbox(SandboxConfiguration(apiKey: key, count: 250)) { sandbox in
                let first = try await browse(["sync"], sandbox, cache: cache)
                #expect(first.status == 0, "stderr: \(first.standardError)")
                let ended = sandbox.conversations(with: .ended).count
                #expect(recordRequests(sandbox) == ended, "one record request per ended conversation: \(ended)")
                sandbox.resetCounts()
                let second = try await browse(["sync"], sandbox, cache: cache)
                #expect(second.status == 0, "stderr: \(second.standardError)")
                #expect(recordRequests(sandbox) == 0, "records fetched again: \(sandbox.requestLog)")
                #expect(sandbox.requestCount { $0.path == "/v2/conversations" } == 3)
                #expect(second.standardError.contains("250 conversations, 0 records"), "stderr: \(second.standardError)")

                let folder = cache.file("tavus-browse")
                let files = try FileManager.default.contentsOfDirectory(atPath: folder)
                #expect(files.count == 1 && files[0].hasPrefix("index-") && files[0].hasSuffix(".sqlite"), "files: \(files)")
                let attributes = try FileManager.default.attributesOfItem(atPath: folder)
                #expect(attributes[.posixPermissions] as? Int == 0o700)
                for file in files {
                    let path = folder + "/" + file
                    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                    #expect(bytes.range(of: Data(key.utf8)) == nil, "the key is in \(file)")
                    #expect(!file.contains(key))
                }

                let mine = try await browse(["index"], sandbox, cache: cache)
                #expect(mine.standardOutput.contains(files[0]), "index: \(mine.standardOutput)")
                #expect(mine.standardOutput.contains("conversations  250 of 250"), "index: \(mine.standardOutput)")
                let other = try await browse(["index"], sandbox, cache: cache, key: key + "-other")
                #expect(other.status == 0)
                #expect(other.standardOutput.hasPrefix("no index at "), "index: \(other.standardOutput)")
                #expect(!other.standardOutput.contains(files[0]))

                let forget = try await browse(["index", "--forget"], sandbox, cache: cache)
                #expect(forget.status == 0 && forget.standardOutput.hasPrefix("forgot "), "\(forget.standardOutput)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
            }
        }
    }

    @Test("A file of garbage at the index path is moved aside, named on stderr, and replaced by the next sync")
    func garbageIsReplaced() async throws {
        try await withCache { cache in
            let indexPath = cache.file("index.sqlite")
            try Data("this is not a database, just some bytes\n".utf8).write(to: URL(fileURLWithPath: indexPath))
            try await withSandbox(count: 120) { sandbox in
                let sync = try await browse(["sync", "--index-path", indexPath], sandbox, cache: cache)
                #expect(sync.status == 0, "stderr: \(sync.standardError)")
                let aside = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("index.sqlite.corrupt-") }
                #expect(aside.count == 1)
                #expect(sync.standardError.contains("moved aside to \(cache.path)/\(aside.first ?? "?")"), "stderr: \(sync.standardError)")
                let name = try #require(sandbox.conversations.first?.name)
                #expect(try await searchJSON(name, indexPath: indexPath, cache: cache).contains { $0["name"] as? String == name })
            }
        }
    }

    @Test("A sync killed with SIGKILL leaves an index that search reads, and the next sync completes it")
    func killedSyncResumes() async throws {
        try await withCache { cache in
            let indexPath = cache.file("index.sqlite")
            try await withSandbox(SandboxConfiguration(count: 300, latencyMilliseconds: 15)) { sandbox in
                let ended = sandbox.conversations(with: .ended)
                let killed = try await ProcessRunner.run(
                    try Programs.browseBinary(), ["sync", "--index-path", indexPath, "--base-url", sandbox.baseURL.absoluteString],
                    environment: Programs.cleanEnvironment().merging(["TAVUS_API_KEY": sandbox.apiKey, "XDG_CACHE_HOME": cache.path]) { $1 },
                    killWhen: { sandbox.requestCount { $0.path.hasPrefix("/v2/conversations/") } >= 40 })
                #expect(killed.killedBySignal && killed.status == SIGKILL, "the sync finished before it was killed")
                let before = try await browse(["index", "--index-path", indexPath], nil, cache: cache)
                let stored = try #require(Self.count("records", in: before.standardOutput), "index: \(before.standardOutput)")
                #expect(stored >= 30 && stored < ended.count, "records stored before the kill: \(stored)")
                let name = try #require(sandbox.conversations.first?.name)
                #expect(try await searchJSON(name, indexPath: indexPath, cache: cache).contains { $0["name"] as? String == name })

                sandbox.resetCounts()
                let resumed = try await browse(["sync", "--index-path", indexPath], sandbox, cache: cache)
                #expect(resumed.status == 0, "stderr: \(resumed.standardError)")
                #expect(recordRequests(sandbox) <= ended.count - stored + 4, "it fetched again what was stored")
                let after = try await browse(["index", "--index-path", indexPath], nil, cache: cache)
                #expect(Self.count("records", in: after.standardOutput) == ended.count, "index: \(after.standardOutput)")
            }
        }
    }

    @Test("list writes each page it prints into the index; --no-index and --demo leave nothing in the cache")
    func listWritesThrough() async throws {
        try await withCache { cache in
            try await withSandbox(count: 60) { sandbox in
                let onPage2 = sandbox.conversations[20]
                sandbox.resetCounts()
                let list = try await browse(["list", "--page", "2"], sandbox, cache: cache)
                #expect(list.status == 0, "stderr: \(list.standardError)")
                #expect(sandbox.requestCount == 1, "list made more than its one request: \(sandbox.requestLog)")
                let found = try await browse(["search", onPage2.id, "--format", "tsv"], sandbox, cache: cache)
                #expect(found.status == 0, "stderr: \(found.standardError)")
                #expect(found.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first } == [Substring(onPage2.id)],
                        "search: \(found.standardOutput)")
                // A filtered list adds its rows but not its count as the account's.
                _ = try await browse(["list", "--status", "ended"], sandbox, cache: cache)
                let summary = try await browse(["index"], sandbox, cache: cache)
                let stored = Set(sandbox.conversations[20..<40].map(\.id)).union(sandbox.conversations(with: .ended).prefix(20).map(\.id))
                #expect(summary.standardOutput.contains("conversations  \(stored.count) of 60"), "index: \(summary.standardOutput)")
            }
            try await withCache { other in
                try await withSandbox(count: 30) { sandbox in
                    let result = try await browse(["list", "--no-index"], sandbox, cache: other)
                    #expect(result.status == 0, "stderr: \(result.standardError)")
                }
                let temporary = try TemporaryDirectory(prefix: "tmp")
                defer { temporary.remove() }
                let demo = try await runBrowse(["list", "--demo"], environment: ["XDG_CACHE_HOME": other.path, "TMPDIR": temporary.path])
                #expect(demo.status == 0, "stderr: \(demo.standardError)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: other.path).isEmpty, "something was written to the cache")
                #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "the demo's index was left behind")
            }
        }
    }

    @Test("search without an index exits 2 saying to sync first; with no hits it exits 0")
    func searchWithoutIndex() async throws {
        try await withCache { cache in
            let missing = try await browse(["search", "refund", "--index-path", cache.file("none.sqlite")], nil, cache: cache)
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("tavus-browse sync"), "stderr: \(missing.standardError)")
            try await withSandbox(count: 10) { sandbox in
                _ = try await browse(["list"], sandbox, cache: cache)
                let none = try await browse(["search", "zzzznothinglikethis"], sandbox, cache: cache)
                #expect(none.status == 0, "stderr: \(none.standardError)")
                #expect(none.standardOutput.split(separator: "\n").count == 1, "only the header: \(none.standardOutput)")
            }
        }
    }

    @Test("On a terminal, sync draws a progress line in place (count, rate, time left) and ends with its summary")
    func progressOnATerminal() async throws {
        try await withCache { cache in
            try await withSandbox(SandboxConfiguration(count: 300, latencyMilliseconds: 40)) { sandbox in
                let arguments = ["sync", "--index-path", cache.file("index.sqlite"), "--base-url", sandbox.baseURL.absoluteString]
                try await withBrowser(arguments, environment: ["TAVUS_API_KEY": sandbox.apiKey, "XDG_CACHE_HOME": cache.path], columns: 140) { tmux in
                    let bar = try await tmux.waitFor(regex: #"records \d+/\d+ \[#*-*\] \d+/s, \d+ s left"#)
                    #expect(bar.text.split(separator: "\n").filter { $0.contains("/s") }.count == 1, "one line, redrawn: \(bar.text)")
                    #expect(try await tmux.waitForExit() == 0)
                    let end = try await tmux.capture()
                    #expect(end.matches(#"synced 300 conversations, \d+ records, 37 documents, 23 guardrails, 7 objectives, 13 tools in \d+\.\d s"#), "screen: \(end.text)")
                    #expect(!end.contains("/s"), "the progress line is cleared at the end: \(end.text)")
                }
            }
        }
    }

    @Test("Two syncs into one index at once both succeed; an index that cannot be made stops sync (2) but not list; a refused key is 3")
    func sharedAndUnusableIndexes() async throws {
        try await withCache { cache in
            try await withSandbox(SandboxConfiguration(count: 200, latencyMilliseconds: 5)) { sandbox in
                let arguments = ["sync", "--index-path", cache.file("shared.sqlite")]
                async let first = browse(arguments, sandbox, cache: cache)
                async let second = browse(arguments, sandbox, cache: cache)
                let results = try await [first, second]
                #expect(results.allSatisfy { $0.status == 0 }, "stderr: \(results.map(\.standardError))")
                let summary = try await browse(["index", "--index-path", cache.file("shared.sqlite")], nil, cache: cache)
                #expect(Self.count("conversations", in: summary.standardOutput) == 200, "index: \(summary.standardOutput)")

                let unusable = "/dev/null/index.sqlite"
                let list = try await browse(["list", "--format", "tsv", "--index-path", unusable], sandbox, cache: cache)
                #expect(list.status == 0)
                #expect(list.standardOutput.split(separator: "\n").count == 21, "the list is printed all the same")
                #expect(list.standardError.contains("going on without the index"), "stderr: \(list.standardError)")
                let sync = try await browse(["sync", "--index-path", unusable], sandbox, cache: cache)
                #expect(sync.status == 2)
                #expect(sync.standardError.contains("/dev/null is not a folder"), "stderr: \(sync.standardError)")
                let refused = try await browse(["sync", "--index-path", cache.file("refused.sqlite")], sandbox, cache: cache, key: "wrong")
                #expect(refused.status == 3)
                #expect(refused.standardError.contains("Invalid access token"), "stderr: \(refused.standardError)")
            }
        }
    }

    /// The number on a line of `tavus-browse index` (`records        250`).
    static func count(_ label: String, in text: String) -> Int? {
        text.split(separator: "\n").first { $0.hasPrefix(label + " ") }
            .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
            .flatMap { Int($0) }
    }
}

/// The cache folder is not followed when it is a symbolic link.
@Suite("Index path", .serialized)
struct IndexPathEndToEndTests {
    @Test("A symlinked cache folder is refused: sync exits 2 naming it, the browser goes on without the index and says why")
    func aSymlinkedCacheFolderIsRefused() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        let elsewhere = cache.file("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cache.file("tavus-browse"), withDestinationPath: elsewhere)
        try await withSandbox(count: 30) { sandbox in
            let environment = ["XDG_CACHE_HOME": cache.path, "TAVUS_API_KEY": sandbox.apiKey]
            let sync = try await runBrowse(["sync", "--base-url", sandbox.baseURL.absoluteString], environment: environment)
            #expect(sync.status == 2, "stderr: \(sync.standardError)")
            #expect(sync.standardError.contains("the folder \(cache.file("tavus-browse")) is a symbolic link"), "stderr: \(sync.standardError)")
            try await withBrowser(against: sandbox, environment: ["XDG_CACHE_HOME": cache.path], columns: 160, rows: 30) { tmux in
                try await tmux.waitFor(text: "Going on without the index")
                try await tmux.waitFor(text: "is a symbolic link")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing was written where the link points")
        }
    }
}
