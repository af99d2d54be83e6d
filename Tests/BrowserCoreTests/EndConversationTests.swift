import BrowserCore
import TavusAPI
import Testing

@Suite("Ending a call")
struct EndConversationTests {
    /// Row 0 of the sample is active, row 1 ended, row 3 has the status `error`.
    static func listWithAnActiveCallSelected() -> Browser {
        let browser = Browser.showing(page: 1)
        #expect(browser.rows[0].status == .active)
        return browser
    }

    @Test func capitalEAsksFirstNamingTheCall() {
        var browser = Self.listWithAnActiveCallSelected()
        #expect(browser.press(.char("E")).isEmpty)
        #expect(browser.state.prompt == .confirmEnd(id: Sample.id(0), name: Sample.name(0)))
        #expect(browser.footer.contains("End the call “\(Sample.name(0))”? y/n"))
    }

    @Test(arguments: [Key.char("y"), .char("Y")])
    func yesEndsExactlyThatCall(_ key: Key) {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.char("E"))
        #expect(browser.press(key) == [.endConversation(id: Sample.id(0))])
        #expect(browser.state.prompt == nil)
        #expect(browser.state.message == .info("Ending “\(Sample.name(0))”…"))
    }

    @Test(arguments: [
        Key.char("n"), .char("N"), .escape, .enter, .char("q"), .char("E"), .char(" "), .char("1"),
        .down, .up, .backspace, .tab, .char("o"), .char("r"),
    ])
    func anyOtherKeyEndsNothing(_ key: Key) {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.char("E"))
        #expect(browser.press(key).isEmpty)
        #expect(browser.state.prompt == nil)
        #expect(browser.state.message == .info("Not ended"))
        #expect(!browser.state.quitting)
        #expect(browser.state.selection == 0, "the key was only an answer")
        let later = browser.press(.char("y"))
        #expect(!later.contains(.endConversation(id: Sample.id(0))), "a later y is a copy, not a yes")
    }

    @Test func theWholeExchangeEmitsOneEnd() {
        var browser = Self.listWithAnActiveCallSelected()
        var all: [Effect] = []
        all += browser.press(.char("E"))
        all += browser.press(.char("y"))
        #expect(all == [.endConversation(id: Sample.id(0))])
    }

    @Test func mouseEventsDoNotAnswerAndTheNamedCallIsEnded() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.char("E"))
        browser.press(.mouse(.wheelDown, row: 5, column: 5), .mouse(.press, row: 6, column: 5))
        #expect(browser.state.prompt == .confirmEnd(id: Sample.id(0), name: Sample.name(0)))
        #expect(browser.press(.char("y")) == [.endConversation(id: Sample.id(0))])
    }

    @Test func capitalEOnAnEndedCallOnlySaysSo() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.down)
        #expect(browser.rows[1].status == .ended)
        #expect(browser.press(.char("E")).isEmpty)
        #expect(browser.state.prompt == nil)
        #expect(browser.state.message == .warning("Only an active call can be ended; this one is ended"))
        #expect(browser.press(.char("y")) == [.copyToClipboard(browser.rows[1].url)])
    }

    @Test func capitalEOnAnUnknownStatusOnlySaysSo() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.down, times: 3)
        #expect(browser.rows[3].status == .other("error"))
        #expect(browser.press(.char("E")).isEmpty)
        #expect(browser.state.message == .warning("Only an active call can be ended; this one is error"))
    }

    @Test func capitalEInThePaneAsksAboutTheOpenCall() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.down, times: 4)
        browser.openDetailWithVerbose()
        #expect(browser.state.detail?.conversation.status == .active)
        browser.press(.char("E"))
        #expect(browser.state.prompt == .confirmEnd(id: Sample.id(4), name: Sample.name(4)))
        #expect(browser.press(.char("y")) == [.endConversation(id: Sample.id(4))])
    }

    @Test func theNameInThePromptIsSanitized() {
        var browser = Browser.showing([Sample.conversation(0, name: "\u{1B}[2Jwipe\u{202E}", status: .active)])
        browser.press(.char("E"))
        #expect(browser.state.prompt == .confirmEnd(id: Sample.id(0), name: "␛[2Jwipe"))
    }

    @Test func conversationEndedReloadsThePage() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.char("E"), .char("y"))
        let id = browser.state.nextRequestID
        let effects = browser.send(.conversationEnded(id: Sample.id(0)))
        #expect(effects == [.invalidateCache, .reloadPage(.all(1), requestID: id)])
        #expect(browser.state.loading?.requestID == id)
        #expect(browser.state.message == .info("Ended “\(Sample.name(0))”"))
    }

    @Test func conversationEndedReloadsTheOpenPaneToo() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.openDetailWithVerbose()
        browser.press(.char("E"), .char("y"))
        let id = browser.state.nextRequestID
        let effects = browser.send(.conversationEnded(id: Sample.id(0)))
        #expect(effects == [.invalidateCache, .reloadPage(.all(1), requestID: id), .loadDetail(id: Sample.id(0), fresh: true)])
        #expect(browser.state.detail?.verbose == .loading)
    }

    @Test func endFailedSaysWhy() {
        var browser = Self.listWithAnActiveCallSelected()
        browser.press(.char("E"), .char("y"))
        let effects = browser.send(.endFailed(id: Sample.id(0), .http(status: 409, message: "already ended")))
        #expect(effects.isEmpty)
        #expect(browser.state.message == .error("Could not end the call: HTTP 409 Conflict: already ended"))
        #expect(browser.footer.contains("Could not end the call: HTTP 409 Conflict: already ended"))
    }
}
