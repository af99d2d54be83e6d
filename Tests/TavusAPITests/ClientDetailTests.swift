import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Conversation detail and end through the client")
struct ClientDetailTests {
    @Test func verboseEndedConversationHasTranscriptAndShutdown() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            var detailWithEvents: ConversationDetail?
            for conversation in sandbox.conversations.filter({ $0.status == .ended }).prefix(10) {
                let detail = try await client.conversation(id: conversation.id, verbose: true)
                #expect(detail.conversation == conversation)
                if detail.events?.isEmpty == false {
                    detailWithEvents = detail
                    break
                }
            }
            let detail = try #require(detailWithEvents)
            #expect(detail.shutdownReason?.isEmpty == false)
            #expect((4...14).contains(detail.transcript.count))
            #expect(detail.transcript.first?.role == "system")
            #expect(detail.transcript.dropFirst().allSatisfy { ["user", "assistant"].contains($0.role) && !$0.content.isEmpty })
            let seconds = detail.transcript.compactMap(\.secondsFromStart)
            #expect(seconds.count == detail.transcript.count - 1)
            #expect(seconds == seconds.sorted())
            let duration = try #require(detail.duration)
            #expect(duration > 0)
            #expect(try #require(detail.replicaJoinedAt?.date) >= detail.conversation.createdAt.date!)
            #expect(try #require(detail.endedAt?.date) <= detail.conversation.updatedAt.date!)
        }
    }

    @Test func plainDetailHasNoEvents() async throws {
        try await withSandbox { sandbox in
            let conversation = sandbox.conversations[0]
            let detail = try await sandbox.client().conversation(id: conversation.id, verbose: false)
            #expect(detail.conversation == conversation)
            #expect(detail.events == nil)
            #expect(sandbox.requests.last?.query["verbose"] == nil)
        }
    }

    @Test func endMakesAnActiveConversationEnded() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            try await client.endConversation(id: active.id)
            #expect(sandbox.requests.last?.method == "POST")
            #expect(sandbox.requests.last?.path == "/v2/conversations/\(active.id)/end")

            let detail = try await client.conversation(id: active.id, verbose: true)
            #expect(detail.conversation.status == .ended)
            #expect(try #require(detail.conversation.updatedAt.date) > active.updatedAt.date!)
            #expect(detail.shutdownReason == "end_conversation_endpoint_hit")
            #expect(!detail.transcript.isEmpty)

            let activeNow = try await client.listConversations(page: 1, limit: 500, status: .active)
            #expect(!activeNow.items.contains { $0.id == active.id })

            let again = await tavusError { try await client.endConversation(id: active.id) }
            #expect(again == .http(status: 400, message: "Conversation already ended", retryAfter: nil))
        }
    }

    @Test func endingAnUnknownConversationIsNotFound() async throws {
        try await withSandbox { sandbox in
            let error = await tavusError { try await sandbox.client().endConversation(id: "cffffffffffffff0") }
            #expect(error == .http(status: 400, message: "Invalid conversation_id", retryAfter: nil))
        }
    }
}
