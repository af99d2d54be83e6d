import Foundation
import BrowserRuntime
import BrowseConfiguration
import TavusAPI

/// The options in force: each flag, else the chosen profile's value, else the built-in default.
struct Settings {
    let profile: Profile?
    let baseURL: String
    let timeout: Double
    let key: KeySource?
    /// Where the key was given (`TAVUS_API_KEY`, `profile prod`), said when the API refuses it.
    let keyOrigin: String?

    static func resolve(_ options: ConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                        warn: (String) -> Void = Settings.warn) throws -> Settings {
        do {
            let path = options.config ?? ConfigFile.defaultPath(environment: environment)
            let file = try ConfigFile.load(path: path, required: options.config != nil, environment: environment, warn: warn)
            let named = options.profile ?? environment["TAVUS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
            let envKey = environment["TAVUS_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines)
            let choice = try ProfileChoice.choose(config: file, named: named, keyFileFlag: options.apiKeyFile,
                                                  environmentKey: envKey?.isEmpty == false ? envKey : nil)
            return Settings(profile: choice.profile,
                            baseURL: options.baseURL ?? choice.profile?.baseURL ?? ClientConfiguration.defaultBaseURL.absoluteString,
                            timeout: options.timeout ?? choice.profile?.timeout ?? 15,
                            key: choice.key, keyOrigin: choice.keyOrigin)
        } catch {
            throw Failure.usage(error.description)
        }
    }

    /// The checked base URL, or a message and exit status 2.
    func checkedBaseURL(insecureHTTP: Bool) throws -> URL {
        switch BaseURLCheck.check(baseURL, insecureHTTP: insecureHTTP) {
        case .success(let url): return url
        case .failure(let problem): throw Failure.usage(problem.description)
        }
    }

    /// The key itself; a message and exit status 2 without one.
    func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment, warn: (String) -> Void = Settings.warn) throws -> String {
        switch key {
        case .literal(let key): return key
        case .file(let path):
            do { return try KeyFile.read(path, warn: warn) } catch { throw Failure.usage(error.description) }
        case .command(let command):
            do { return try KeyCommand.run(command, environment: environment) } catch { throw Failure.usage(error.description) }
        case nil:
            throw Failure.usage("No API key. Set TAVUS_API_KEY, pass --api-key-file PATH or use a profile with a key (or try --demo for a local sandbox).")
        }
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
