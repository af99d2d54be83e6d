import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The binary outside a terminal: start-up failures and `list` for scripts.
@Suite("Command line")
struct CommandLineTests {
    @Test("Without TAVUS_API_KEY or --demo: exit 2, the reason on stderr, nothing on stdout")
    func missingKey() async throws {
        let result = try await runBrowse([])
        #expect(result.status == 2 && !result.killedBySignal)
        #expect(result.standardError.contains("TAVUS_API_KEY"), "stderr: \(result.standardError)")
        #expect(result.stdout.isEmpty, "stdout: \(result.standardOutput)")
    }

    @Test("list --all --format json prints every ended conversation exactly once")
    func listJSON() async throws {
        try await withSandbox(count: 137) { sandbox in
            let ended = sandbox.conversations(with: .ended)
            let result = try await runBrowse(
                ["list", "--all", "--format", "json", "--status", "ended", "--base-url", sandbox.baseURL.absoluteString],
                environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            let parsed = try JSONSerialization.jsonObject(with: result.stdout)
            let objects = try #require(parsed as? [[String: Any]], "not an array of objects: \(result.standardOutput.prefix(300))")
            let ids = objects.compactMap { $0["conversation_id"] as? String }
            #expect(ids.count == objects.count)
            #expect(ids == ended.map(\.id))
            #expect(Set(ids).count == ids.count, "a conversation was printed twice")
            #expect(objects.allSatisfy { $0["status"] as? String == "ended" })
        }
    }

    @Test("list --format tsv prints a header and one line per conversation")
    func listTSV() async throws {
        try await withSandbox(count: 137) { sandbox in
            let ended = sandbox.conversations(with: .ended)
            let result = try await runBrowse(
                ["list", "--all", "--format", "tsv", "--status", "ended", "--base-url", sandbox.baseURL.absoluteString],
                environment: ["TAVUS_API_KEY": sandbox.apiKey])
            #expect(result.status == 0, "stderr: \(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.last == "", "the output should end with a newline")
            let body = lines.dropLast()
            #expect(body.first == "id\tname\tstatus\turl\tcreated_at\tupdated_at")
            #expect(body.count == ended.count + 1)
            let rows = body.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.allSatisfy { $0.count == 6 })
            #expect(rows.map { $0.first ?? "" } == ended.map(\.id))
            #expect(rows.allSatisfy { $0.count > 2 && $0[2] == "ended" })
        }
    }

    @Test("list with a wrong key exits 3 with the API's message on stderr")
    func listAPIError() async throws {
        try await withSandbox(count: 10) { sandbox in
            let result = try await runBrowse(
                ["list", "--format", "json", "--base-url", sandbox.baseURL.absoluteString],
                environment: ["TAVUS_API_KEY": "wrong"])
            #expect(result.status == 3 && !result.killedBySignal)
            #expect(result.standardError.contains("Invalid access token"), "stderr: \(result.standardError)")
            #expect(result.stdout.isEmpty, "stdout: \(result.standardOutput)")
        }
    }
}
