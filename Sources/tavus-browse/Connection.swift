import Foundation
import BrowserCore
import TavusAPI
import TavusSandbox

/// The client to use, and the in-process sandbox behind it in demo mode.
struct Connection {
    let client: TavusClient
    let isDemo: Bool
    /// The header's name for the source: `prod · tavusapi.com` with a profile.
    let label: String
    /// Where the index is kept.
    let indexPlace: IndexPlace
    private let sandbox: SandboxServer?

    static func open(_ options: ConnectionOptions, _ settings: Settings, warn: (String) -> Void = Settings.warn) throws -> Connection {
        if options.demo {
            let sandbox = try blocking { try await SandboxServer.start(SandboxConfiguration(recentlyEnded: 2)) }
            let configuration = ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: settings.timeout, proxy: .none)
            return Connection(client: TavusClient(configuration: configuration), isDemo: true, label: "sandbox",
                              indexPlace: IndexPlace.of(options) { (sandbox.baseURL, sandbox.apiKey) }, sandbox: sandbox)
        }
        let baseURL = try settings.checkedBaseURL(insecureHTTP: options.insecureHttp)
        let key = try settings.apiKey(warn: warn)
        let configuration = ClientConfiguration(baseURL: baseURL, apiKey: key, timeout: settings.timeout)
        let port = baseURL.port.map { ":\($0)" } ?? ""
        let place = (baseURL.host ?? "") + port
        return Connection(client: TavusClient(configuration: configuration), isDemo: false,
                          label: settings.profile.map { "\(TerminalText.sanitize($0.name)) · \(place)" } ?? place,
                          indexPlace: IndexPlace.of(options) { (baseURL, key) }, sandbox: nil)
    }

    func close() {
        guard let sandbox else { return }
        _ = try? blocking { await sandbox.stop() }
    }
}
