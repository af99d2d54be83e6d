@testable import BrowserCore
import Testing

@Suite("The viewport: a pane's first line shown, in bounds, and its lines kept")
struct ViewportTests {
    @Test func scrollingStopsAtTheTopAndAtTheLastFullScreen() {
        var viewport = Viewport()
        viewport.scroll(by: 5, lines: 30, height: 10)
        #expect(viewport.scroll == 5)
        viewport.scroll(by: Int.max, lines: 30, height: 10)
        #expect(viewport.scroll == 20, "the last line at the bottom")
        viewport.scroll(by: Int.min, lines: 30, height: 10)
        #expect(viewport.scroll == 0)
        viewport.scroll(by: 3, lines: 8, height: 10)
        #expect(viewport.scroll == 0, "everything fits")
    }

    @Test func aLineIsPutAtTheTopAsFarAsTheEndAllows() {
        var viewport = Viewport()
        viewport.scroll(to: 12, lines: 30, height: 10)
        #expect(viewport.scroll == 12)
        viewport.scroll(to: 28, lines: 30, height: 10)
        #expect(viewport.scroll == 20)
        viewport.scroll(to: -4, lines: 30, height: 10)
        #expect(viewport.scroll == 0)
    }

    @Test func revealScrollsJustEnough() {
        var viewport = Viewport()
        viewport.reveal(4, height: 10)
        #expect(viewport.scroll == 0, "already shown")
        viewport.reveal(14, height: 10)
        #expect(viewport.scroll == 5, "the line at the bottom")
        viewport.reveal(2, height: 10)
        #expect(viewport.scroll == 2, "the line at the top")
    }

    @Test func theLinesAreMadeOncePerWhatTheyAreMadeFromAndAreNotPartOfTheValue() {
        let viewport = Viewport()
        var made = 0
        func lines(_ width: Int) -> [String] {
            viewport.wrapped.value(for: width) { () -> [String] in
                made += 1
                return [String(repeating: "x", count: width)]
            }
        }
        #expect(lines(80) == [String(repeating: "x", count: 80)] && lines(80).count == 1)
        #expect(made == 1, "the second ask is answered from the kept lines")
        _ = lines(40)
        #expect(made == 2)
        #expect(Viewport() == viewport, "two viewports at the same line are equal, whatever they keep")
    }
}
