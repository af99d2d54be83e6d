import Foundation
import TavusAPI
import TavusSandbox

/// The client to use, and the in-process sandbox behind it in demo mode.
struct Connection {
    let client: TavusClient
    let isDemo: Bool
    let label: String
    private let sandbox: SandboxServer?

    static func open(_ options: ConnectionOptions) throws -> Connection {
        if options.demo {
            let sandbox = try blocking { try await SandboxServer.start(SandboxConfiguration()) }
            let configuration = ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: options.timeout, proxy: .none)
            return Connection(client: TavusClient(configuration: configuration), isDemo: true, label: "sandbox", sandbox: sandbox)
        }
        let baseURL = try options.checkedBaseURL()
        let key = try options.apiKey { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let configuration = ClientConfiguration(baseURL: baseURL, apiKey: key, timeout: options.timeout)
        let port = baseURL.port.map { ":\($0)" } ?? ""
        return Connection(client: TavusClient(configuration: configuration), isDemo: false,
                          label: (baseURL.host ?? "") + port, sandbox: nil)
    }

    func close() {
        guard let sandbox else { return }
        _ = try? blocking { await sandbox.stop() }
    }
}
