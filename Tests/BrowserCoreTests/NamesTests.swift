import BrowserCore
import Foundation
import TavusAPI
import Testing

/// Persona and replica names in the list and the pane, as the lookups bring them.
@Suite("Names of personas and replicas")
struct NamesTests {
    static let names = NameDirectory.Names(
        personas: ["pcb7a34da5fe": "Sales Coach Rhea"],
        replicas: ["r90bbd427f71": "Rhea \u{1B}[31mface"])

    @Test func theListGetsAPersonaColumnFrom110AndAReplicaColumnFrom150() {
        for (columns, persona, replica) in [(100, false, false), (120, true, false), (160, true, true)] {
            var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: columns))
            browser.send(.namesFound(Self.names, failure: nil))
            let screen = browser.screen
            #expect(screen.lines[1].contains("PERSONA") == persona, "\(columns) columns")
            #expect(screen.lines[1].contains("REPLICA") == replica, "\(columns) columns")
            #expect(screen.contains("Sales Coach Rhea") == persona, "\(columns) columns")
            if replica {
                #expect(screen.contains("Rhea ␛[31mface"), "the name is sanitised")
            }
        }
    }

    @Test func aWideScreenGivesTheRoomANameDoesNotNeedToTheNamesOfPersonas() {
        let long = NameDirectory.Names(personas: ["pcb7a34da5fe": "Renewal Specialist Omar Haddad"],
                                       replicas: ["r90bbd427f71": "Omar (office, second take)"])
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 200))
        browser.send(.namesFound(long, failure: nil))
        #expect(browser.screen.contains("Renewal Specialist Omar Haddad"), "the persona's name is not cut")
        #expect(browser.screen.contains("Omar (office, second take)"), "nor the replica's")
        var narrow = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 120))
        narrow.send(.namesFound(long, failure: nil))
        #expect(narrow.screen.contains("Renewal Specialist Om…"), "where the room is short, the persona gives way first")
    }

    @Test func anUnknownNameShowsTheIdDimmed() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 120))
        let screen = browser.screen
        let row = screen.lines.firstIndex { $0.contains(Sample.id(4)) }!
        let column = screen.lines[row].distance(
            from: screen.lines[row].startIndex, to: screen.lines[row].range(of: "pcb7a34da5fe")?.lowerBound ?? screen.lines[row].startIndex)
        #expect(column > 0, "the persona id is shown")
        #expect(screen[row, column].style == .dim || screen[row, column].style == .selected)
        browser.send(.namesFound(Self.names, failure: nil))
        #expect(browser.screen.contains("Sales Coach Rhea"))
    }

    @Test func thePaneNamesBothWithTheirIds() {
        var browser = Browser.showing(page: 1)
        browser.press(.enter)
        #expect(browser.screen.contains("Persona    pcb7a34da5fe"))
        browser.send(.namesFound(Self.names, failure: nil))
        let screen = browser.screen
        #expect(screen.contains("Persona    Sales Coach Rhea (pcb7a34da5fe)"), "the pane follows names that came later")
        #expect(screen.contains("Replica    Rhea ␛[31mface (r90bbd427f71)"))
    }

    @Test func aFailedLookupIsSaidOnceAndRowsKeepTheirIds() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 120))
        browser.send(.namesFound(NameDirectory.Names(), failure: .http(status: 500, message: nil)))
        #expect(browser.footer.contains("Names not found, showing ids: HTTP 500"))
        browser.press(.down)
        browser.send(.namesFound(NameDirectory.Names(), failure: .http(status: 500, message: nil)))
        #expect(!browser.footer.contains("Names not found"))
        #expect(browser.screen.contains("pcb7a34da5fe"))
    }
}
