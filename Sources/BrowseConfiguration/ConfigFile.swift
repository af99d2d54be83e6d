import Foundation
import TOMLKit

/// The parsed `config.toml`: its profiles and the one to use when none is named.
public struct ConfigFile: Equatable, Sendable {
    public let path: String
    public let defaultProfile: String?
    public let profiles: [String: Profile]

    /// `$XDG_CONFIG_HOME/tavus-browse/config.toml`, or `~/.config/…` when it is unset or empty.
    public static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/tavus-browse/config.toml"
    }

    /// Reads the file at `path`; nil when it does not exist and `required` is false.
    public static func load(path: String, required: Bool, environment: [String: String], warn: (String) -> Void) throws(ConfigError) -> ConfigFile? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !required, !FileManager.default.fileExists(atPath: path) { return nil }
            throw ConfigError("Cannot read the config file \(path)")
        }
        let file = try parse(String(decoding: data, as: UTF8.self), path: path, environment: environment, warn: warn)
        var info = stat()
        if file.profiles.values.contains(where: { if case .literal = $0.key { true } else { false } }),
           stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            warn("warning: \(path) holds an API key and can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        return file
    }

    /// Parses the text; unknown keys in a profile are warnings, wrong types are errors.
    public static func parse(_ text: String, path: String, environment: [String: String] = [:], warn: (String) -> Void) throws(ConfigError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError("\(path):\(error.source.begin.line): \(error.description)")
        } catch {
            throw ConfigError("\(path): not valid TOML")
        }
        var defaultProfile: String?
        var profiles: [String: Profile] = [:]
        for (key, value) in table {
            switch key {
            case "default_profile":
                guard let name = value.string else { throw ConfigError("\(path): default_profile must be a string") }
                defaultProfile = name
            case "profiles":
                guard let all = value.table else { throw ConfigError("\(path): profiles must be a table") }
                for (name, entry) in all {
                    guard let entry = entry.table else { throw ConfigError("\(path): profiles.\(name) must be a table") }
                    profiles[name] = try profile(name, entry, path: path, environment: environment, warn: warn)
                }
            default:
                if value.table != nil {
                    throw ConfigError("\(path): [\(key)] is not a profile: profiles are tables under profiles, as [profiles.\(key)]")
                }
                warn("warning: \(path): unknown key \(key)\(suggestion(key, among: ["default_profile", "profiles"]))")
            }
        }
        if let defaultProfile, profiles[defaultProfile] == nil {
            throw ConfigError("\(path): default_profile \(defaultProfile) is not a profile here (\(ProfileChoice.list(profiles)))")
        }
        return ConfigFile(path: path, defaultProfile: defaultProfile, profiles: profiles)
    }

    private static func profile(_ name: String, _ table: TOMLTable, path: String, environment: [String: String],
                                warn: (String) -> Void) throws(ConfigError) -> Profile {
        var profile = Profile(name: name)
        var sources: [String] = []
        func string(_ key: String, _ value: TOMLValueConvertible) throws(ConfigError) -> String {
            guard let text = value.string else { throw ConfigError("\(path): profiles.\(name).\(key) must be a string") }
            return text
        }
        func number(_ key: String, _ value: TOMLValueConvertible) throws(ConfigError) -> Double {
            guard let number = value.double ?? value.int.map(Double.init), number.isFinite else {
                throw ConfigError("\(path): profiles.\(name).\(key) must be a number")
            }
            return number
        }
        for (key, value) in table {
            switch key {
            case "base_url": profile.baseURL = try string(key, value)
            case "api_key": profile.key = .literal(try string(key, value)); sources.append(key)
            case "api_key_file": profile.key = .file(expandTilde(try string(key, value), environment: environment)); sources.append(key)
            case "api_key_command": profile.key = .command(try string(key, value)); sources.append(key)
            case "timeout":
                let timeout = try number(key, value)
                guard timeout > 0, timeout <= 600 else { throw ConfigError("\(path): profiles.\(name).timeout must be more than 0 and at most 600") }
                profile.timeout = timeout
            case "limit":
                guard let limit = value.int, limit >= 1 else { throw ConfigError("\(path): profiles.\(name).limit must be a whole number, at least 1") }
                profile.limit = limit
            case "status":
                let status = try string(key, value)
                guard ["active", "ended"].contains(status) else { throw ConfigError("\(path): profiles.\(name).status must be active or ended") }
                profile.status = status
            case "watch":
                let watch = try number(key, value)
                guard watch >= 0.5, watch <= Profile.longestInterval else {
                    throw ConfigError("\(path): profiles.\(name).watch must be at least 0.5 and at most \(Int(Profile.longestInterval)) (24 hours)")
                }
                profile.watch = watch
            default:
                warn("warning: \(path): unknown key \(key) in profiles.\(name)\(suggestion(key, among: Profile.knownKeys))")
            }
        }
        if sources.count > 1 {
            throw ConfigError("\(path): profiles.\(name) has \(sources.joined(separator: " and ")); give one")
        }
        return profile
    }

    private static func suggestion(_ key: String, among known: [String]) -> String {
        NearestName.to(key, among: known).map { " (did you mean \($0)?)" } ?? ""
    }

    /// `~/…` as the user's home, since a config file cannot rely on the shell for it.
    static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}
