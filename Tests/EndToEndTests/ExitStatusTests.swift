import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// One exit-code scheme: 0 success, 2 every usage error (the parser's too), 3 an API error.
@Suite("Exit status and messages on the command line")
struct ExitStatusTests {
    @Test("Usage errors exit 2 with a clear message on stderr",
          arguments: [
            (["--limit", "abc"], "'abc' is invalid for '--limit"),
            (["--status", "bogus"], "'bogus' is invalid for '--status"),
            (["--no-such-flag"], "Unknown option '--no-such-flag'"),
            (["list", "--format", "xml"], "'xml' is invalid for '--format"),
            (["--timeout", "0"], "--timeout must be more than 0 and at most 600 seconds"),
            (["list", "--limit", "0"], "--limit must be at least 1"),
            (["list", "--page", "0"], "--page must be at least 1"),
            (["--base-url", "http://api.example.com", "list"], "--insecure-http"),
          ])
    func usageErrorsExitTwo(arguments: [String], message: String) async throws {
        let result = try await runBrowse(arguments, environment: ["TAVUS_API_KEY": "k"])
        #expect(result.status == 2 && !result.killedBySignal, "exit \(result.status): \(result.standardError)")
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
        #expect(result.stdout.isEmpty)
    }

    @Test("A key file that cannot be read exits 2 and names the file")
    func unreadableKeyFile() async throws {
        let result = try await runBrowse(["list", "--api-key-file", "/nonexistent/tavus.key"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Cannot read the key file /nonexistent/tavus.key"), "\(result.standardError)")
    }

    @Test("--help shows the browser's own options; the completion scripts offer them and their values")
    func helpAndCompletions() async throws {
        let help = try await runBrowse(["--help"])
        #expect(help.status == 0)
        for option in ["--demo", "--status", "--watch", "--limit", "--timeout", "--no-mouse", "list"] {
            #expect(help.standardOutput.contains(option), "\(option) is not on --help")
        }
        #expect(help.standardOutput.contains("EXIT STATUS"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try await runBrowse(["--generate-completion-script", shell])
            #expect(script.status == 0)
            for option in ["demo", "status", "watch", "limit"] {
                #expect(script.standardOutput.contains(option), "\(shell) completion lacks --\(option)")
            }
            #expect(script.standardOutput.contains("active") && script.standardOutput.contains("ended"), "\(shell): --status values")
        }
        let version = try await runBrowse(["--version"])
        #expect(version.standardOutput == "tavus-browse \(ClientConfiguration.version)\n")
    }

    @Test("list on a broken JSON page exits 3 and shows the start of the body")
    func listOnBrokenJSON() async throws {
        try await withSandbox(count: 30) { sandbox in
            sandbox.inject(.invalidJSON, times: nil)
            let result = try await runBrowse(["list", "--base-url", sandbox.baseURL.absoluteString],
                                             environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(result.status == 3)
            #expect(result.standardError.contains("Unreadable answer: not valid JSON (body starts: upstream said"), "\(result.standardError)")
        }
    }

    @Test("list --page past the end says so on stderr and exits 0")
    func listPastTheEnd() async throws {
        try await withSandbox(count: 300) { sandbox in
            let result = try await runBrowse(["list", "--page", "16", "--base-url", sandbox.baseURL.absoluteString],
                                             environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(result.status == 0)
            #expect(result.standardError.contains("page 16 is past the end: there are 15 pages of 20 (300 conversations)"),
                    "\(result.standardError)")
        }
    }

    @Test("--demo never goes through a proxy, whatever the environment says")
    func demoIgnoresProxies() async throws {
        let result = try await runBrowse(["list", "--demo", "--limit", "3"], environment: [
            "HTTP_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
        ])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.split(separator: "\n").count == 4)
    }
}
