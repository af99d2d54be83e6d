import BrowserCore
import TavusAPI
import Testing

@Suite("Opening the conversation URL")
struct OpenURLTests {
    /// The detail pane open on a conversation with this URL.
    static func paneOpen(on url: String) -> Browser {
        var browser = Browser.showing([Sample.conversation(0, url: url), Sample.conversation(1)])
        browser.press(.enter)
        return browser
    }

    @Test(arguments: [
        "https://tavus.daily.co/c0b7d9e3a1f54c62",
        "http://localhost:8080/c1",
        "HTTPS://TAVUS.DAILY.CO/ABC",
        "https://tavus.daily.co/c1?join=1&t=abc#top",
    ])
    func oOpensHTTPAndHTTPSURLs(_ url: String) {
        var browser = Self.paneOpen(on: url)
        #expect(browser.press(.char("o")) == [.openURL(url)])
        #expect(browser.state.message == .info("Opening \(url)"))
    }

    @Test(arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "ftp://example.com/file",
        "mailto:someone@example.com",
        "//example.com/path",
        "https://example.com/a b",
        "https://example.com/\"onmouseover=\"x",
        "https://example.com/'quoted'",
        "https://example.com/`id`",
        "https://example.com/x\ny",
        "https://example.com/x\r\n",
        "https://example.com/\tx",
        "https://example.com/\u{1B}]8;;evil\u{7}",
        "https://example.com/\u{9B}31m",
        "https://exa\u{202E}lpmex.com",
        "https://example.com/$(rm -rf ~)",
        "https://",
        "https:///path",
        "https://@evil.com",
        "",
    ])
    func oRefusesAnythingElseWithAMessageAndNoEffect(_ url: String) throws {
        var browser = Self.paneOpen(on: url)
        #expect(browser.press(.char("o")).isEmpty)
        let message = try #require(browser.state.message)
        #expect(message.kind == .error)
        #expect(message.text.hasPrefix("Not opened: "))
        let screen = browser.screen
        #expect(screen.lines.last?.contains("Not opened") == true)
        #expect(FrameChecks.firstControl(in: screen) == nil)
    }

    @Test func oIsNotBoundInTheList() {
        var browser = Browser.showing(page: 1)
        #expect(browser.press(.char("o")).isEmpty)
        #expect(browser.state.message == nil)
    }

    @Test func aFailureToOpenIsShown() {
        var browser = Self.paneOpen(on: "https://tavus.daily.co/c1")
        browser.press(.char("o"))
        let effects = browser.send(.urlOpenResult(url: "https://tavus.daily.co/c1", failure: "xdg-open not found"))
        #expect(effects.isEmpty)
        #expect(browser.state.message == .warning("xdg-open not found"))
        #expect(browser.footer.contains("xdg-open not found"))
    }

    @Test func aSuccessfulOpenIsShown() {
        var browser = Self.paneOpen(on: "https://tavus.daily.co/c1")
        browser.send(.urlOpenResult(url: "https://tavus.daily.co/c1", failure: nil))
        #expect(browser.state.message == .info("Opened https://tavus.daily.co/c1"))
    }
}

@Suite("Copying the URL and the id")
struct ClipboardTests {
    @Test func yCopiesTheSelectedRowsURLInTheList() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, .down)
        let url = browser.rows[2].url
        #expect(browser.press(.char("y")) == [.copyToClipboard(url)])
        #expect(url == "https://tavus.daily.co/\(Sample.id(2))")
        #expect(browser.state.message == .info("Copied URL \(url) to the clipboard"))
    }

    @Test func capitalYCopiesTheSelectedRowsIDInTheList() {
        var browser = Browser.showing(page: 1)
        browser.press(.down)
        #expect(browser.press(.char("Y")) == [.copyToClipboard(Sample.id(1))])
        #expect(browser.state.message == .info("Copied id \(Sample.id(1)) to the clipboard"))
    }

    @Test func yAndCapitalYCopyTheOpenConversationInThePane() {
        var browser = Browser.showing(page: 1)
        browser.press(.down, .down, .down)
        browser.press(.enter)
        #expect(browser.press(.char("y")) == [.copyToClipboard("https://tavus.daily.co/\(Sample.id(3))")])
        #expect(browser.press(.char("Y")) == [.copyToClipboard(Sample.id(3))])
        #expect(browser.state.detail != nil, "copying keeps the pane open")
    }

    @Test func aMissingURLIsNotCopied() {
        var browser = Browser.showing([Sample.conversation(0, url: "")])
        #expect(browser.press(.char("y")).isEmpty)
        #expect(browser.state.message == .warning("This conversation has no URL"))
    }

    @Test func nothingIsCopiedFromAnEmptyList() {
        var browser = Browser.showing(page: 1, total: 0)
        #expect(browser.press(.char("y")).isEmpty)
        #expect(browser.press(.char("Y")).isEmpty)
    }
}
