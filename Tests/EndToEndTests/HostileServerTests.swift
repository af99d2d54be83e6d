import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The real binary against a server that lies, crashes it on purpose, or sends absurd numbers.
@Suite("Hostile servers and crashes")
struct HostileServerTests {
    @Test("list --all ends when pages repeat under a lying total_count, in table, tsv and json")
    func listAllEndsOnRepeatingPages() async throws {
        try await withSandbox(count: 300) { sandbox in
            sandbox.inject(.lyingTotal("1000000000000"), times: nil)
            let firstPage = Array(sandbox.conversations.prefix(100)).map(\.id)
            for format in ["tsv", "json", "table"] {
                sandbox.resetCounts()
                let result = try await runBrowse(
                    ["list", "--all", "--format", format, "--base-url", sandbox.baseURL.absoluteString],
                    environment: ["TAVUS_API_KEY": sandbox.apiKey])
                #expect(result.status == 0, "stderr: \(result.standardError)")
                // Page 2 brought nothing new: the walk stopped there.
                #expect(sandbox.requestCount == 2, "\(format): \(sandbox.requestCount) requests")
                switch format {
                case "json":
                    let objects = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
                    #expect(objects.compactMap { $0["conversation_id"] as? String } == firstPage)
                default:
                    let lines = result.standardOutput.split(separator: "\n")
                    #expect(lines.count == 101, "\(format): \(lines.count) lines")
                }
            }
        }
    }

    @Test("Absurd totals from a server never crash list or the browser, and the header stays consistent",
          arguments: ["9223372036854775807", "1e19", "\"NaN\"", "\"inf\"", "-5"])
    func absurdTotals(total: String) async throws {
        try await withSandbox(count: 30) { sandbox in
            let items = sandbox.conversations.prefix(20).map { #"{"conversation_id": "\#($0.id)", "conversation_name": "x", "status": "ended"}"# }
            sandbox.inject(.rawBody(#"{"data": [\#(items.joined(separator: ","))], "total_count": \#(total)}"#), times: nil)
            let list = try await runBrowse(["list", "--base-url", sandbox.baseURL.absoluteString],
                                           environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(list.status == 0, "stderr: \(list.standardError)")
            try await withBrowser(against: sandbox) { tmux in
                let screen = try await tmux.waitFor(text: "total unknown")
                #expect(screen.header.contains("page 1 "), "header: \(screen.header)")
                try await tmux.press("n")
                try await tmux.waitFor(text: "page 2 ")
                #expect(tmux.exitStatus() == nil)
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
            }
        }
    }

    @Test("A crash gives the terminal back: echo, canonical mode, main screen, cursor, no mouse reporting")
    func crashRestoresTheTerminal() async throws {
        try await withSandbox(count: 30) { sandbox in
            try await withBrowser(against: sandbox, environment: ["TAVUS_BROWSE_TEST_CRASH": "1"]) { tmux in
                let status = try await tmux.waitForExit()
                // SIGILL or SIGTRAP, whichever the platform's trap raises: 128 + the signal.
                #expect(status == 128 + SIGILL || status == 128 + SIGTRAP, "exit status \(status)")
                #expect(try await tmux.display("#{alternate_on}") == "0")
                #expect(try await tmux.display("#{cursor_flag}") == "1")
                #expect(try await tmux.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}") == "0000")
                let tty = try await tmux.display("#{pane_tty}")
                let stty = try await ProcessRunner.run("/bin/stty", ["-a", "-F", tty], environment: Programs.cleanEnvironment())
                let modes = stty.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
                #expect(modes.contains("echo") && modes.contains("icanon") && modes.contains("icrnl"), "stty: \(stty.standardOutput)")
            }
        }
    }
}
