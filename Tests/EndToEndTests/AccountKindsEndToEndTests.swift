import Foundation
import TavusSandbox
import Testing

@Suite("The account's other kinds: documents, guardrails, objectives and tools")
struct AccountKindsEndToEndTests {
    @Test(":documents lists the knowledge base from its page 0; n, f by status, the pane, o opens the URL, y copies it, Esc back")
    func documents() async throws {
        try await withSandbox(count: 30) { sandbox in
            let documents = sandbox.listed("documents")
            let browser = try RecordingBrowser()
            defer { browser.remove() }
            let failed = documents.filter { $0.status == "error" }
            try await withBrowser(against: sandbox, environment: ["BROWSER": browser.script], columns: 160, rows: 40) { tmux in
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
                #expect(try await browser.arguments() == (failed[0].url ?? "") + "\n")
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

    /// The browser on the view `name` at `--limit 5`, its first page shown after a turn to its
    /// second and back; then `body`, with the view's items as the sandbox serves them.
    private func inView(_ name: String, columns: Int = 140, rows: Int = 40,
                        _ body: (TmuxSession, [SandboxListed]) async throws -> Void) async throws -> [RecordedRequest] {
        try await withSandbox(count: 30) { sandbox in
            let items = sandbox.listed(name)
            try await withBrowser(against: sandbox, ["--limit", "5"], columns: columns, rows: rows) { tmux in
                try await openView(name, items, in: tmux)
                try await body(tmux, items)
            }
            return sandbox.requests
        }
    }

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
        let asked = try await inView("guardrails", rows: 30) { tmux, _ in
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
        }.filter { $0.path == "/v2/guardrails" }
        #expect(!asked.isEmpty && asked.allSatisfy { $0.query["legacy"] == "false" }, "\(asked.map(\.query))")
        #expect(asked.contains { $0.query["type"] == "system" })
    }

    @Test(":objectives shows how many objectives a set has; its pane walks them in order with what comes next")
    func objectives() async throws {
        _ = try await inView("objectives") { tmux, _ in
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

    @Test(":tools shows how each tool is delivered; its pane masks header values and auth, which never reach the screen")
    func tools() async throws {
        var screens: [String] = []
        _ = try await inView("tools", columns: 160) { tmux, _ in
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
            screens.append(try await tmux.waitFor("the user tools") { $0.contains("filter: user") && $0.contains("10 total") }.text)
            try await tmux.press("f")
            screens.append(try await tmux.waitFor("the system tools") { $0.contains("filter: system") && $0.contains("3 total") }.text)
        }
        for screen in screens {
            #expect(!screen.contains(AccountKinds.toolSecret) && !screen.contains("sk_live"), "a secret on screen:\n\(screen)")
        }
    }

    @Test("A persona's pane names its documents and tools; Tab and Enter open one, with o and y on a document, and Esc returns to the same pane")
    func linksFromAPersonasPane() async throws {
        try await withSandbox(count: 30) { sandbox in
            let documents = sandbox.listed("documents")
            let tools = sandbox.listed("tools")
            let index = try #require(sandbox.personas.firstIndex { !$0.wiring.documentIDs.isEmpty && !$0.wiring.toolIDs.isEmpty })
            let persona = sandbox.personas[index]
            let document = try #require(documents.first { $0.id == persona.wiring.documentIDs[0] })
            let tool = try #require(tools.first { $0.id == persona.wiring.toolIDs[0] })
            let browser = try RecordingBrowser()
            defer { browser.remove() }
            try await withBrowser(against: sandbox, environment: ["BROWSER": browser.script], columns: 160, rows: 50) { tmux in
                try await tmux.acceptClipboardWrites()
                try await tmux.waitFor(text: "30 total")
                try await tmux.type(":personas")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "▶" + sandbox.personas[0].name)
                for _ in 0..<index { try await tmux.press("j") }
                try await tmux.waitFor(text: "▶" + persona.name)
                try await tmux.press("Enter")
                try await tmux.waitFor("the persona's documents and tools by name") { screen in
                    screen.contains("┌─ Persona") && screen.contains("Document   \(document.name) (\(document.id))")
                        && screen.contains("Tool       \(tool.name) (\(tool.id))")
                }
                let before = try await tmux.capture()
                try await tmux.press("Tab")
                try await tmux.press("Tab")
                try await tmux.press("Enter")
                try await tmux.waitFor("the document's own pane") { screen in
                    screen.contains("┌─ Document") && screen.contains("URL        \(document.url ?? "")") && screen.contains("document \(document.name)")
                }
                try await tmux.press("o")
                try await tmux.waitFor(text: "Opened \(document.url ?? "")")
                #expect(try await browser.arguments() == (document.url ?? "") + "\n")
                try await tmux.press("y")
                try await tmux.waitFor(text: "Copied document URL \(document.url ?? "")")
                try await tmux.press("Escape")
                try await tmux.waitFor("the persona's pane as it was") { screen in
                    screen.contains("┌─ Persona") && screen.lines.dropLast() == before.lines.dropLast()
                }
                let links = persona.wiring.documentIDs.count + persona.documentTags.count + persona.wiring.guardrailIDs.count
                    + (persona.wiring.objectivesID == nil ? 0 : 1)
                for _ in 0..<links { try await tmux.press("Tab") }
                try await tmux.press("Enter")
                let pane = try await tmux.waitFor("the tool's pane") { $0.contains("┌─ Tool") && $0.contains("tool \(tool.name)") }
                #expect(!pane.contains(AccountKinds.toolSecret))
                try await tmux.press("Escape")
                try await tmux.waitFor(text: "┌─ Persona")
                try await tmux.press("Escape")
                try await tmux.press("Escape")
                try await tmux.waitFor(text: " Tavus conversations")
            }
            #expect(sandbox.requestCount { $0.path == "/v2/documents/\(document.id)" } == 1, "read once, for its name and its pane")
        }
    }

    @Test("A document tag in a persona's pane lists the documents with that tag, asked with tags=")
    func aTagFromAPersonasPane() async throws {
        try await withSandbox(count: 30) { sandbox in
            let documents = sandbox.listed("documents")
            let index = try #require(sandbox.personas.firstIndex { persona in
                persona.documentTags.contains { tag in documents.contains { $0.tags.contains(tag) } }
            })
            let persona = sandbox.personas[index]
            let tagIndex = try #require(persona.documentTags.firstIndex { tag in documents.contains { $0.tags.contains(tag) } })
            let tag = persona.documentTags[tagIndex]
            let tagged = documents.filter { $0.tags.contains(tag) }
            try await withBrowser(against: sandbox, columns: 160, rows: 50) { tmux in
                try await tmux.waitFor(text: "30 total")
                try await tmux.type(":personas")
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "▶" + sandbox.personas[0].name)
                for _ in 0..<index { try await tmux.press("j") }
                try await tmux.waitFor(text: "▶" + persona.name)
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "Tag        \(tag)")
                for _ in 0..<(1 + persona.wiring.documentIDs.count + tagIndex + 1) { try await tmux.press("Tab") }
                try await tmux.press("Enter")
                try await tmux.waitFor("the documents tagged \(tag)") { screen in
                    screen.contains("documents tagged \(tag)") && screen.contains("\(tagged.count) total") && screen.lines[2].hasPrefix("▶" + tagged[0].name)
                }
                try await tmux.press("Escape")
                try await tmux.waitFor("the persona's pane") { $0.contains("┌─ Persona") && !$0.contains("documents tagged") }
            }
            #expect(sandbox.requests.contains { $0.path == "/v2/documents" && $0.query["tags"] == tag })
        }
    }
}
