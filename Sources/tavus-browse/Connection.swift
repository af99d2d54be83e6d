import AccountIndex
import Foundation
import BrowserCore
import TavusAPI

/// The client to use, and the sandbox behind it in demo mode.
struct Connection {
    let client: TavusClient
    let isDemo: Bool
    /// The header's name for the source: `prod · tavusapi.com` with a profile.
    let label: String
    /// Where the index is kept.
    let indexPlace: IndexPlace
    private let sandbox: DemoSandbox?

    static func open(_ options: ConnectionOptions, _ settings: Settings, warn: (String) -> Void = Settings.warn) throws -> Connection {
        if options.demo {
            let sandbox = try DemoSandbox.start(recentlyEnded: 2)
            let configuration = ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: settings.timeout, proxy: .none)
            return Connection(client: TavusClient(configuration: configuration), isDemo: true, label: "sandbox",
                              indexPlace: IndexPlace.of(options) { (sandbox.baseURL, sandbox.apiKey) }, sandbox: sandbox)
        }
        let baseURL = try settings.checkedBaseURL(insecureHTTP: options.insecureHttp)
        let key = try settings.apiKey(warn: warn)
        var configuration = ClientConfiguration(baseURL: baseURL, apiKey: key, timeout: settings.timeout)
        configuration.keyOrigin = settings.keyOrigin
        let port = baseURL.port.map { ":\($0)" } ?? ""
        let place = (baseURL.host ?? "") + port
        return Connection(client: TavusClient(configuration: configuration), isDemo: false,
                          label: settings.profile.map { "\(TerminalText.sanitize($0.name)) · \(place)" } ?? place,
                          indexPlace: IndexPlace.of(options) { (baseURL, key) }, sandbox: nil)
    }

    /// The connection and the index it writes through, or nil with one line on stderr saying
    /// why the run goes on without it (also given back, for the screen).
    static func online(_ options: ConnectionOptions, _ settings: Settings) throws -> (Connection, LocalIndex?, String?) {
        let connection = try open(options, settings)
        let (local, problem) = LocalIndex.openOrWarn(connection.indexPlace)
        return (connection, local, problem)
    }

    /// `--offline`: a client that sends nothing and answers from the index, which must exist.
    /// The key is read only to find the account's own index file, when no `--index-path` is given.
    static func offline(_ options: ConnectionOptions, _ settings: Settings) throws -> (Connection, LocalIndex?, String?) {
        guard !options.demo else { throw Failure.usage("--offline reads a synced index; --demo has none that lasts") }
        guard !options.noIndex else { throw Failure.usage("--offline reads the index; --no-index has none") }
        let local = try IndexCommand.openExisting(options)
        let baseURL = try settings.checkedBaseURL(insecureHTTP: true)
        var client = TavusClient(configuration: ClientConfiguration(baseURL: baseURL, apiKey: "", timeout: settings.timeout, proxy: .none))
        client.offline = local.index
        let port = baseURL.port.map { ":\($0)" } ?? ""
        let place = (baseURL.host ?? "") + port
        let connection = Connection(client: client, isDemo: false,
                                    label: settings.profile.map { "\(TerminalText.sanitize($0.name)) · \(place)" } ?? place,
                                    indexPlace: .none, sandbox: nil)
        return (connection, local, nil)
    }

    func close() {
        sandbox?.stop()
    }
}
