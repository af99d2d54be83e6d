import ArgumentParser
import Foundation
import BrowserRuntime
import TavusAPI

/// How to reach the API; shared by the browser and `list`.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The API's base URL.", valueName: "url"))
    var baseURL: String = ClientConfiguration.defaultBaseURL.absoluteString

    @Option(name: .long, help: ArgumentHelp("Read the API key from this file instead of TAVUS_API_KEY.", valueName: "path"))
    var apiKeyFile: String?

    @Option(name: .long, help: ArgumentHelp("The longest one page or record may take, retries and a slow answer included (fractions allowed).", valueName: "seconds"))
    var timeout: Double = 15

    @Flag(name: .long, help: "Allow plain http:// to a host that is not this machine (the key would travel unencrypted).")
    var insecureHttp = false

    @Flag(name: .long, help: "Browse a built-in sandbox with made-up data; no key needed.")
    var demo = false

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be more than 0 and at most 600 seconds") }
    }

    /// The checked base URL, or a message and exit status 2.
    func checkedBaseURL() throws -> URL {
        switch BaseURLCheck.check(baseURL, insecureHTTP: insecureHttp) {
        case .success(let url): return url
        case .failure(let problem): throw Failure.usage(problem.description)
        }
    }

    /// The API key from the environment or the key file; a message and exit status 2 without one.
    func apiKey(warn: (String) -> Void) throws -> String {
        if let path = apiKeyFile {
            do {
                return try KeyFile.read(path, warn: warn)
            } catch {
                throw Failure.usage(error.description)
            }
        }
        let key = ProcessInfo.processInfo.environment["TAVUS_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !key.isEmpty else {
            throw Failure.usage("No API key. Set TAVUS_API_KEY or pass --api-key-file PATH (or try --demo for the built-in sandbox).")
        }
        return key
    }
}
