import Foundation
import TavusSandbox
import Testing

@Suite("The account's other kinds: documents, guardrails, objectives and tools")
struct AccountKindsEndToEndTests {
    @Test(":documents lists the knowledge base from its page 0; n, f by status, the pane, o opens the URL, y copies it, Esc back")
    func documents() async throws {
        let directory = try TemporaryDirectory(prefix: "browser")
        defer { directory.remove() }
        let opened = directory.file("opened")
        let script = try directory.executable("record-browser", """
            #!/bin/sh
            printf '%s\\n' "$1" > '\(opened).tmp' && mv '\(opened).tmp' '\(opened)'

            """)
        try await withSandbox(count: 30) { sandbox in
            let documents = sandbox.listed("documents")
            let failed = documents.filter { $0.status == "error" }
            try await withBrowser(against: sandbox, environment: ["BROWSER": script], columns: 160, rows: 40) { tmux in
                try await tmux.acceptClipboardWrites()
                try await tmux.waitFor(text: "30 total")
                try await tmux.type(":documents")
                try await tmux.press("Enter")
                try await tmux.waitFor("the first page of documents") { screen in
                    screen.contains("\(documents.count) total") && screen.contains("page 1/2") && screen.lines[2].hasPrefix("▶" + documents[0].name)
                }
                let first = try await tmux.waitFor(text: "UPDATED (UTC)")
                #expect(first.contains("STATUS") && first.contains("TAGS") && first.contains("CRAWLS"))
                #expect(first.contains("processing 40%"), "a document being processed shows its progress")
                try await tmux.press("n")
                try await tmux.waitFor("page 2") { $0.contains("page 2/2") && $0.lines[2].hasPrefix("▶" + documents[20].name) }
                try await tmux.press("p")
                try await tmux.waitFor("page 1 again") { $0.contains("page 1/2") && $0.lines[2].hasPrefix("▶" + documents[0].name) }
                for filter in ["started", "processing", "ready"] {
                    try await tmux.press("f")
                    try await tmux.waitFor(text: "filter: \(filter)")
                }
                try await tmux.press("f")
                try await tmux.waitFor("the documents in error") { screen in
                    screen.contains("filter: error") && screen.contains("\(failed.count) total")
                        && screen.lines[2].hasPrefix("▶" + failed[0].name)
                }
                try await tmux.press("Enter")
                let pane = try await tmux.waitFor(text: "┌─ Document")
                #expect(pane.contains("The page could not be fetched: 403 Forbidden"), "the error message")
                try await tmux.waitFor(text: "URL        \(failed[0].url ?? "")")
                try await tmux.press("o")
                try await tmux.waitFor(text: "Opened \(failed[0].url ?? "")")
                try await waitUntil("the URL handed to $BROWSER") { FileManager.default.fileExists(atPath: opened) }
                #expect(try String(contentsOfFile: opened, encoding: .utf8) == (failed[0].url ?? "") + "\n")
                try await tmux.press("y")
                try await tmux.waitFor(text: "Copied document URL \(failed[0].url ?? "")")
                try await waitUntil("a paste buffer from OSC 52") { try await tmux.bufferCount() == 1 }
                #expect(try await tmux.newestBuffer() == failed[0].url)
                try await tmux.press("Escape")
                try await tmux.waitFor("the pane closed, the filter kept") { !$0.contains("┌─ Document") && $0.contains("filter: error") }
                try await tmux.press("Escape")
                try await tmux.waitFor(text: " Tavus conversations")
            }
            let asked = sandbox.requests.filter { $0.path == "/v2/documents" }
            #expect(asked.first?.query["page"] == "0", "the knowledge base counts its pages from 0")
            #expect(asked.contains { $0.query["page"] == "1" && $0.query["limit"] == "20" }, "page 2 is the API's page 1")
            #expect(asked.contains { $0.query["status"] == "error" })
        }
    }

    /// Opens the view `name` at `--limit 5`, waits for its first page and turns to its second.
    private func openView(_ name: String, _ items: [SandboxListed], in tmux: TmuxSession) async throws {
        try await tmux.waitFor(text: "30 total")
        try await tmux.type(":\(name)")
        try await tmux.press("Enter")
        try await tmux.waitFor("the first page of \(name)") { screen in
            screen.contains("\(items.count) total") && screen.lines[2].hasPrefix("▶" + items[0].name)
        }
        try await tmux.press("n")
        try await tmux.waitFor("page 2 of \(name)") { $0.contains("page 2/") && $0.lines[2].hasPrefix("▶" + items[5].name) }
        try await tmux.press("p")
        try await tmux.waitFor("page 1 of \(name) again") { $0.contains("page 1/") && $0.lines[2].hasPrefix("▶" + items[0].name) }
    }

    @Test(":guardrails asks for the individual guardrails (legacy=false); n, f by type, the prompt in the pane, Esc back")
    func guardrails() async throws {
        try await withSandbox(count: 30) { sandbox in
            let guardrails = sandbox.listed("guardrails")
            try await withBrowser(against: sandbox, ["--limit", "5"], columns: 140, rows: 30) { tmux in
                try await openView("guardrails", guardrails, in: tmux)
                let list = try await tmux.waitFor(text: "MODALITY")
                #expect(list.contains("verbal") && list.contains("compliance, verbal"))
                try await tmux.press("f")
                try await tmux.waitFor("the user guardrails") { $0.contains("filter: user") && $0.contains("20 total") }
                try await tmux.press("f")
                try await tmux.waitFor("the system guardrails") { $0.contains("filter: system") && $0.contains("3 total") && $0.contains("Tavus safety") }
                try await tmux.press("Enter")
                try await tmux.waitFor("the pane with its prompt") { $0.contains("┌─ Guardrail") && $0.contains("Refuse requests for harmful content.") }
                try await tmux.press("Escape")
                try await tmux.press("Escape")
                try await tmux.waitFor(text: " Tavus conversations")
            }
            let asked = sandbox.requests.filter { $0.path == "/v2/guardrails" }
            #expect(!asked.isEmpty && asked.allSatisfy { $0.query["legacy"] == "false" }, "\(asked.map(\.query))")
            #expect(asked.contains { $0.query["type"] == "system" })
        }
    }

    @Test(":objectives shows how many objectives a set has; its pane walks them in order with what comes next")
    func objectives() async throws {
        try await withSandbox(count: 30) { sandbox in
            let sets = sandbox.listed("objectives")
            try await withBrowser(against: sandbox, ["--limit", "5"], columns: 140, rows: 40) { tmux in
                try await openView("objectives", sets, in: tmux)
                try await tmux.press("Enter")
                let pane = try await tmux.waitFor(text: "┌─ Objectives")
                for line in ["1. greet", "Greet the participant and ask their role.", "Confirm    auto", "Then       budget",
                             "Or         next_step when the participant already has a budget", "2. budget", "Records    budget, timeline",
                             "3. next_step", "Then       the end"] {
                    #expect(pane.contains(line), "\(line)")
                }
                try await tmux.press("Escape")
                try await tmux.press("Escape")
                try await tmux.waitFor(text: " Tavus conversations")
            }
        }
    }

    @Test(":tools shows how each tool is delivered; its pane masks header values and auth, which never reach the screen")
    func tools() async throws {
        try await withSandbox(count: 30) { sandbox in
            let tools = sandbox.listed("tools")
            var screens: [String] = []
            try await withBrowser(against: sandbox, ["--limit", "5"], columns: 160, rows: 40) { tmux in
                try await openView("tools", tools, in: tmux)
                let list = try await tmux.waitFor(text: "api POST https://api.example.com/tools/lookup_invoice")
                #expect(list.contains("app message"))
                screens.append(list.text)
                try await tmux.press("Enter")
                let pane = try await tmux.waitFor(text: "┌─ Tool")
                for line in ["Look up an invoice by its number.", "Method     POST", "Timeout    10 s", "Header     Authorization: •••",
                             "Header     X-Team: •••", "Auth       bearer •••", "\"required\": [", "\"type\": \"object\""] {
                    #expect(pane.contains(line), "\(line)")
                }
                screens.append(pane.text)
                try await tmux.press("Escape")
                try await tmux.press("f")
                let system = try await tmux.waitFor("the user tools") { $0.contains("filter: user") && $0.contains("10 total") }
                screens.append(system.text)
                try await tmux.press("f")
                screens.append(try await tmux.waitFor("the system tools") { $0.contains("filter: system") && $0.contains("3 total") }.text)
            }
            for screen in screens {
                #expect(!screen.contains(AccountKinds.toolSecret) && !screen.contains("sk_live"), "a secret on screen:\n\(screen)")
            }
        }
    }
}
