import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// A server that fails, answers garbage or never answers: the browser retries what may pass,
/// says plainly what went wrong otherwise, keeps what it showed, and goes on.
@Suite("Faults from the server")
struct FaultTests {
    @Test("A 500 on the first list request is retried: page 1 appears without a key press")
    func serverErrorRetried() async throws {
        try await withSandbox(count: 60) { sandbox in
            let first = sandbox.conversations[0]
            sandbox.inject(.status(500), onPage: 1, times: 1)
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("page 1 starting with \(first.id)") { screen in
                    screen.header.contains("page 1/3  60 total") && screen.lines[2].hasPrefix("▶" + first.id)
                }
                #expect(sandbox.listRequests(page: 1, limit: 20, status: .all) == 2, "\(sandbox.requestLog)")
            }
        }
    }

    @Test("Two 429s with Retry-After: 1 are waited out: page 1 appears after the third request")
    func tooManyRequestsWaitedOut() async throws {
        try await withSandbox(count: 60) { sandbox in
            let first = sandbox.conversations[0]
            sandbox.inject(.status(429, retryAfterSeconds: 1), onPage: 1, times: 2)
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("page 1 starting with \(first.id)") { screen in
                    screen.header.contains("page 1/3  60 total") && screen.lines[2].hasPrefix("▶" + first.id)
                }
                let pageOne = sandbox.requests.filter { $0.method == "GET" && $0.path == "/v2/conversations" && $0.query["page"] == "1" }
                #expect(pageOne.count == 3, "\(sandbox.requestLog)")
                if pageOne.count == 3 {
                    // Retry-After: 1, twice: the third attempt comes no sooner than 2 s after the first.
                    let waited = pageOne[2].time.timeIntervalSince(pageOne[0].time)
                    #expect(waited >= 1.9, "the retries did not wait for Retry-After:\n\(sandbox.requestLog)")
                }
            }
        }
    }

    @Test("Truncated JSON on page 3: a readable error, page 2 stays, and browsing goes on")
    func truncatedJSONKeepsPage() async throws {
        try await withSandbox(count: 100) { sandbox in
            let all = sandbox.conversations
            let limit = 20
            let pages = SandboxServer.pageCount(all.count, limit: limit)
            // Every request for page 3, the prefetch included: the failure is never cached.
            sandbox.inject(.truncatedJSON, onPage: 3, times: nil)
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("page 1/\(pages)") { screen in
                    screen.header.contains("page 1/\(pages)") && screen.lines[2].hasPrefix("▶" + all[0].id)
                }
                try await tmux.press("n")
                try await tmux.waitFor("page 2/\(pages)") { screen in
                    screen.header.contains("page 2/\(pages)") && screen.lines[2].hasPrefix("▶" + all[limit].id)
                }
                try await tmux.press("n")
                let screen = try await tmux.waitFor("“Unreadable answer” with page 2 still shown") { screen in
                    screen.lines.last?.hasPrefix(" Unreadable answer: not valid JSON") == true
                        && screen.header.contains("page 2/\(pages)  \(all.count) total")
                        && screen.lines[2].hasPrefix("▶" + all[limit].id)
                        && screen.contains(all[2 * limit - 1].id)
                }
                #expect(screen.lines.count == 30)
                #expect(!screen.contains(all[2 * limit].id), "a row of page 3 is on screen:\n\(screen)")
                #expect(tmux.exitStatus() == nil, "the program ended after the error")
                #expect(sandbox.listRequests(page: 3, limit: limit, status: .all) >= 1)

                try await tmux.press("p")
                try await tmux.waitFor("page 1/\(pages) again, the error gone") { screen in
                    screen.header.contains("page 1/\(pages)  \(all.count) total")
                        && screen.lines[2].hasPrefix("▶" + all[0].id)
                        && !screen.contains("Unreadable answer")
                }

                sandbox.clearFaults()
                try await tmux.press("n")
                try await tmux.waitFor("page 2/\(pages)") { screen in
                    screen.header.contains("page 2/\(pages)") && screen.lines[2].hasPrefix("▶" + all[limit].id)
                }
                try await tmux.press("n")
                try await tmux.waitFor("page 3/\(pages), now that the server answers properly") { screen in
                    screen.header.contains("page 3/\(pages)  \(all.count) total")
                        && screen.lines[2].hasPrefix("▶" + all[2 * limit].id)
                }
            }
        }
    }

    @Test("A proxy's HTML error page: retried, then one readable line; r loads once the proxy recovers")
    func htmlErrorPage() async throws {
        try await withSandbox(count: 30) { sandbox in
            let first = sandbox.conversations[0]
            sandbox.inject(.htmlBody, onPage: 1, times: nil)
            try await withBrowser(against: sandbox) { tmux in
                let screen = try await tmux.waitFor("the final “HTTP 502 Bad Gateway” error, retries over") { screen in
                    screen.lines.last?.hasPrefix(" HTTP 502 Bad Gateway") == true && !screen.contains("retrying (")
                }
                // 502 is transient: the standard policy tries 4 times in all.
                #expect(sandbox.listRequests(page: 1, limit: 20, status: .all) == 4, "\(sandbox.requestLog)")
                #expect(screen.lines.count == 30)
                #expect(screen.header.hasPrefix(" Tavus conversations  127.0.0.1:"), "\(screen)")
                #expect(screen.contains("No conversations loaded"), "\(screen)")
                // The page is one cleaned-up line on the status line, not spilled over the screen.
                #expect(screen.lines.dropLast().allSatisfy { !$0.contains("html") && !$0.contains("Bad Gateway") }, "\(screen)")
                #expect(tmux.exitStatus() == nil, "the program ended after the error")

                sandbox.clearFaults()
                try await tmux.press("r")
                try await tmux.waitFor("page 1 after the reload") { screen in
                    screen.header.contains("page 1/2  30 total") && screen.lines[2].hasPrefix("▶" + first.id)
                        && !screen.contains("Bad Gateway")
                }
            }
        }
    }

    @Test("A server that never answers: “Timed out” shows within the --timeout, and q still quits at once")
    func hangingServer() async throws {
        try await withSandbox(count: 30) { sandbox in
            sandbox.inject(.hang, times: nil)
            let started = ContinuousClock.now
            try await withBrowser(against: sandbox, ["--timeout", "2"]) { tmux in
                let screen = try await tmux.waitFor(text: "Timed out", timeout: .seconds(15))
                #expect(screen.lines.last?.contains("Timed out: no answer from 127.0.0.1:\(sandbox.port) within 2 s") == true, "\(screen)")
                // The program (and so its first request) started after `started`.
                #expect(ContinuousClock.now - started >= .seconds(1.9), "“Timed out” came before --timeout 2 ran out")
                #expect(sandbox.listRequests(page: 1, limit: 20, status: .all) >= 1)

                let quitAt = ContinuousClock.now
                try await tmux.press("q")
                #expect(try await tmux.waitForExit(timeout: .seconds(3)) == 0)
                #expect(ContinuousClock.now - quitAt < .seconds(3))
                #expect(try await tmux.display("#{alternate_on}") == "0")
                #expect(try await tmux.display("#{cursor_flag}") == "1")
            }
        }
    }

    @Test("A 401 on the detail endpoint: the pane says so, and the program carries on")
    func detailUnauthorized() async throws {
        try await withSandbox(count: 30) { sandbox in
            let chosen = sandbox.conversations[0]
            sandbox.inject(.status(401), times: nil, path: "/v2/conversations/\(chosen.id)")
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("the first page") { $0.lines[2].hasPrefix("▶" + chosen.id) }
                try await tmux.press("Enter")
                try await tmux.waitFor("the pane with the events' error") { screen in
                    screen.contains("ID         \(chosen.id)")
                        && screen.contains("Events could not be loaded: 401 Unauthorized: Invalid access token")
                }
                #expect(sandbox.requestCount("GET", "/v2/conversations/\(chosen.id)") == 1, "\(sandbox.requestLog)")
                #expect(tmux.exitStatus() == nil)
                try await tmux.press("Escape")
                try await tmux.waitFor("the list again") { $0.lines[2].hasPrefix("▶" + chosen.id) && !$0.contains("┌─ Conversation") }
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
            }
        }
    }
}
