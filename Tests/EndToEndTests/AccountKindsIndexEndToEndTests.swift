import Foundation
import TavusSandbox
import Testing

/// The account's other kinds in the index: stored by `sync` (a tool without its secrets),
/// browsed with `--offline`, found by `search`.
extension IndexEndToEndTests {
    @Test("sync stores documents, guardrails, objectives and tools; --offline browses and filters them; the index holds no tool secret")
    func otherKindsOffline() async throws {
        try await withCache { cache in
            let indexPath = cache.file("index.sqlite")
            var address = ""
            let (documents, tools) = try await withSandbox(count: 30) { sandbox in
                address = sandbox.baseURL.absoluteString
                let synced = try await browse(["sync", "--index-path", indexPath], sandbox, cache: cache)
                #expect(synced.status == 0, "stderr: \(synced.standardError)")
                #expect(synced.standardError.contains("37 documents, 23 guardrails, 7 objectives, 13 tools"), "\(synced.standardError)")
                return (sandbox.listed("documents"), sandbox.listed("tools"))
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: indexPath))
            #expect(bytes.range(of: Data(AccountKinds.toolSecret.utf8)) == nil, "a tool's secret in the index file")
            let failed = documents.filter { $0.status == "error" }
            try await withBrowser(["--offline", "--index-path", indexPath, "--base-url", address], columns: 160, rows: 40) { tmux in
                try await tmux.waitFor(text: "offline · synced just now")
                try await tmux.type(":documents")
                try await tmux.press("Enter")
                try await tmux.waitFor("the documents from the index") { screen in
                    screen.contains("37 total") && screen.lines[2].hasPrefix("▶" + documents[0].name)
                }
                for filter in ["started", "processing", "ready", "error"] {
                    try await tmux.press("f")
                    try await tmux.waitFor(text: "filter: \(filter)")
                }
                try await tmux.waitFor("the documents in error, filtered offline") { screen in
                    screen.contains("\(failed.count) total") && screen.lines[2].hasPrefix("▶" + failed[0].name)
                }
                try await tmux.type(":guardrails")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "23 total")
                try await tmux.press("f")
                try await tmux.waitFor(text: "the index cannot tell guardrails apart by type (f works online)")
                try await tmux.type(":tools")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "13 total")
                try await tmux.press("Enter")
                let pane = try await tmux.waitFor(text: "Header     Authorization: •••")
                #expect(pane.contains("Auth       bearer •••") && !pane.contains(AccountKinds.toolSecret))
                try await tmux.press("Escape")
                try await tmux.press("f")
                try await tmux.waitFor("the user tools, offline") { $0.contains("filter: user") && $0.contains("10 total") }
            }
            let found = try await browse(["search", "lookup", "invoice", "--kind", "tools", "--format", "json", "--index-path", indexPath], nil, cache: cache)
            #expect(found.status == 0, "stderr: \(found.standardError)")
            let items = try #require(try JSONSerialization.jsonObject(with: found.stdout) as? [[String: Any]])
            #expect(items.map { $0["name"] as? String } == tools.filter { $0.name.hasPrefix("lookup_invoice") }.map(\.name))
            #expect(items.allSatisfy { $0["kind"] as? String == "tool" })
            #expect(!found.standardOutput.contains(AccountKinds.toolSecret))
            let table = try await browse(["search", "Pricing", "FAQ", "--index-path", indexPath], nil, cache: cache)
            #expect(table.standardOutput.contains("Also in the account"), "\(table.standardOutput)")
            #expect(table.standardOutput.contains("document  ") && table.standardOutput.contains("Pricing FAQ"))
            let wrong = try await browse(["search", "x", "--kind", "widgets", "--index-path", indexPath], nil, cache: cache)
            #expect(wrong.status == 2 && wrong.standardError.contains("--kind is conversations or one of personas"), "\(wrong.standardError)")
        }
    }
}
