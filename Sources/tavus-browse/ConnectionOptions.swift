import ArgumentParser
import Foundation
import BrowserRuntime
import BrowseConfiguration
import TavusAPI

/// How to reach the API; shared by the browser and `list`.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The profile from the config file whose values are the defaults (else TAVUS_PROFILE, else default_profile).", valueName: "name"),
            completion: .custom(ConnectionOptions.profileNames))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("The config file (default $XDG_CONFIG_HOME/tavus-browse/config.toml, else ~/.config/tavus-browse/config.toml).", valueName: "path"),
            completion: .file(extensions: ["toml"]))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The API's base URL (default https://tavusapi.com).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Read the API key from this file instead of TAVUS_API_KEY.", valueName: "path"))
    var apiKeyFile: String?

    @Option(name: .long, help: ArgumentHelp("The longest one page or record may take, retries and a slow answer included (fractions allowed; default 15).", valueName: "seconds"))
    var timeout: Double?

    @Flag(name: .long, help: "Allow plain http:// to a host that is not this machine (the key would travel unencrypted).")
    var insecureHttp = false

    @Flag(name: .long, help: "Browse a local sandbox with made-up data (tavus-sandbox, started beside this program); no key needed (its index is temporary).")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("The index file (default: one per account and address in $XDG_CACHE_HOME/tavus-browse, else ~/.cache/tavus-browse).", valueName: "path"),
            completion: .file(extensions: ["sqlite"]))
    var indexPath: String?

    @Flag(name: .long, help: "Write no index to disk.")
    var noIndex = false

    func validate() throws {
        if noIndex, indexPath != nil { throw ValidationError("--no-index and --index-path cannot be used together") }
        if let timeout, !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be more than 0 and at most 600 seconds") }
    }

    /// The profiles of the default config file, for shell completion of `--profile`.
    @Sendable static func profileNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let path = words.firstIndex(of: "--config").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
            ?? ConfigFile.defaultPath(environment: environment)
        let file = try? ConfigFile.load(path: path, required: false, environment: environment) { _ in }
        return (file?.profiles.keys.sorted() ?? []).filter { $0.hasPrefix(prefix) }
    }
}
