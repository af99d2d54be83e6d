import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Opening a conversation in the browser")
struct OpenURLTests {
    @Test("o hands exactly the URL to $BROWSER, without TAVUS_API_KEY in its environment")
    func openURL() async throws {
        let directory = try TemporaryDirectory(prefix: "browser")
        defer { directory.remove() }
        let argsFile = directory.file("args")
        let envFile = directory.file("env")
        let script = try directory.executable("record-browser", """
            #!/bin/sh
            env > '\(envFile).tmp' && mv '\(envFile).tmp' '\(envFile)'
            : > '\(argsFile).tmp'
            for argument in "$@"; do printf '%s\\n' "$argument" >> '\(argsFile).tmp'; done
            mv '\(argsFile).tmp' '\(argsFile)'

            """)

        try await withSandbox(count: 30) { sandbox in
            let chosen = sandbox.conversations[0]
            try await withBrowser(against: sandbox, environment: ["BROWSER": script]) { tmux in
                try await tmux.waitFor("the first page") { $0.lines[2].hasPrefix("▶" + chosen.id) }
                try await tmux.press("Enter")
                try await tmux.waitFor(text: "URL        \(chosen.url)")
                try await tmux.press("o")
                try await tmux.waitFor(text: "Opened \(chosen.url)")

                let deadline = ContinuousClock.now + .seconds(15)
                while !FileManager.default.fileExists(atPath: argsFile), ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
                let arguments = try String(contentsOfFile: argsFile, encoding: .utf8)
                #expect(arguments == chosen.url + "\n")
                let environment = try String(contentsOfFile: envFile, encoding: .utf8)
                    .split(separator: "\n").map(String.init)
                #expect(environment.contains { $0.hasPrefix("PATH=") }, "the environment dump looks empty")
                #expect(!environment.contains { $0.hasPrefix("TAVUS_API_KEY=") }, "the API key leaked to the browser")
                #expect(!environment.joined().contains(sandbox.apiKey), "the API key leaked to the browser")
            }
        }
    }
}
