import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// Errors, resizing, quitting and signals: the program stays up when it should and always
/// gives the terminal back.
@Suite("Terminal lifecycle")
struct TerminalLifecycleTests {
    @Test("A wrong key shows “Invalid access token”, the program keeps running, and q exits 0")
    func wrongKey() async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox, key: "wrong") { tmux in
                try await tmux.waitFor(text: "Invalid access token (the key from TAVUS_API_KEY)")
                #expect(tmux.exitStatus() == nil, "the program ended after the error")
                try await tmux.press("?")
                try await tmux.waitFor(text: "┌─ Keys")
                try await tmux.press("Escape")
                try await tmux.waitFor("the help closed") { !$0.contains("┌─ Keys") }
                #expect(sandbox.requestCount >= 1)
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
            }
        }
    }

    @Test("Resizing redraws: side by side at 140×40, and the header still there at 50×15")
    func resize() async throws {
        try await withSandbox(count: 60) { sandbox in
            let all = sandbox.conversations
            let selected = all[0]
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor("the first page") { $0.lines[2].hasPrefix("▶" + selected.id) }
                try await tmux.press("Enter")
                try await tmux.waitFor("the detail pane over the list at 100×30") { screen in
                    screen.contains("ID         \(selected.id)") && !screen.lines.contains { $0.hasPrefix("▶" + selected.id) }
                }

                try await tmux.resize(columns: 140, rows: 40)
                try await tmux.waitFor("the list and the pane side by side at 140×40") { screen in
                    screen.lines.count == 40
                        && screen.lines.contains { $0.hasPrefix("▶" + selected.id.prefix(7)) && $0.contains("│ Name ") }
                        && screen.lines.contains { $0.hasPrefix(" " + all[1].id.prefix(7)) && $0.contains("│ ID         \(selected.id)") }
                        && screen.header.hasSuffix("? help")
                }

                try await tmux.resize(columns: 50, rows: 15)
                let pages = SandboxServer.pageCount(all.count, limit: 20)
                try await tmux.waitFor("the compact header at 50×15") { screen in
                    screen.lines.count == 15
                        && screen.header.hasPrefix(" Tavus  all  page 1/\(pages)  \(all.count) total")
                        && screen.lines.allSatisfy { $0.count <= 50 }
                        && screen.contains("ID         \(selected.id)")
                }
            }
        }
    }

    @Test("q exits 0 and gives back the normal screen with the cursor shown")
    func quitRestoresTerminal() async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor(text: "30 total")
                #expect(try await tmux.display("#{alternate_on}") == "1", "the program should draw on the alternate screen")
                #expect(try await tmux.display("#{cursor_flag}") == "0", "the program should hide the cursor")
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
                #expect(try await tmux.display("#{alternate_on}") == "0")
                #expect(try await tmux.display("#{cursor_flag}") == "1")
                let screen = try await tmux.capture()
                #expect(!screen.contains("Tavus conversations"), "the browser's screen is still showing:\n\(screen)")
            }
        }
    }

    @Test("An ending signal restores the terminal and exits with 128 + the signal",
          arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129))])
    func signalRestoresTerminal(signal: Int32, expectedStatus: Int32) async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor(text: "30 total")
                #expect(try await tmux.display("#{alternate_on}") == "1")
                let pid = try await tmux.programPID()
                #expect(kill(pid, signal) == 0)
                #expect(try await tmux.waitForExit() == expectedStatus)
                #expect(try await tmux.display("#{alternate_on}") == "0")
                #expect(try await tmux.display("#{cursor_flag}") == "1")
            }
        }
    }
}
