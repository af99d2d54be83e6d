import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// Copying, ending a call, the transcript, search and prefetching, seen from the terminal
/// and counted at the sandbox.
@Suite("Copy, end, transcript, search, prefetch")
struct CopyAndEndTests {
    @Test("y puts exactly the selected row's URL in the clipboard (OSC 52), Y its id")
    func copyWithOSC52() async throws {
        try await withSandbox(count: 30) { sandbox in
            let all = sandbox.conversations
            let chosen = all[1]
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.acceptClipboardWrites()
                try await tmux.waitFor("the first page") { $0.lines[2].hasPrefix("▶" + all[0].id) }
                try await tmux.press("j")
                try await tmux.waitFor("the second row selected") { $0.lines[3].hasPrefix("▶" + chosen.id) }
                #expect(try await tmux.bufferCount() == 0)

                try await tmux.press("y")
                try await tmux.waitFor(text: "Copied URL \(chosen.url) to the clipboard")
                try await waitUntil("a paste buffer from OSC 52") { try await tmux.bufferCount() == 1 }
                #expect(try await tmux.newestBuffer() == chosen.url)

                try await tmux.press("Y")
                try await tmux.waitFor(text: "Copied id \(chosen.id) to the clipboard")
                try await waitUntil("a second paste buffer from OSC 52") { try await tmux.bufferCount() == 2 }
                #expect(try await tmux.newestBuffer() == chosen.id)

                let colored = try await tmux.capture(colors: true)
                #expect(!colored.contains("]52;"), "the OSC 52 sequence showed on screen")
            }
        }
    }

    @Test("E asks by name; n ends nothing; E then y sends one POST …/end and the call is ended")
    func endActiveCall() async throws {
        try await withSandbox(count: 137) { sandbox in
            let activeCount = sandbox.conversations(with: .active).count
            let active = Array(sandbox.conversations(with: .active).prefix(20))
            // A plain name, so the prompt on screen can be compared character for character.
            let index = try #require(active.firstIndex { $0.name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } },
                                     "no active conversation with a plain name on the first page")
            let chosen = active[index]
            let endPath = "/v2/conversations/\(chosen.id)/end"
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor(text: "\(sandbox.conversations.count) total")
                try await tmux.press("f")
                try await tmux.waitFor("the active filter") { screen in
                    screen.header.contains("filter: active  page 1/") && screen.lines[2].hasPrefix("▶" + active[0].id)
                }
                for _ in 0..<index { try await tmux.press("j") }
                try await tmux.waitFor("\(chosen.id) selected") { $0.lines[2 + index].hasPrefix("▶" + chosen.id) }

                try await tmux.press("E")
                try await tmux.waitFor("the question about “\(chosen.name)”") { screen in
                    screen.lines.last?.hasPrefix(" End the call “\(chosen.name)”? y/n") == true
                }
                try await tmux.press("n")
                try await tmux.waitFor("“Not ended”") { $0.lines.last?.hasPrefix(" Not ended") == true }
                // Nothing should be sent, by the time the next key's request has arrived.
                try await tmux.reloadAsProof(sandbox, status: .active)
                #expect(sandbox.requestCount("POST", endPath) == 0, "\(sandbox.requestLog)")
                #expect(sandbox.conversation(id: chosen.id)?.status == .active)

                try await tmux.press("E")
                try await tmux.waitFor("the question again") { screen in
                    screen.lines.last?.hasPrefix(" End the call “\(chosen.name)”? y/n") == true
                }
                try await tmux.press("y")
                try await tmux.waitFor("“Ended “\(chosen.name)””") { screen in
                    screen.lines.last?.hasPrefix(" Ended “\(chosen.name)”") == true
                }
                #expect(sandbox.conversation(id: chosen.id)?.status == .ended)
                // The reload after ending drops it from the active filter.
                let remaining = activeCount - 1
                try await tmux.waitFor("\(chosen.id) gone from the active list, \(remaining) total") { screen in
                    !screen.contains(chosen.id) && screen.header.contains("filter: active  page 1/")
                        && screen.header.contains("  \(remaining) total")
                }
                // Ending is never retried: exactly one POST, by the time the next key's request has arrived.
                try await tmux.reloadAsProof(sandbox, status: .active)
                #expect(sandbox.requestCount("POST", endPath) == 1, "\(sandbox.requestLog)")
                #expect(sandbox.requestCount { $0.method == "POST" } == 1, "\(sandbox.requestLog)")
            }
        }
    }

    @Test("Enter on an ended call shows its shutdown reason and transcript; one without events says so")
    func transcriptAndNoEvents() async throws {
        try await withSandbox(count: 300) { sandbox in
            let client = sandbox.client()
            var withEvents: (Conversation, ConversationDetail)?
            var withoutEvents: Conversation?
            for conversation in sandbox.conversations(with: .ended) where withEvents == nil || withoutEvents == nil {
                let detail = try await client.conversation(id: conversation.id, verbose: true)
                let events = detail.events ?? []
                if events.isEmpty {
                    if withoutEvents == nil { withoutEvents = conversation }
                } else if withEvents == nil, detail.shutdownReason != nil, detail.transcript.count >= 2 {
                    withEvents = (conversation, detail)
                }
            }
            let (told, detail) = try #require(withEvents, "no ended conversation with events and a transcript")
            let silent = try #require(withoutEvents, "no ended conversation without events")
            sandbox.setConversations([told, silent])
            let rows = sandbox.conversations
            let reason = try #require(detail.shutdownReason)
            let turns = detail.transcript
            func opening(_ turn: TranscriptTurn) -> String { String(turn.content.prefix(40)) }

            try await withBrowser(against: sandbox, rows: 70) { tmux in
                try await tmux.waitFor("the two rows") { screen in
                    screen.listRows(ids: Set(rows.map(\.id))).count == 2 && screen.lines[2].hasPrefix("▶" + rows[0].id)
                }
                if rows[0].id != told.id { try await tmux.press("j") }
                try await tmux.waitFor("\(told.id) selected") { $0.lines.contains { $0.hasPrefix("▶" + told.id) } }
                try await tmux.press("Enter")
                let screen = try await tmux.waitFor("the transcript of \(told.id)") { screen in
                    screen.contains("ID         \(told.id)")
                        && screen.contains("Transcript  \(turns.count) turns")
                }
                #expect(screen.contains("Shutdown   \(reason)"), "\(screen)")
                #expect(screen.contains(opening(turns[0])), "\(screen)")
                #expect(screen.contains(opening(turns[1])), "\(screen)")
                #expect(!screen.contains("No events recorded"))

                try await tmux.press("Escape")
                try await tmux.waitFor("the list again") { !$0.contains("┌─ Conversation") }
                let position = rows.firstIndex { $0.id == silent.id }!
                try await tmux.press(position == 0 ? "k" : "j")
                try await tmux.waitFor("\(silent.id) selected") { $0.lines[2 + position].hasPrefix("▶" + silent.id) }
                try await tmux.press("Enter")
                let empty = try await tmux.waitFor("the pane of \(silent.id) without events") { screen in
                    screen.contains("ID         \(silent.id)")
                        && screen.contains("No events recorded for this conversation")
                }
                #expect(!empty.contains("Transcript"), "\(empty)")
                #expect(!empty.contains("Shutdown "), "\(empty)")
            }
        }
    }

    @Test("Without an index, / shows only the loaded rows that match as you type; Esc brings every row back")
    func search() async throws {
        try await withSandbox(count: 60) { sandbox in
            let pageOne = Array(sandbox.conversations.prefix(20))
            let ids = Set(sandbox.conversations.map(\.id))
            func matching(_ term: String) -> [Conversation] {
                pageOne.filter { $0.name.lowercased().contains(term.lowercased()) || $0.id.lowercased().contains(term.lowercased()) }
            }
            // A word from the names that some, but not all, rows of page 1 hold.
            let candidates = ["Sales", "Onboarding", "Coaching", "review", "Support", "demo", "Interview", "Renewal", "check-in"]
            let term = try #require(candidates.first { (1..<pageOne.count).contains(matching($0).count) },
                                    "no search word fits page 1: \(pageOne.map(\.name))")
            let expected = matching(term).map(\.id)

            try await withBrowser(against: sandbox, ["--no-index"]) { tmux in
                try await tmux.waitFor("page 1") { $0.listRows(ids: ids).count == 20 && $0.lines[2].hasPrefix("▶" + pageOne[0].id) }
                try await tmux.press("/")
                try await tmux.waitFor("the search prompt") { $0.lines.last?.hasPrefix(" /█") == true }
                try await tmux.type(term)
                try await tmux.waitFor("only the \(expected.count) rows matching “\(term)”") { screen in
                    screen.lines.last?.hasPrefix(" /\(term)█") == true
                        && Self.rowIDs(screen, ids) == expected
                }

                try await tmux.press("Escape")
                try await tmux.waitFor("every row back after Esc") { screen in
                    Self.rowIDs(screen, ids) == pageOne.map(\.id) && screen.lines.last?.hasPrefix(" /") == false
                }

                // Kept with Enter, the search stays until Esc clears it.
                try await tmux.press("/")
                try await tmux.waitFor("the search prompt") { $0.lines.last?.hasPrefix(" /█") == true }
                try await tmux.type(term)
                try await tmux.waitFor("the typed word") { $0.lines.last?.hasPrefix(" /\(term)█") == true }
                try await tmux.press("Enter")
                try await tmux.waitFor("the search kept, with its count") { screen in
                    screen.lines.last?.hasPrefix(" \(expected.count) matches for “\(term)”") == true
                        && Self.rowIDs(screen, ids) == expected
                }
                try await tmux.press("Escape")
                try await tmux.waitFor("every row back after Esc") { screen in
                    Self.rowIDs(screen, ids) == pageOne.map(\.id)
                }
            }
        }
    }

    @Test("Page 2 is fetched in the background after page 1, and n then shows it from the cache")
    func prefetchNextPage() async throws {
        try await withSandbox(count: 100) { sandbox in
            let all = sandbox.conversations
            let limit = 20
            let pages = SandboxServer.pageCount(all.count, limit: limit)
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("page 1/\(pages)") { screen in
                    screen.header.contains("page 1/\(pages)") && screen.lines[2].hasPrefix("▶" + all[0].id)
                }
                try await waitUntil("a request for page 2 without a key press", detail: { sandbox.requestLog }) {
                    sandbox.listRequests(page: 2, limit: limit, status: .all) >= 1
                }
                // The request is counted when it arrives; give its answer a moment to reach the
                // cache, or n would share the request under way and show the page as “loaded”.
                try await Task.sleep(for: .milliseconds(500))
                try await tmux.press("n")
                try await tmux.waitFor("page 2/\(pages) from the cache") { screen in
                    screen.header.contains("page 2/\(pages)  \(all.count) total")
                        && screen.lines[2].hasPrefix("▶" + all[limit].id)
                        && screen.lines.last?.contains("cached") == true
                }
                #expect(sandbox.listRequests(page: 2, limit: limit, status: .all) == 1, "\(sandbox.requestLog)")
            }
        }
    }

    /// The ids of the list rows on screen, top to bottom.
    static func rowIDs(_ screen: Screen, _ ids: Set<String>) -> [String] {
        screen.listRows(ids: ids).map { line in
            String(line.drop { $0 == "▶" || $0 == " " }.prefix { $0.isLetter || $0.isNumber })
        }
    }
}
