/// Which profile applies and where the key comes from, by the documented precedence: a flag
/// beats everything; a profile named by `--profile` or `TAVUS_PROFILE` beats `TAVUS_API_KEY`;
/// `TAVUS_API_KEY` beats the default profile's key; then the default profile; then nothing.
public struct ProfileChoice: Equatable, Sendable {
    /// The profile whose values are the defaults, if any.
    public let profile: Profile?
    /// The key's source; nil when there is none (the caller says how to give one).
    public let key: KeySource?
    /// Where the key was given, for a message when the API refuses it: `TAVUS_API_KEY`,
    /// `--api-key-file PATH` or `profile prod`.
    public let keyOrigin: String?

    public init(profile: Profile?, key: KeySource?, keyOrigin: String?) {
        self.profile = profile
        self.key = key
        self.keyOrigin = key == nil ? nil : keyOrigin
    }

    /// - Parameters:
    ///   - named: `--profile`, else `TAVUS_PROFILE`.
    ///   - keyFileFlag: `--api-key-file`.
    ///   - environmentKey: `TAVUS_API_KEY`, trimmed; nil when unset or empty.
    public static func choose(config: ConfigFile?, named: String?, keyFileFlag: String?,
                              environmentKey: String?) throws(ConfigError) -> ProfileChoice {
        let profile: Profile?
        if let named {
            guard let config, let found = config.profiles[named] else {
                let place = config.map { "in \($0.path) (\(list($0.profiles)))" } ?? "(there is no config file)"
                throw ConfigError("No profile \(named) \(place)")
            }
            profile = found
        } else {
            profile = config?.defaultProfile.flatMap { config?.profiles[$0] }
        }
        let fromProfile = profile.map { "profile \($0.name)" }
        if let keyFileFlag { return ProfileChoice(profile: profile, key: .file(keyFileFlag), keyOrigin: "--api-key-file \(keyFileFlag)") }
        if named != nil, let key = profile?.key { return ProfileChoice(profile: profile, key: key, keyOrigin: fromProfile) }
        if let environmentKey { return ProfileChoice(profile: profile, key: .literal(environmentKey), keyOrigin: "TAVUS_API_KEY") }
        return ProfileChoice(profile: profile, key: profile?.key, keyOrigin: fromProfile)
    }

    /// The profile names, sorted, for a message.
    static func list(_ profiles: [String: Profile]) -> String {
        profiles.isEmpty ? "it has none" : "profiles: " + profiles.keys.sorted().joined(separator: ", ")
    }
}
