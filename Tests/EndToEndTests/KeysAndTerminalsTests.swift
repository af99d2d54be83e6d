import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// Ctrl-C and Ctrl-Z as a user presses them, terminals that cannot draw, NO_COLOR and --no-mouse.
@Suite("Keys, signals and terminals")
struct KeysAndTerminalsTests {
    @Test("E then Ctrl-C ends nothing and the browser keeps running; Ctrl-C in the list quits, terminal restored")
    func ctrlC() async throws {
        try await withSandbox(count: 60) { sandbox in
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            try await withBrowser(against: sandbox, ["--status", "active"]) { tmux in
                try await tmux.waitFor("the first active row") { $0.lines[2].hasPrefix("▶" + active.id) }
                try await tmux.press("E")
                try await tmux.waitFor(text: "? y/n")
                try await tmux.press("C-c")
                try await tmux.waitFor(text: "Not ended")
                #expect(tmux.exitStatus() == nil, "Ctrl-C at the question ended the program")
                try await tmux.reloadAsProof(sandbox, status: .active)
                #expect(sandbox.requestCount { $0.method == "POST" } == 0)
                #expect(sandbox.conversation(id: active.id)?.status == .active)

                try await tmux.press("/")
                try await tmux.waitFor(text: " /")
                try await tmux.press("C-c")
                try await tmux.waitFor("the search prompt gone") { !($0.lines.last ?? "").hasPrefix(" /") }
                #expect(tmux.exitStatus() == nil)

                try await tmux.press("C-c")
                #expect(try await tmux.waitForExit() == 130)
                #expect(try await tmux.display("#{alternate_on}") == "0")
                #expect(try await tmux.display("#{cursor_flag}") == "1")
            }
        }
    }

    @Test("Ctrl-Z in a shell suspends and gives the screen back; fg brings the browser back, redrawn")
    func suspendAndResume() async throws {
        try await withSandbox(count: 30) { sandbox in
            let binary = try Programs.browseBinary()
            // A shell with job control, as a user has: only there does Ctrl-Z stop a program.
            let shell = try await TmuxSession.start("/bin/bash", ["--norc", "--noprofile", "-i"],
                                                    environment: ["TAVUS_API_KEY": sandbox.apiKey, "PS1": "shell$ "])
            do {
                try await shell.waitFor(text: "shell$")
                try await shell.type("\(binary) --base-url \(sandbox.baseURL.absoluteString); echo \"exit=$?\"")
                try await shell.press("Enter")
                try await shell.waitFor(text: "30 total")
                try await shell.press("C-z")
                try await shell.waitFor(text: "Stopped")
                #expect(try await shell.display("#{alternate_on}") == "0", "the screen was not given back on suspend")
                try await shell.type("fg")
                try await shell.press("Enter")
                try await waitUntil("the browser back on the alternate screen") { try await shell.display("#{alternate_on}") == "1" }
                try await shell.waitFor(text: "30 total")
                try await shell.press("q")
                try await waitUntil("the shell back") { try await shell.display("#{alternate_on}") == "0" }
                await shell.kill()
            } catch {
                await shell.kill()
                throw error
            }
        }
    }

    @Test("A terminal that cannot draw exits 2 before touching the screen, naming TERM",
          arguments: [("dumb", "TERM=dumb"), ("", "TERM is not set"), ("no-such-terminal-type", "TERM=no-such-terminal-type")])
    func unusableTerminal(term: String, message: String) async throws {
        try await withSandbox(count: 5) { sandbox in
            try await withBrowser(against: sandbox, environment: ["TERM": term], columns: 220) { tmux in
                #expect(try await tmux.waitForExit() == 2)
                let screen = try await tmux.waitFor(text: message)
                #expect(screen.contains("tavus-browse list"), "\(screen.text)")
                #expect(!screen.contains("Tavus conversations"))
                #expect(try await tmux.display("#{alternate_on}") == "0")
                #expect(sandbox.requestCount == 0, "it talked to the API before giving up")
            }
        }
    }

    @Test("NO_COLOR draws without colours; without it the status is coloured")
    func noColor() async throws {
        try await withSandbox(count: 30) { sandbox in
            for noColor in [false, true] {
                try await withBrowser(against: sandbox, environment: noColor ? ["NO_COLOR": "1"] : [:]) { tmux in
                    try await tmux.waitFor(text: "30 total")
                    let colored = try await tmux.capture(colors: true).text
                    let hasColour = colored.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|38;|9[0-7])[0-9;]*m", options: .regularExpression) != nil
                    #expect(hasColour != noColor, "NO_COLOR=\(noColor): colour sequences \(hasColour ? "present" : "absent")")
                }
            }
        }
    }

    @Test("--no-mouse leaves the mouse to the terminal; by default the browser asks for it")
    func noMouse() async throws {
        try await withSandbox(count: 30) { sandbox in
            for disabled in [false, true] {
                try await withBrowser(against: sandbox, disabled ? ["--no-mouse"] : []) { tmux in
                    try await tmux.waitFor(text: "30 total")
                    let flags = try await tmux.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}")
                    #expect((flags == "000") == disabled, "--no-mouse \(disabled): mouse flags \(flags)")
                }
            }
        }
    }

    @Test("After E y in the pane, the pane shows the call ended, re-read from the API, and E does not offer it again")
    func paneFollowsTheTruthAfterEnding() async throws {
        try await withSandbox(count: 60) { sandbox in
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            let recordPath = "/v2/conversations/\(active.id)"
            try await withBrowser(against: sandbox, ["--status", "active"]) { tmux in
                try await tmux.waitFor("the first active row") { $0.lines[2].hasPrefix("▶" + active.id) }
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "Status     ● active")
                try await waitUntil("the record request") { sandbox.requestCount("GET", recordPath) == 1 }
                try await tmux.press("E")
                try await tmux.waitFor(text: "? y/n")
                try await tmux.press("y")
                try await tmux.waitFor(text: "Status     ended")
                try await tmux.waitFor(text: "end_conversation_endpoint_hit")
                #expect(sandbox.requestCount("GET", recordPath) == 2, "the record was not read again: \(sandbox.requestLog)")
                try await tmux.press("E")
                try await tmux.waitFor(text: "Only an active call can be ended; this one is ended")
                try await tmux.press("r")
                try await waitUntil("a fresh record on r") { sandbox.requestCount("GET", recordPath) == 3 }
                #expect(sandbox.requestCount { $0.method == "POST" } == 1)
            }
        }
    }

    @Test("A sequence the terminal description does not know is one key or none: ESC [ H is Home, a focus report nothing, never Esc and letters")
    func unknownEscapeSequences() async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor(text: "30 total")
                try await tmux.type(":personas")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "DEFAULT REPLICA")
                try await tmux.press("j", "j")
                try await tmux.waitFor("the third persona selected") { $0.lines[4].hasPrefix("▶") }
                try await tmux.send(bytes: [0x1B, 0x5B, 0x48])
                try await tmux.waitFor("Home: the first persona selected, the view kept") {
                    $0.lines[2].hasPrefix("▶") && $0.contains("DEFAULT REPLICA")
                }
                // A focus report, then a key that proves the report was read.
                try await tmux.send(bytes: [0x1B, 0x5B, 0x49])
                try await tmux.press("j")
                let screen = try await tmux.waitFor("the second persona selected") { $0.lines[3].hasPrefix("▶") }
                #expect(screen.contains("DEFAULT REPLICA"), "the personas view stays")
            }
        }
    }

    @Test(":0 says that pages count from 1")
    func pageZero() async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox) { tmux in
                try await tmux.waitFor(text: "30 total")
                try await tmux.press(":", "0", "Enter")
                try await tmux.waitFor(text: "No page 0: pages count from 1")
            }
        }
    }

    @Test("BROWSER that fails is reported as a failure with its exit status")
    func failingBrowser() async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox, environment: ["BROWSER": "false"]) { tmux in
                try await tmux.waitFor(text: "30 total")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "URL ")
                try await tmux.press("o")
                try await tmux.waitFor(text: "Not opened: false exited with status 1")
            }
        }
    }

}
