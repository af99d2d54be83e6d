import Foundation
import Testing
@testable import BrowseConfiguration

@Suite struct ConfigFileTests {
    static let sample = """
        default_profile = "prod"
        [profiles.prod]
        api_key_command = "pass show tavus/prod"
        limit = 50
        [profiles.staging]
        base_url = "https://tavusapi.com"
        api_key_file = "~/.config/tavus/staging.key"
        status = "active"
        watch = 10
        """

    @Test func readsTheIssuesExample() throws {
        var warnings: [String] = []
        let file = try ConfigFile.parse(Self.sample, path: "c.toml", environment: ["HOME": "/home/u"]) { warnings.append($0) }
        #expect(warnings.isEmpty)
        #expect(file.defaultProfile == "prod")
        #expect(file.profiles["prod"] == Profile(name: "prod", key: .command("pass show tavus/prod"), limit: 50))
        #expect(file.profiles["staging"] == Profile(name: "staging", baseURL: "https://tavusapi.com",
                                                    key: .file("/home/u/.config/tavus/staging.key"), status: "active", watch: 10))
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() {
        #expect(throws: ConfigError.self) { try ConfigFile.parse("[profiles.a]\nlimit = = 3\n", path: "c.toml") { _ in } }
        do {
            _ = try ConfigFile.parse("[profiles.a]\nlimit = 3\nbase_url = \"x\n", path: "c.toml") { _ in }
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("c.toml:3: "), "\(error.description)")
        }
    }

    @Test func anUnknownKeyInAProfileIsAWarningNamingIt() throws {
        var warnings: [String] = []
        let file = try ConfigFile.parse("[profiles.a]\nlimt = 3\nlimit = 4\n", path: "c.toml") { warnings.append($0) }
        #expect(warnings == ["warning: c.toml: unknown key limt in profiles.a (did you mean limit?)"])
        #expect(file.profiles["a"]?.limit == 4)
    }

    @Test func aKeyFarFromEveryKnownOneIsNamedWithoutAGuess() throws {
        var warnings: [String] = []
        _ = try ConfigFile.parse("defualt_profile = \"a\"\n[profiles.a]\ncolour = \"red\"\n", path: "c.toml") { warnings.append($0) }
        #expect(Set(warnings) == ["warning: c.toml: unknown key colour in profiles.a",
                                  "warning: c.toml: unknown key defualt_profile (did you mean default_profile?)"])
    }

    @Test func aProfileWrittenAsATopLevelTableSaysWhereProfilesGo() {
        do {
            _ = try ConfigFile.parse("[prod]\napi_key = \"k\"\n", path: "c.toml") { _ in }
            Issue.record("no error")
        } catch {
            #expect(error.description == "c.toml: [prod] is not a profile: profiles are tables under profiles, as [profiles.prod]")
        }
    }

    @Test func aWatchOfMoreThanADayIsAnErrorNamingTheKey() throws {
        let day = try ConfigFile.parse("[profiles.a]\nwatch = 86400\n", path: "c.toml") { _ in }
        #expect(day.profiles["a"]?.watch == 86_400)
        do {
            _ = try ConfigFile.parse("[profiles.a]\nwatch = 2200000\n", path: "c.toml") { _ in }
            Issue.record("no error")
        } catch {
            #expect(error.description == "c.toml: profiles.a.watch must be at least 0.5 and at most 86400 (24 hours)")
        }
    }

    @Test func badValuesAreErrorsNotCrashes() {
        for text in ["[profiles.a]\nlimit = 0", "[profiles.a]\nlimit = \"x\"", "[profiles.a]\nstatus = \"paused\"",
                     "[profiles.a]\nwatch = 0.1", "[profiles.a]\ntimeout = 9999", "profiles = 3", "[profiles]\na = 1",
                     "default_profile = \"nope\"\n[profiles.a]", "[profiles.a]\napi_key = \"k\"\napi_key_file = \"f\""] {
            #expect(throws: ConfigError.self, "\(text)") { try ConfigFile.parse(text, path: "c.toml") { _ in } }
        }
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/tavus-browse/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/tavus-browse/config.toml")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/tavus-browse/config.toml")
    }

    @Test func aMissingFileIsNoConfigUnlessAsked() throws {
        let path = NSTemporaryDirectory() + "missing-\(UUID()).toml"
        #expect(try ConfigFile.load(path: path, required: false, environment: [:]) { _ in } == nil)
        #expect(throws: ConfigError.self) { try ConfigFile.load(path: path, required: true, environment: [:]) { _ in } }
    }

    @Test func aReadableFileWithAKeyIsWarnedAbout() throws {
        let path = NSTemporaryDirectory() + "config-\(UUID()).toml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "[profiles.a]\napi_key = \"secret-key\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        var warnings: [String] = []
        _ = try ConfigFile.load(path: path, required: true, environment: [:]) { warnings.append($0) }
        #expect(warnings.count == 1 && warnings[0].contains("can be read by others") && !warnings[0].contains("secret-key"))
        chmod(path, 0o600)
        warnings = []
        _ = try ConfigFile.load(path: path, required: true, environment: [:]) { warnings.append($0) }
        #expect(warnings.isEmpty)
    }
}
