import BrowserCore
import TavusAPI
import Testing

@Suite("Search highlighting")
struct SearchHighlightTests {
    @Test func theMatchInANameIsMarkedAndNothingElse() {
        let rows = [Sample.conversation(0, name: "Weekly sync with Café Lumière"), Sample.conversation(1, name: "Pricing drill")]
        var browser = Browser.showing(rows)
        browser.press(.char("/"))
        browser.type("CAFÉ")
        let frame = render(browser.state)
        let line = frame.lines.firstIndex { $0.contains("Weekly sync") }!
        let marked = (0..<frame.columns).filter { frame[line, $0].style == .match }
        let text = String(String.UnicodeScalarView(marked.map { frame[line, $0].scalar }))
        #expect(text == "Café")
        let everyMarked = (0..<frame.rows).flatMap { row in (0..<frame.columns).filter { frame[row, $0].style == .match } }
        #expect(everyMarked.count == 4)
    }
}

@Suite("Search: the prompt and the rule for a match")
struct SearchPromptAndRuleTests {
    @Test func aLongWideTextShowsItsNewestEndInTheColumnsThereAre() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 10, columns: 30))
        browser.press(.char("/"))
        browser.type(String(repeating: "東", count: 20) + "z")
        let footer = browser.footer
        #expect(footer.hasPrefix(" /…"))
        #expect(footer.contains("東z"), "the newest typing is hidden: \(footer)")
        #expect(TerminalText.width(footer) <= 30)
    }

    @Test func aRowMatchesExactlyWhenSomethingInItIsMarked() {
        let rows = [
            Sample.conversation(0, name: "Bell\u{7}ringer"),
            Sample.conversation(1, name: "ÉCOLE d'été"),
            Sample.conversation(2, name: "Plain"),
        ]
        for query in ["␇r", "école", "ÉTÉ", "plain", "\u{7}r"] {
            var browser = Browser.showing(rows)
            browser.press(.char("/"))
            browser.type(query)
            browser.press(.enter)
            let screen = browser.screen
            let marked = (0..<screen.rows).filter { row in (0..<screen.columns).contains { screen[row, $0].style == .match } }
            #expect(marked.count == browser.rows.count, "“\(query)”: \(browser.rows.count) matches, \(marked.count) rows marked")
        }
    }
}
