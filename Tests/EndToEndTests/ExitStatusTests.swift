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

    @Test("An interval past 24 hours exits 2 naming the option, in a flag or a profile")
    func intervalsHaveAnUpperBound() async throws {
        let watch = try await runBrowse(["--watch", "3000000"], environment: ["TAVUS_API_KEY": "k"])
        #expect(watch.status == 2)
        #expect(watch.standardError.contains("--watch must be at least 0.5 and at most 86400 seconds (24 hours)"), "\(watch.standardError)")
        let stale = try await runBrowse(["--stale-after", "1e12"], environment: ["TAVUS_API_KEY": "k"])
        #expect(stale.status == 2)
        #expect(stale.standardError.contains("--stale-after must be more than 0 and at most 86400 seconds (24 hours)"), "\(stale.standardError)")
        let config = try TemporaryDirectory(prefix: "config")
        defer { config.remove() }
        try "[profiles.slow]\nwatch = 2200000\n".write(toFile: config.file("config.toml"), atomically: true, encoding: .utf8)
        let profile = try await runBrowse(["list", "--config", config.file("config.toml"), "--profile", "slow"], environment: ["TAVUS_API_KEY": "k"])
        #expect(profile.status == 2)
        #expect(profile.standardError.contains("profiles.slow.watch must be at least 0.5 and at most 86400 (24 hours)"), "\(profile.standardError)")
    }

    @Test("A mistyped command exits 2 and says which was meant")
    func aMistypedCommandGetsItsNearest() async throws {
        let result = try await runBrowse(["lsit", "--limit", "5"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("lsit is not a command; did you mean list?"), "\(result.standardError)")
        let far = try await runBrowse(["conversations"])
        #expect(far.status == 2)
        #expect(!far.standardError.contains("did you mean"), "\(far.standardError)")
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
