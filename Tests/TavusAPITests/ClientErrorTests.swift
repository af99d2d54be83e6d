import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Client errors against the sandbox")
struct ClientErrorTests {
    @Test func wrongKeyIsUnauthorized() async throws {
        try await withSandbox { sandbox in
            let error = await tavusError {
                _ = try await sandbox.client(apiKey: "not-the-key").listConversations(page: 1, limit: 10, status: .all)
            }
            #expect(error == .unauthorized(message: "Invalid access token"))
            #expect(sandbox.requestCount == 1)
        }
    }

    @Test func badRequestFromTheServer() async throws {
        try await withSandbox { sandbox in
            // The client only refuses ids it cannot put in a path; the API also refuses '-'.
            let error = await tavusError {
                _ = try await sandbox.client().conversation(id: "c0b7-d9e3", verbose: false)
            }
            #expect(error == .http(status: 400, message: "Invalid conversation_id", retryAfter: nil))

            let raw = try await sandbox.raw("/v2/conversations?limit=0")
            #expect(raw.status == 400)
            #expect(try json(raw.body)["message"] == .string("limit must be a positive integer"))
        }
    }

    @Test func unknownIdIsNotFound() async throws {
        try await withSandbox { sandbox in
            let error = await tavusError {
                _ = try await sandbox.client().conversation(id: "cffffffffffffff0", verbose: true)
            }
            #expect(error == .http(status: 400, message: "Invalid conversation_id", retryAfter: nil))
        }
    }

    @Test func truncatedJSONIsUndecodableWithAnExcerpt() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.truncatedJSON, times: 1)
            let error = await tavusError {
                _ = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all)
            }
            guard case .undecodable(let reason, let excerpt) = error else {
                Issue.record("expected undecodable, got \(String(describing: error))")
                return
            }
            #expect(!reason.isEmpty)
            #expect(excerpt.hasPrefix(#"{"data":[{"#))
        }
    }

    @Test func invalidJSONIsUndecodable() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.invalidJSON, times: 1)
            let error = await tavusError {
                _ = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all)
            }
            guard case .undecodable(let reason, let excerpt) = error else {
                Issue.record("expected undecodable, got \(String(describing: error))")
                return
            }
            #expect(reason == "not valid JSON")
            #expect(excerpt.hasPrefix("upstream said"))
        }
    }

    @Test func htmlErrorPageGivesStatusAndExcerpt() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.htmlBody, times: 1)
            let error = await tavusError {
                _ = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all)
            }
            guard case .http(502, let message?, nil) = error else {
                Issue.record("expected HTTP 502, got \(String(describing: error))")
                return
            }
            #expect(message.contains("502 Bad Gateway"))
            #expect(!message.contains("\n"))
        }
    }

    @Test func hangingServerTimesOut() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.hang, times: nil)
            let started = ContinuousClock.now
            let error = await tavusError {
                _ = try await sandbox.client(timeout: 1).listConversations(page: 1, limit: 10, status: .all)
            }
            guard case .transport(.timeout, let detail) = error else {
                Issue.record("expected a timeout, got \(String(describing: error))")
                return
            }
            #expect(detail.contains("1 s"))
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test func stoppedServerRefusesTheConnection() async throws {
        let sandbox = try await SandboxServer.start()
        let client = sandbox.client()
        await sandbox.stop()
        let error = await tavusError {
            _ = try await client.listConversations(page: 1, limit: 10, status: .all)
        }
        guard case .transport(.connectionRefused, _) = error else {
            Issue.record("expected connection refused, got \(String(describing: error))")
            return
        }
    }

    @Test func apiKeyNeverAppearsInErrors() async throws {
        let key = "tvs-live-9f2c41ab77e0d5c3-DO-NOT-SHOW"
        var errors: [TavusError] = []
        try await withSandbox(SandboxConfiguration(apiKey: key)) { sandbox in
            let faults: [SandboxFault] = [.status(500), .status(503, retryAfterSeconds: 2), .truncatedJSON, .invalidJSON, .htmlBody,
                                          .echoKey(status: 400), .redirect(to: "http://127.0.0.1:9/?key=" + key)]
            for fault in faults {
                sandbox.inject(fault, times: 1)
                if let error = await tavusError({ _ = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all) }) {
                    errors.append(error)
                }
            }
            let wrongKey = key + "-old"
            if let error = await tavusError({ _ = try await sandbox.client(apiKey: wrongKey).listConversations(page: 1, limit: 10, status: .all) }) {
                errors.append(error)
            }
            sandbox.inject(.hang, times: 1)
            if let error = await tavusError({ _ = try await sandbox.client(timeout: 1).conversation(id: "c1", verbose: true) }) {
                errors.append(error)
            }
        }
        #expect(errors.count == 9)
        // The server did send the key back, twice: the client took it out.
        #expect(errors.filter { $0.description.contains("‹key›") }.count == 2)
        for error in errors {
            #expect(!error.description.contains(key))
            #expect(!String(describing: error).contains(key))
            #expect(!String(reflecting: error).contains(key))
        }
    }

    /// Every run of 8 characters of `key` in `text`, if any.
    private func pieces(of key: String, in text: String) -> [String] {
        let characters = Array(key)
        return (0...(characters.count - 8)).map { String(characters[$0..<($0 + 8)]) }.filter(text.contains)
    }

    @Test func aKeyEchoedAndCutAtEveryPositionNeverShowsEightOfItsCharacters() async throws {
        let key = "tvk_9f3a1c7e5b2d4086aa17c3e9f0b6d21e"
        try await withSandbox(SandboxConfiguration(apiKey: key)) { sandbox in
            // The message is cut to 200 characters: the key starts at every place around the cut.
            for padding in stride(from: 150, through: 200, by: 1) {
                let text = String(repeating: "x", count: padding) + key + " trailing"
                sandbox.inject(.rawBody(#"{"message": "\#(text)"}"#, status: 400), times: 1)
                let error = await tavusError { _ = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all) }
                let shown = String(describing: error)
                #expect(pieces(of: key, in: shown).isEmpty, "at \(padding): \(shown)")
            }
            // Escaped as JSON, or percent-encoded, and cut.
            let escaped = key.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
            let percent = key.utf8.map { String(format: "%%%02X", $0) }.joined()
            for body in [#"{"message": "bad \#(escaped)"}"#, #"{"error": "see https://x.test/?k=\#(percent)"}"#,
                         "<p>not json " + percent + "</p>"] {
                sandbox.inject(.rawBody(body, status: 422), times: 1)
                let error = await tavusError { _ = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all) }
                let shown = String(describing: error)
                #expect(pieces(of: key, in: shown).isEmpty && !shown.contains(percent.prefix(24)), "\(shown)")
            }
        }
    }
}
