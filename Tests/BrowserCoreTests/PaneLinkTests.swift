import BrowserCore
import Foundation
import TavusAPI
import Testing

@Suite("A pane's links: Tab selects, Enter opens, Esc comes back as it was")
struct PaneLinkTests {
    /// The first persona's pane: it links to its replica, a document, and the documents tagged `pricing`.
    private func personaPane(rows: Int = 40) -> Browser {
        var browser = Browser.showingView(.personas, size: TerminalSize(rows: rows, columns: 160))
        browser.press(.enter)
        return browser
    }

    /// The text drawn in the selected style in the pane (right of the list).
    private func selectedLine(_ browser: Browser) -> String? {
        let frame = browser.screen
        let texts = (0..<frame.rows).map { row in
            (frame.columns / 2..<frame.columns).filter { frame[row, $0].style == .selected }.map { frame[row, $0].text }.joined()
        }
        return texts.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    @Test func tabWalksTheLinksInOrderAndWraps() {
        var browser = personaPane()
        let list = browser.state.views.last!.selection
        browser.press(.tab)
        #expect(browser.state.views.last?.pane?.link == 0)
        browser.press(.tab)
        #expect(selectedLine(browser)?.contains("d1a2b3c4") == true, "\(browser.screen.text)")
        browser.press(.tab, .tab)
        #expect(browser.state.views.last?.pane?.link == 0, "past the last link, the first again")
        browser.press(.backTab)
        #expect(selectedLine(browser)?.contains("pricing") == true)
        #expect(browser.state.views.last?.selection == list, "Tab moves in the pane, not the list")
    }

    @Test func enterOpensTheDocumentAndEscReturnsToTheSamePaneAndLink() {
        var browser = personaPane()
        browser.press(.tab, .tab)
        let before = browser.state.views
        #expect(browser.press(.enter) == [.loadRecord(.documents, id: "d1a2b3c4")])
        #expect(browser.header.contains("persona Sales Coach Rhea") || browser.header.contains("Sales Coach Rhea"))
        #expect(browser.header.contains("document d1a2b3c4"), "\(browser.header)")
        let document = ResourceRow(id: "d1a2b3c4", name: "Pricing FAQ", cells: [], pane: [.field("Name", .text("Pricing FAQ"))])
        browser.send(.recordLoaded(.documents, id: "d1a2b3c4", document))
        #expect(browser.header.contains("document Pricing FAQ"))
        browser.press(.escape)
        #expect(browser.state.views == before, "the persona's list, pane, scroll and selected link as they were")
    }

    @Test func aTagOpensTheListOfTheItemsWithIt() {
        var browser = personaPane()
        browser.press(.backTab)
        let effects = browser.press(.enter)
        guard case .loadResourcePage(let key, _, false)? = effects.first else {
            Issue.record("no page asked: \(effects)")
            return
        }
        #expect(key.kind == .documents && key.tag == "pricing" && key.number == 1)
        #expect(browser.header.contains("documents tagged pricing"), "\(browser.header)")
        browser.press(.escape)
        #expect(browser.state.views.count == 1 && browser.state.views.last?.pane?.link == 2)
    }

    @Test func aLinkShowsTheItemsNameOnceKnown() {
        var browser = personaPane()
        #expect(browser.screen.contains("d1a2b3c4"))
        var names = KnownNames()
        names["documents"] = ["d1a2b3c4": "Pricing FAQ"]
        browser.send(.namesFound(names, failure: nil))
        #expect(browser.screen.contains("Pricing FAQ (d1a2b3c4)"))
    }

    @Test func theSelectedLinkIsScrolledIntoView() {
        var browser = personaPane(rows: 14)
        browser.press(.backTab)
        let pane = browser.state.views.last!.pane!
        #expect(pane.scroll > 0, "the tag is below the first lines")
        #expect(selectedLine(browser)?.contains("pricing") == true, "\(browser.screen.text)")
    }

    @Test func enterWithoutASelectedLinkSaysHowToSelectOne() {
        var browser = personaPane()
        #expect(browser.press(.enter).isEmpty)
        #expect(browser.state.message == .info("Tab selects a link, Enter opens it"))
    }

    @Test func rOpensThePersonasReplica() {
        var browser = personaPane()
        #expect(browser.press(.char("R")) == [.loadRecord(.replicas, id: Sample.replicaID(0))])
    }
}
