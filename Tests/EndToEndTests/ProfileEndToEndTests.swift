import Foundation
import TavusSandbox
import Testing

/// The real binary with a config file: profiles as defaults, the key's precedence, the header.
@Suite("Profiles from the config file")
struct ProfileEndToEndTests {
    /// A config whose default profile `good` gets the sandbox's key from a command and whose
    /// profile `wrong` holds a key the sandbox refuses; the file is mode 600.
    static func config(_ sandbox: SandboxServer) throws -> String {
        let path = NSTemporaryDirectory() + "tavus-browse-\(UUID()).toml"
        try """
            default_profile = "good"
            [profiles.good]
            base_url = "\(sandbox.baseURL.absoluteString)"
            api_key_command = "echo \(sandbox.apiKey)"
            limit = 3
            [profiles.wrong]
            base_url = "\(sandbox.baseURL.absoluteString)"
            api_key = "not-the-key"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    /// Runs `body` with a sandbox of `count` conversations and `config(sandbox)`'s file, removed afterwards.
    static func withConfig(count: Int, _ body: (SandboxServer, String) async throws -> Void) async throws {
        try await withSandbox(count: count) { sandbox in
            let path = try Self.config(sandbox)
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await body(sandbox, path)
        }
    }

    @Test("The default profile gives the base URL, the key (from its command) and the page size")
    func defaultProfile() async throws {
        try await Self.withConfig(count: 30) { sandbox, path in
            let result = try await runBrowse(["list", "--config", path, "--format", "tsv"])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            #expect(result.standardOutput.split(separator: "\n").count == 4)
            #expect(result.standardError.isEmpty)
            let flagged = try await runBrowse(["list", "--config", path, "--format", "tsv", "--limit", "5"])
            #expect(flagged.standardOutput.split(separator: "\n").count == 6, "a flag beats the profile")
        }
    }

    @Test("A named profile beats TAVUS_API_KEY; TAVUS_API_KEY beats the default profile's key")
    func keyPrecedence() async throws {
        try await Self.withConfig(count: 30) { sandbox, path in
            let named = try await runBrowse(["list", "--config", path, "--profile", "wrong"],
                                            environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(named.status == 3, "the profile's wrong key was used: \(named.standardError)")
            let fromEnvironment = try await runBrowse(["list", "--config", path],
                                                      environment: ["TAVUS_PROFILE": "wrong", "TAVUS_API_KEY": sandbox.apiKey])
            #expect(fromEnvironment.status == 3, "TAVUS_PROFILE names a profile like --profile")
            let overDefault = try await runBrowse(["list", "--config", path], environment: ["TAVUS_API_KEY": "not-the-key"])
            #expect(overDefault.status == 3, "TAVUS_API_KEY beats the default profile's key")
            #expect(!overDefault.standardError.contains("not-the-key"))
        }
    }

    @Test("An unknown profile is exit 2 listing the profiles; a syntax error names the file and line")
    func configErrors() async throws {
        try await Self.withConfig(count: 3) { sandbox, path in
            let unknown = try await runBrowse(["list", "--config", path, "--profile", "nope"])
            #expect(unknown.status == 2)
            #expect(unknown.standardError.contains("No profile nope in \(path) (profiles: good, wrong)"), "\(unknown.standardError)")
            try "[profiles.good]\nlimit = = 3\n".write(toFile: path, atomically: true, encoding: .utf8)
            let broken = try await runBrowse(["list", "--config", path])
            #expect(broken.status == 2)
            #expect(broken.standardError.contains("\(path):2: "), "\(broken.standardError)")
        }
    }

    @Test("A failing key command is exit 2 with its status and stderr, never its output")
    func failingKeyCommand() async throws {
        let path = NSTemporaryDirectory() + "tavus-browse-\(UUID()).toml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "[profiles.p]\napi_key_command = \"echo secret-key; echo locked >&2; exit 5\"\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await runBrowse(["list", "--config", path, "--profile", "p", "--base-url", "http://127.0.0.1:9"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("exited with status 5: locked"), "\(result.standardError)")
        #expect(!result.standardError.contains("secret-key") && !result.standardOutput.contains("secret-key"))
    }

    @Test("The browser's header names the profile")
    func headerNamesTheProfile() async throws {
        try await Self.withConfig(count: 30) { sandbox, path in
            try await withBrowser(["--config", path], environment: [:], columns: 100, rows: 30) { tmux in
                try await tmux.waitFor(text: "good · 127.0.0.1:\(sandbox.baseURL.port ?? 0)")
                try await tmux.press("q")
                #expect(try await tmux.waitForExit() == 0)
            }
        }
    }

    @Test(":profile NAME switches account without restarting; each account keeps its cache; an unknown one is named")
    func colonProfileSwitches() async throws {
        try await withSandbox(count: 30) { prod in
            try await withSandbox(count: 7, seed: 9) { staging in
                let path = NSTemporaryDirectory() + "tavus-browse-\(UUID()).toml"
                defer { try? FileManager.default.removeItem(atPath: path) }
                try """
                    default_profile = "prod"
                    [profiles.prod]
                    base_url = "\(prod.baseURL.absoluteString)"
                    api_key = "\(prod.apiKey)"
                    [profiles.staging]
                    base_url = "\(staging.baseURL.absoluteString)"
                    api_key_command = "echo \(staging.apiKey)"
                    status = "ended"
                    """.write(toFile: path, atomically: true, encoding: .utf8)
                chmod(path, 0o600)
                try await withBrowser(["--config", path], environment: [:], columns: 120, rows: 30) { tmux in
                    try await tmux.waitFor(text: "prod · 127.0.0.1:\(prod.baseURL.port ?? 0)")
                    try await tmux.waitFor(text: "30 total")
                    try await tmux.type(":profile staging")
                    try await tmux.press("Enter")
                    try await tmux.waitFor(text: "staging · 127.0.0.1:\(staging.baseURL.port ?? 0)")
                    let stagingScreen = try await tmux.waitFor(text: "filter: ended")
                    #expect(stagingScreen.contains("Profile staging"))
                    #expect(staging.requestCount { $0.path == "/v2/conversations" } >= 1)
                    try await tmux.type(":profile nope")
                    try await tmux.press("Enter")
                    try await tmux.waitFor(text: "No profile nope in")
                    let prodLists = prod.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "1" }
                    try await tmux.type(":profile prod")
                    try await tmux.press("Enter")
                    try await tmux.waitFor(text: "prod · 127.0.0.1:\(prod.baseURL.port ?? 0)")
                    try await tmux.waitFor(text: "30 total")
                    try await tmux.waitFor(text: "cached")
                    #expect(prod.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "1" } == prodLists,
                            "prod's first page came from its own cache")
                    try await tmux.press("q")
                    #expect(try await tmux.waitForExit() == 0)
                }
            }
        }
    }
}
