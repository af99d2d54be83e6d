import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Opening a conversation in the browser")
struct OpenURLTests {
    @Test("o hands exactly the URL to $BROWSER, without TAVUS_API_KEY in its environment")
    func openURL() async throws {
        let browser = try RecordingBrowser()
        defer { browser.remove() }
        try await withSandbox(count: 30) { sandbox in
            let chosen = sandbox.conversations[0]
            try await withBrowser(against: sandbox, environment: ["BROWSER": browser.script]) { tmux in
                try await tmux.waitFor("the first page") { $0.lines[2].hasPrefix("▶" + chosen.id) }
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "URL        \(chosen.url)")
                try await tmux.press("o")
                try await tmux.waitFor(text: "Opened \(chosen.url)")

                #expect(try await browser.arguments() == chosen.url + "\n")
                let environment = try browser.environment()
                #expect(environment.contains { $0.hasPrefix("PATH=") }, "the environment dump looks empty")
                #expect(!environment.contains { $0.hasPrefix("TAVUS_API_KEY=") }, "the API key leaked to the browser")
                #expect(!environment.joined().contains(sandbox.apiKey), "the API key leaked to the browser")
            }
        }
    }
}
