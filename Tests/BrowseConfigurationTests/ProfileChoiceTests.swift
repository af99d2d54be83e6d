import Testing
@testable import BrowseConfiguration

/// Every precedence rule: flag > named profile > TAVUS_API_KEY > default profile > nothing.
@Suite struct ProfileChoiceTests {
    let config = ConfigFile(path: "c.toml", defaultProfile: "prod", profiles: [
        "prod": Profile(name: "prod", key: .command("pass show prod")),
        "staging": Profile(name: "staging", key: .file("/k/staging")),
        "bare": Profile(name: "bare", limit: 5),
    ])

    @Test func theKeyFileFlagBeatsEverything() throws {
        let choice = try ProfileChoice.choose(config: config, named: "staging", keyFileFlag: "/flag", environmentKey: "env")
        #expect(choice.key == .file("/flag"))
        #expect(choice.profile?.name == "staging")
        #expect(choice.keyOrigin == "--api-key-file /flag")
    }

    @Test func aNamedProfileBeatsTheEnvironmentKey() throws {
        let choice = try ProfileChoice.choose(config: config, named: "staging", keyFileFlag: nil, environmentKey: "env")
        #expect(choice.key == .file("/k/staging"))
        #expect(choice.keyOrigin == "profile staging")
    }

    @Test func aNamedProfileWithoutAKeyUsesTheEnvironmentKey() throws {
        let choice = try ProfileChoice.choose(config: config, named: "bare", keyFileFlag: nil, environmentKey: "env")
        #expect(choice.key == .literal("env"))
        #expect(choice.profile?.limit == 5)
        #expect(choice.keyOrigin == "TAVUS_API_KEY")
    }

    @Test func theEnvironmentKeyBeatsTheDefaultProfilesKey() throws {
        let choice = try ProfileChoice.choose(config: config, named: nil, keyFileFlag: nil, environmentKey: "env")
        #expect(choice.key == .literal("env"))
        #expect(choice.profile?.name == "prod")
    }

    @Test func theDefaultProfileComesNext() throws {
        let choice = try ProfileChoice.choose(config: config, named: nil, keyFileFlag: nil, environmentKey: nil)
        #expect(choice.key == .command("pass show prod"))
        #expect(choice.keyOrigin == "profile prod")
    }

    @Test func withoutAConfigThereIsNoKey() throws {
        let choice = try ProfileChoice.choose(config: nil, named: nil, keyFileFlag: nil, environmentKey: nil)
        #expect(choice == ProfileChoice(profile: nil, key: nil, keyOrigin: nil))
    }

    @Test func anUnknownProfileListsTheProfiles() {
        #expect(throws: ConfigError("No profile nope in c.toml (profiles: bare, prod, staging)")) {
            try ProfileChoice.choose(config: config, named: "nope", keyFileFlag: nil, environmentKey: nil)
        }
        #expect(throws: ConfigError("No profile nope (there is no config file)")) {
            try ProfileChoice.choose(config: nil, named: "nope", keyFileFlag: nil, environmentKey: nil)
        }
    }
}
