import BrowserCore
import Foundation
import TavusAPI
import Testing

/// Text from the API is untrusted: whatever it holds, the screen gets only printable cells
/// and every line stays exactly as wide as the terminal.
@Suite("Hostile text")
struct HostileTextTests {
    static let tenKilobytes = String(repeating: "ab東😀 ", count: 1_025)

    static let hostileNames = [
        "\u{1B}[2J\u{1B}[31mRED",
        "\u{202E}evil",
        tenKilobytes,
        "line one\nline two\r\nline three\tafter a tab",
        "x\u{9B}31mC1",
        "\u{7}\u{8}\u{7F}\u{0}bells",
        "👨\u{200D}👩\u{200D}👧 family",
        "e\u{301}\u{302}\u{303} stacked marks",
        "\u{1B}]0;pwned\u{7}title",
        "\u{2066}isolate\u{2069} and \u{200F}rlm",
    ]

    static func hostileConversations() -> [Conversation] {
        var rows = hostileNames.enumerated().map { index, name in
            Sample.conversation(index, name: name, status: index == 0 ? .active : Sample.status(index))
        }
        rows.append(Conversation(
            id: "c\u{1B}[0m\u{9B}id", name: "hostile fields", status: .other("\u{1B}[5mblink"),
            url: "javascript:\u{1B}]52;c;AAAA\u{7}", callbackURL: "\u{1B}[8m", replicaID: "r\u{202E}1", personaID: "\n",
            createdAt: Timestamp(raw: "\u{1B}]0;when\u{7}"), updatedAt: Timestamp(raw: "2025\u{9B}")
        ))
        return rows
    }

    static func hostileDetail(for conversation: Conversation) -> ConversationDetail {
        let turns: [JSONValue] = [
            .object(["role": .string("user\u{1B}[31m"), "content": .string("hi\u{1B}[2J\r\nthere\u{9B}"), "seconds_from_start": .number(3)]),
            .object(["role": .string("assistant"), "content": .string(tenKilobytes), "seconds_from_start": .string("-5")]),
            .object(["content": .string("\u{202E}no role")]),
        ]
        return ConversationDetail(conversation: conversation, events: [
            Sample.event(ConversationEvent.replicaJoined, at: "\u{1B}[1m"),
            Sample.event(ConversationEvent.shutdown, at: "2025-09-10T13:06:53Z", ["shutdown_reason": .string("\u{1B}[2Jgone\nnow")]),
            Sample.event(ConversationEvent.transcriptionReady, at: "2025-09-10T13:06:58Z", ["transcript": .array(turns)]),
            Sample.event(ConversationEvent.perceptionAnalysis, at: "2025-09-10T13:07:30Z",
                         ["analysis": .string("para one\u{1B}[31m\n\n\u{9B}para two\r\n\u{202E}three")]),
            Sample.event("custom.\u{1B}[31mred", at: "x"),
        ])
    }

    static let sizes = [
        TerminalSize(rows: 30, columns: 100), TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 30, columns: 140),
        TerminalSize(rows: 10, columns: 40), TerminalSize(rows: 6, columns: 30), TerminalSize(rows: 100, columns: 300),
    ]

    /// A browser showing the hostile rows, with a hostile source label.
    static func hostileBrowser(size: TerminalSize) -> Browser {
        var browser = Browser(size: size, sourceLabel: "\u{1B}]0;pwned\u{7}evil.example\u{9B}")
        browser.answer(Sample.page(hostileConversations(), total: 1_000_000))
        return browser
    }

    @Test func hostileListSnapshot() {
        let browser = Self.hostileBrowser(size: TerminalSize(rows: 30, columns: 100))
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        #expect(screen.contains("␛[2J␛[31mRED"))
        #expect(screen.contains("evil"))
        #expect(!screen.text.unicodeScalars.contains { $0.value == 0x202E })
        Snapshot.expect(screen, named: "hostile-list-100x30")
    }

    @Test func hostileDetailSnapshot() {
        var browser = Self.hostileBrowser(size: TerminalSize(rows: 30, columns: 100))
        browser.press(.end)
        browser.press(.enter)
        if let conversation = browser.state.detail?.conversation {
            browser.send(.detailLoaded(id: conversation.id, Self.hostileDetail(for: conversation)))
        }
        let screen = browser.screen
        FrameChecks.expectClean(screen)
        Snapshot.expect(screen, named: "hostile-detail-100x30")
    }

    @Test(arguments: sizes)
    func everyRowSelectedAndOpenedStaysClean(_ size: TerminalSize) {
        var browser = Self.hostileBrowser(size: size)
        let count = browser.rows.count
        for index in 0..<count {
            FrameChecks.expectClean(browser.screen)
            browser.press(.enter)
            if let conversation = browser.state.detail?.conversation {
                FrameChecks.expectClean(browser.screen)
                browser.send(.detailLoaded(id: conversation.id, Self.hostileDetail(for: conversation)))
                FrameChecks.expectClean(browser.screen)
                browser.press(.pageDown)
                FrameChecks.expectClean(browser.screen)
                browser.press(.end)
                FrameChecks.expectClean(browser.screen)
                browser.send(.detailFailed(id: conversation.id, .undecodable(reason: "bad\u{1B}[2J", excerpt: "\u{9B}{")))
                FrameChecks.expectClean(browser.screen)
            }
            browser.press(.escape)
            if index + 1 < count { browser.press(.down) }
        }
    }

    @Test(arguments: sizes)
    func promptsMessagesAndHelpStayClean(_ size: TerminalSize) {
        var browser = Self.hostileBrowser(size: size)
        browser.press(.char("E"))
        FrameChecks.expectClean(browser.screen)
        browser.press(.char("n"))
        browser.send(.urlOpenResult(url: "https://x\u{1B}", failure: "\u{1B}[2Jcould not\nopen\u{9B}"))
        FrameChecks.expectClean(browser.screen)
        browser.send(.endFailed(id: "x", .http(status: 418, message: "\u{1B}[31mteapot\u{202E}")))
        FrameChecks.expectClean(browser.screen)
        browser.press(.char("/"))
        browser.type("\u{1B}[2J\u{9B}\u{202E}東京😀" + String(repeating: "x", count: 400))
        FrameChecks.expectClean(browser.screen)
        browser.press(.escape, .char("?"))
        FrameChecks.expectClean(browser.screen)
        browser.press(.escape, .char("n"))
        browser.fail(.undecodable(reason: "\u{1B}[2J", excerpt: "<html>\u{9B}\n\u{7F}"))
        FrameChecks.expectClean(browser.screen)
    }

    @Test func copiedAndEndedTextIsSanitized() {
        var browser = Self.hostileBrowser(size: TerminalSize(rows: 30, columns: 100))
        browser.press(.end)
        #expect(browser.press(.char("Y")) == [.copyToClipboard("c␛[0m\u{FFFD}id")])
        #expect(browser.press(.char("o")).isEmpty, "o is a pane key")
        browser.press(.enter)
        #expect(browser.press(.char("o")).isEmpty)
        #expect(browser.state.message?.kind == .error)
    }
}
