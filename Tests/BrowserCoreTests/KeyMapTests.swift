import BrowserCore
import TavusAPI
import Testing

/// One key of one binding in one context.
struct BoundKey: Sendable, CustomTestStringConvertible {
    var key: Key
    var context: KeyContext
    var action: Action
    var label: String

    var testDescription: String { "\(label) (\(key)) in \(context.title): \(action)" }

    static let all: [BoundKey] = KeyMap.bindings.flatMap { binding in
        KeyContext.allCases.filter(binding.contexts.contains).flatMap { context in
            binding.keys.map { BoundKey(key: $0, context: context, action: binding.action, label: binding.label) }
        }
    }
}

@Suite("Key map")
struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = BoundKey.all.filter { $0.context == context }.map(\.key)
            #expect(Set(keys).count == keys.count, "\(context.title) binds a key twice")
        }
    }

    @Test(arguments: BoundKey.all)
    func everyBoundKeyLooksUpItsAction(_ bound: BoundKey) {
        #expect(KeyMap.action(for: bound.key, in: bound.context) == bound.action)
    }

    /// A browser where every binding has something to do: page 3 of 5 on screen and page 4
    /// loading, the fifth row (an active call) selected, a watch interval, and in the detail
    /// context the pane open with a long verbose answer scrolled a little.
    static func busyBrowser(in context: KeyContext) -> Browser {
        if context == .resourceList || context == .resourcePane { return busyView(in: context) }
        var browser = Browser.showing(page: 3, total: 95, watchInterval: 5)
        browser.press(.char("n"))
        browser.press(.down, times: 4)
        if context == .detail {
            browser.openDetailWithVerbose()
            browser.press(.down, times: 3)
        }
        return browser
    }

    /// The same for a resource view: page 2 of 3 of the personas, the second row selected;
    /// in the pane context its pane open, in a short terminal, scrolled a little.
    static func busyView(in context: KeyContext) -> Browser {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 16, columns: 100))
        browser.command("personas")
        browser.answerResource(total: 50)
        browser.press(.char("n"))
        browser.answerResource(total: 50)
        browser.press(.down)
        if context == .resourcePane {
            browser.press(.enter)
            browser.press(.down, times: 2)
        }
        return browser
    }

    @Test func theBusyViewIsAsDescribed() {
        let list = Self.busyView(in: .resourceList)
        #expect(list.state.keyContext == .resourceList)
        #expect(list.state.views.last?.pageNumber == 2)
        #expect(list.state.views.last?.pageCount == 3)
        #expect(list.state.views.last?.selection == 1)
        let pane = Self.busyView(in: .resourcePane)
        #expect(pane.state.keyContext == .resourcePane)
        #expect(pane.state.views.last?.pane?.scroll == 2)
    }

    @Test func theBusyBrowserIsAsDescribed() {
        let list = Self.busyBrowser(in: .list)
        #expect(list.state.pageNumber == 4)
        #expect(list.state.page?.page == 3)
        #expect(list.state.loading?.key == .all(4))
        #expect(list.state.selection == 4)
        #expect(list.state.selectedConversation?.status == .active)
        #expect(list.state.message == nil)
        let detail = Self.busyBrowser(in: .detail)
        #expect(detail.state.detail?.scroll == 3)
        #expect(detail.state.message == nil)
    }

    @Test(arguments: BoundKey.all)
    func everyBoundKeyDoesSomethingInItsContext(_ bound: BoundKey) {
        var browser = Self.busyBrowser(in: bound.context)
        let before = browser.state
        let effects = browser.press(bound.key)
        #expect(browser.state != before || !effects.isEmpty)
    }

    @Test(arguments: [Key.char("x"), .char("Z"), .char("é"), .char("東"), .tab, .backspace, .control("a"), .char("o")])
    func unboundKeysInTheListDoNothing(_ key: Key) {
        var browser = Browser.showing(page: 2)
        browser.press(.down)
        let before = browser.state
        #expect(browser.press(key).isEmpty)
        #expect(browser.state == before)
    }

    @Test(arguments: [Key.char("n"), .char("p"), .char("f"), .char("/"), .left, .right, .char("z")])
    func listOnlyKeysDoNothingInTheDetailPane(_ key: Key) {
        var browser = Browser.showing(page: 2)
        browser.openDetailWithVerbose()
        let before = browser.state
        #expect(browser.press(key).isEmpty)
        #expect(browser.state == before)
    }

    @Test func footerHintsComeFromTheKeyMap() {
        var browser = Browser.showing(page: 1)
        for hint in KeyMap.hints(for: .list) {
            #expect(browser.footer.contains(hint))
        }
        browser.press(.enter)
        for hint in KeyMap.hints(for: .detail) {
            #expect(browser.footer.contains(hint))
        }
        var view = Browser.showingView(.replicas)
        for hint in KeyMap.hints(for: .resourceList) {
            #expect(view.footer.contains(hint))
        }
        view.press(.enter)
        for hint in KeyMap.hints(for: .resourcePane, unavailable: [.nextLink]) {
            #expect(view.footer.contains(hint))
        }
        #expect(!view.footer.contains("Tab link"), "a replica's pane links to nothing")
        var personas = Browser.showingView(.personas)
        personas.press(.enter)
        #expect(personas.footer.contains("Tab link"))
    }

    @Test func helpOverlayListsEveryBinding() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 50, columns: 100))
        browser.press(.char("?"))
        let screen = browser.screen
        #expect(screen.contains("List") && screen.contains("Detail pane"))
        Self.expectEveryBinding(of: [.list, .detail], on: screen)
        var view = Browser.showingView(.personas, size: TerminalSize(rows: 50, columns: 100))
        view.press(.char("?"))
        let help = view.screen
        #expect(help.contains("Personas list") && help.contains("Persona pane"))
        Self.expectEveryBinding(of: [.resourceList, .resourcePane], on: help)
        #expect(!help.contains("end an active call"), "the conversations' keys are not the personas'")
    }

    /// Every binding of these contexts is on the help screen, its keys and what it does.
    static func expectEveryBinding(of contexts: Set<KeyContext>, on screen: Frame) {
        for binding in KeyMap.bindings where !binding.contexts.isDisjoint(with: contexts) {
            #expect(screen.contains(binding.label), "\(binding.label)")
            #expect(screen.contains(binding.summary), "\(binding.summary)")
        }
    }
}
