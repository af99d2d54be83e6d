import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The browser on screen against a sandbox: pages, filters, the detail pane.
@Suite("Browsing in a terminal")
struct BrowsingTests {
    @Test("The first page shows page 1 of N, the sandbox's total and the first conversation")
    func firstPage() async throws {
        try await withSandbox(count: 137) { sandbox in
            let limit = 25
            let all = sandbox.conversations
            let pages = SandboxServer.pageCount(all.count, limit: limit)
            let ids = Set(all.map(\.id))
            try await withBrowser(against: sandbox, ["--limit", String(limit)]) { tmux in
                try await tmux.waitFor("page 1/\(pages), \(all.count) total and \(limit) rows starting with \(all[0].id)") { screen in
                    screen.header.hasPrefix(" Tavus conversations")
                        && screen.header.contains("filter: all  page 1/\(pages)  \(all.count) total")
                        && screen.lines.count == 30
                        && screen.lines[2].hasPrefix("▶" + all[0].id)
                        && screen.listRows(ids: ids).count == limit
                }
            }
        }
    }

    @Test("n and p change pages, and page 1 comes back from the cache without a new request")
    func nextAndPreviousPage() async throws {
        try await withSandbox(count: 100) { sandbox in
            let limit = 20
            let all = sandbox.conversations
            let pages = SandboxServer.pageCount(all.count, limit: limit)
            try await withBrowser(against: sandbox, ["--limit", String(limit)]) { tmux in
                try await tmux.waitFor("page 1/\(pages)") { screen in
                    screen.header.contains("page 1/\(pages)") && screen.lines[2].hasPrefix("▶" + all[0].id)
                }
                // Normally 1; more only if the first attempt failed under load and was retried.
                let firstLoad = sandbox.listRequests(page: 1, limit: limit, status: .all)
                #expect(firstLoad >= 1)
                try await tmux.press("n")
                try await tmux.waitFor("page 2/\(pages) starting with \(all[limit].id)") { screen in
                    screen.header.contains("page 2/\(pages)  \(all.count) total")
                        && screen.lines[2].hasPrefix("▶" + all[limit].id)
                        && screen.contains(all[2 * limit - 1].id)
                        && !screen.contains(all[0].id)
                }
                try await tmux.press("p")
                try await tmux.waitFor("page 1/\(pages) again, from the cache") { screen in
                    screen.header.contains("page 1/\(pages)  \(all.count) total")
                        && screen.lines[2].hasPrefix("▶" + all[0].id)
                        && !screen.contains(all[limit].id)
                        && screen.lines.last?.contains("cached") == true
                }
                // Nothing should follow: the reload's request is the only one after the first load.
                try await tmux.reloadAsProof(sandbox, limit: limit, status: .all)
                #expect(sandbox.listRequests(page: 1, limit: limit, status: .all) == firstLoad + 1,
                        "going back to page 1 requested it again: \(sandbox.requestLog)")
            }
        }
    }

    @Test("f filters to active, then ended, with the sandbox's totals and only matching rows")
    func filters() async throws {
        try await withSandbox(count: 137) { sandbox in
            let limit = 20
            let ids = Set(sandbox.conversations.map(\.id))
            let active = sandbox.conversations(with: .active)
            let ended = sandbox.conversations(with: .ended)
            try #require(!active.isEmpty && ended.count > limit)
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor(text: "\(sandbox.conversations.count) total")

                try await tmux.press("f")
                let activePages = SandboxServer.pageCount(active.count, limit: limit)
                try await tmux.waitFor("filter: active, \(active.count) total, only active rows") { screen in
                    let rows = screen.listRows(ids: ids)
                    return screen.header.contains("filter: active  page 1/\(activePages)  \(active.count) total")
                        && rows.count == min(limit, active.count)
                        && rows.allSatisfy { $0.contains("● active") && !$0.contains("ended") }
                        && screen.lines[2].hasPrefix("▶" + active[0].id)
                }

                try await tmux.press("f")
                let endedPages = SandboxServer.pageCount(ended.count, limit: limit)
                try await tmux.waitFor("filter: ended, \(ended.count) total, only ended rows") { screen in
                    let rows = screen.listRows(ids: ids)
                    return screen.header.contains("filter: ended  page 1/\(endedPages)  \(ended.count) total")
                        && rows.count == limit
                        && rows.allSatisfy { $0.contains(" ended ") && !$0.contains("active") }
                        && screen.lines[2].hasPrefix("▶" + ended[0].id)
                }
            }
        }
    }

    @Test("Enter opens the detail pane with the selected conversation's id and full URL")
    func detailPane() async throws {
        try await withSandbox(count: 40) { sandbox in
            let all = sandbox.conversations
            let chosen = all[1]
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("the first page") { $0.lines[2].hasPrefix("▶" + all[0].id) }
                try await tmux.press("j")
                try await tmux.waitFor("the second row selected") { $0.lines[3].hasPrefix("▶" + chosen.id) }
                try await tmux.press("Enter")
                try await tmux.waitFor("the detail pane of \(chosen.id)") { screen in
                    screen.contains("┌─ Conversation")
                        && screen.contains("ID         \(chosen.id)")
                        && screen.contains("URL        \(chosen.url)")
                        && screen.lines.last?.contains("Esc close") == true
                }
            }
        }
    }

    @Test("Hostile names are shown as visible text and cannot disturb the screen")
    func hostileNames() async throws {
        try await withSandbox(count: 0) { sandbox in
            let created = Timestamp(date: Date(timeIntervalSince1970: 1_790_000_000))
            func conversation(_ id: String, _ name: String, _ offset: TimeInterval) -> Conversation {
                let date = Timestamp(date: created.date!.addingTimeInterval(offset))
                return Conversation(id: id, name: name, status: .ended, url: "https://tavus.daily.co/\(id)",
                                    createdAt: date, updatedAt: date)
            }
            sandbox.setConversations([
                conversation("cevil00000000001", "\u{1B}[2J\u{1B}[31mEVIL\u{07}", 0),
                conversation("cevil00000000002", "\u{202E}txt.exe", -60),
                conversation("cplain0000000003", "Plain name", -120),
            ])
            let ids = Set(sandbox.conversations.map(\.id))
            try await withBrowser(against: sandbox) { tmux in
                let screen = try await tmux.waitFor("the escape sequence as visible text, and an intact header") { screen in
                    screen.listRows(ids: ids).count == 3
                        && screen.contains("Plain name")
                        && screen.contains("txt.exe")
                }
                let header = try Regex(#"^ Tavus conversations  127\.0\.0\.1:\d+  filter: all  page 1/1  3 total +\? help$"#)
                #expect(screen.header.wholeMatch(of: header) != nil, "header: \(screen.header)")
                #expect(screen.contains("␛[2J␛[31mEVIL"), "\(screen)")
                #expect(screen.lines[2].hasPrefix("▶cevil00000000001 ␛[2J␛[31mEVIL"), "\(screen)")
                #expect(!screen.contains("\u{202E}"), "\(screen)")
                #expect(screen.lines.count == 30)
                let colored = try await tmux.capture(colors: true)
                #expect(!colored.contains("\u{1B}[2J"), "the name's escape sequence reached the terminal")
            }
        }
    }

    @Test("--demo says DEMO in the header")
    func demoHeader() async throws {
        try await withBrowser(["--demo"]) { tmux in
            let screen = try await tmux.waitFor(regex: #"^ Tavus conversations  DEMO  filter: all  page 1/\d+  \d+ total +\? help$"#)
            #expect(screen.lines.count == 30)
        }
    }
}
