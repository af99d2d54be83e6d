import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("A tool's pane: its parameters laid out, its secrets masked, no conversations to list")
struct ToolPaneTests {
    private static let secret = "sk_live_never_on_screen"

    private func browserOnTool() throws -> Browser {
        let json = Data("""
            {"data": [{"tool_id": "t1", "name": "lookup_invoice", "description": "Look up an invoice.", "is_system_tool": false,
              "trigger_type": "llm", "parameters": {"type": "object", "properties": {"number": {"type": "string"}}},
              "delivery": {"type": "api", "url": "https://api.example.com/invoices", "method": "POST", "timeout": 10,
                           "headers": {"Authorization": "Bearer \(Self.secret)"}, "auth": {"type": "bearer", "token": "\(Self.secret)"}}}],
             "total_count": 1}
            """.utf8)
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 40, columns: 100))
        browser.command("tools")
        guard let (key, requestID) = browser.resourceLoading else { throw CancellationError() }
        let page: ListPage<Tool, String> = try TavusClient.decodeList(json, page: 1, limit: 20, filter: "all")
        browser.send(.resourcePageLoaded(key, page.map(ToolResource.row), fromCache: false, requestID: requestID))
        browser.press(.enter)
        return browser
    }

    @Test func parametersKeepTheirIndentation() throws {
        let screen = try browserOnTool().screen
        #expect(screen.lines.contains { $0.contains("│   \"properties\": {") }, "\(screen.lines)")
        #expect(screen.lines.contains { $0.contains("│       \"type\": \"string\"") })
    }

    @Test func headerValuesAndAuthAreMasked() throws {
        let screen = try browserOnTool().screen
        #expect(screen.contains("Authorization: •••") && screen.contains("bearer •••"))
        #expect(!screen.contains(Self.secret))
    }

    @Test func cListsNothingAndIsNotOffered() throws {
        var browser = try browserOnTool()
        #expect(!browser.footer.contains("conversations"))
        #expect(browser.press(.char("c")).isEmpty)
        #expect(browser.state.views.count == 1 && browser.state.views[0].pane != nil, "the pane stays")
    }

    @Test func aLineLongerThanTheWidthIsCutNotRewrapped() {
        #expect(TerminalText.hardWrap("    \"description\": \"What to act on\"", to: 12) == ["    \"descrip", "tion\": \"What", " to act on\""])
        #expect(TerminalText.hardWrap("", to: 5) == [""])
    }
}
