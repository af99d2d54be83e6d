import Foundation
import TavusSandbox
import Testing

/// The real binary with a config file: profiles as defaults, the key's precedence, the header.
@Suite("Profiles from the config file")
struct ProfileEndToEndTests {
    /// A config whose default profile `good` gets the sandbox's key from a command and whose
    /// profile `wrong` holds a key the sandbox refuses; the file is mode 600.
    static func config(_ sandbox: SandboxServer) throws -> String {
        try configFile("""
            default_profile = "good"
            [profiles.good]
            base_url = "\(sandbox.baseURL.absoluteString)"
            api_key_command = "echo \(sandbox.apiKey)"
            limit = 3
            [profiles.wrong]
            base_url = "\(sandbox.baseURL.absoluteString)"
            api_key = "not-the-key"
            """)
    }

    /// A config (mode 600) whose default profile `prod` has `prod`'s address and key, and whose
    /// profile `staging` has `staging`'s address and `stagingLines` besides.
    static func prodAndStaging(_ prod: SandboxServer, _ staging: SandboxServer, _ stagingLines: String) throws -> String {
        try configFile("""
            default_profile = "prod"
            [profiles.prod]
            base_url = "\(prod.baseURL.absoluteString)"
            api_key = "\(prod.apiKey)"
            [profiles.staging]
            base_url = "\(staging.baseURL.absoluteString)"
            \(stagingLines)
            """)
    }

    /// `text` in a new file of mode 600 under the temporary folder; its path.
    static func configFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "tavus-browse-\(UUID()).toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
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
            #expect(named.standardError.contains("Invalid access token (the key from profile wrong)"), "\(named.standardError)")
            let fromEnvironment = try await runBrowse(["list", "--config", path],
                                                      environment: ["TAVUS_PROFILE": "wrong", "TAVUS_API_KEY": sandbox.apiKey])
            #expect(fromEnvironment.status == 3, "TAVUS_PROFILE names a profile like --profile")
            let overDefault = try await runBrowse(["list", "--config", path], environment: ["TAVUS_API_KEY": "not-the-key"])
            #expect(overDefault.status == 3, "TAVUS_API_KEY beats the default profile's key")
            #expect(overDefault.standardError.contains("Invalid access token (the key from TAVUS_API_KEY)"), "\(overDefault.standardError)")
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
                let path = try Self.prodAndStaging(prod, staging, """
                    api_key_command = "echo \(staging.apiKey)"
                    status = "ended"
                    """)
                defer { try? FileManager.default.removeItem(atPath: path) }
                try await withBrowser(["--config", path], environment: [:], columns: 170, rows: 30) { tmux in
                    try await tmux.waitFor(text: "prod · 127.0.0.1:\(prod.baseURL.port ?? 0)")
                    try await tmux.waitFor(text: "30 total")
                    try await tmux.waitFor(text: "of 30 · never synced (S)")
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
                    try await tmux.waitFor(text: "of 30 · never synced (S)")
                    #expect(prod.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "1" } == prodLists,
                            "prod's first page came from its own cache")
                    try await tmux.press("q")
                    #expect(try await tmux.waitForExit() == 0)
                }
            }
        }
    }
    @Test("A switch while the old account answers after 2 s: none of its rows reach the new account's screen or index")
    func slowOldAccountAfterSwitch() async throws {
        let cache = try TemporaryDirectory(prefix: "cache")
        defer { cache.remove() }
        try await withSandbox(count: 300) { prod in
            try await withSandbox(count: 300, seed: 9) { staging in
                let path = try Self.prodAndStaging(prod, staging, "api_key = \"\(staging.apiKey)\"")
                defer { try? FileManager.default.removeItem(atPath: path) }
                let prodIDs = Set(prod.conversations.map(\.id))
                let stagingIDs = Set(staging.conversations.map(\.id))
                let prodFirstPage = prod.conversations.prefix(20).map(\.id)
                try await withBrowser(["--config", path], environment: ["XDG_CACHE_HOME": cache.path], columns: 120, rows: 30) { tmux in
                    try await tmux.waitFor(text: prodFirstPage[0])
                    try await waitUntil("prod's page 2 prefetched") { prod.requestCount { $0.query["page"] == "2" } >= 1 }
                    prod.setLatency(milliseconds: 2000)
                    let reloads = prod.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "1" }
                    try await tmux.press("r")
                    try await waitUntil("the reload reached prod") {
                        prod.requestCount { $0.path == "/v2/conversations" && $0.query["page"] == "1" } > reloads
                    }
                    try await tmux.type(":profile staging")
                    try await tmux.press("Enter")
                    let stagingFirst = try #require(staging.conversations.first?.id)
                    try await tmux.waitFor(text: stagingFirst)
                    try await waitUntil("staging's page 2 prefetched") { staging.requestCount { $0.query["page"] == "2" } >= 1 }
                    // A page asked for now answers after 3 s: by then prod's reload has come back.
                    staging.setLatency(milliseconds: 3000)
                    try await tmux.type(":9")
                    try await tmux.press("Enter")
                    let ninth = staging.conversations[160].id
                    let late = try await tmux.waitFor(text: ninth, timeout: .seconds(20))
                    #expect(prodFirstPage.allSatisfy { !late.text.contains($0) }, "a prod row on staging's page 9:\n\(late.text)")
                    try await tmux.press("g")
                    let first = try await tmux.waitFor(text: stagingFirst)
                    #expect(prodFirstPage.allSatisfy { !first.text.contains($0) }, "a prod row on staging's page 1:\n\(first.text)")
                    try await tmux.press("q")
                    #expect(try await tmux.waitForExit() == 0)
                }
                // Each account's index holds its own conversations only.
                let files = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".sqlite") }
                var stagingStored = 0
                for file in files {
                    let listed = try await runBrowse(["list", "--offline", "--all", "--format", "tsv", "--index-path", cache.file(file)],
                                                     environment: ["XDG_CACHE_HOME": cache.path])
                    #expect(listed.status == 0, "\(file): \(listed.standardError)")
                    let ids = Set(listed.standardOutput.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) })
                    #expect(ids.isSubset(of: prodIDs) || ids.isSubset(of: stagingIDs), "\(file) mixes the accounts")
                    if ids.isSubset(of: stagingIDs) { stagingStored += ids.count }
                }
                #expect(files.count == 2, "one index per account: \(files)")
                #expect(stagingStored >= 40, "staging's pages went into its own index")
            }
        }
    }
}
