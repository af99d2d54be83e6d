import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Starting and stopping the sandbox")
struct SandboxLifecycleTests {
    @Test func ephemeralPortsOnLoopback() async throws {
        try await withSandbox { first in
            try await withSandbox { second in
                #expect(first.port > 0)
                #expect(first.port != second.port)
                #expect(first.baseURL.absoluteString == "http://127.0.0.1:\(first.port)")
                #expect(first.apiKey == SandboxConfiguration.defaultAPIKey)
            }
        }
    }

    @Test func busyPortFailsToStart() async throws {
        try await withSandbox { sandbox in
            await #expect(throws: (any Error).self) {
                let second = try await SandboxServer.start(SandboxConfiguration(port: sandbox.port))
                await second.stop()
            }
        }
    }

    @Test func stoppingTwiceIsHarmless() async throws {
        let sandbox = try await SandboxServer.start()
        await sandbox.stop()
        await sandbox.stop()
        let error = await tavusError {
            _ = try await sandbox.client().listConversations(page: 1, limit: 1, status: .all)
        }
        guard case .transport(.connectionRefused, _) = error else {
            Issue.record("expected connection refused, got \(String(describing: error))")
            return
        }
    }
}
