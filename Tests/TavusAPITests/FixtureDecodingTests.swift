import Foundation
import TavusAPI
import Testing

@Suite("Decoding the shared example bodies")
struct FixtureDecodingTests {
    @Test func listExample() throws {
        let body = try JSONDecoder().decode(ConversationListBody.self, from: Fixture.data(Fixture.list))
        #expect(body.totalCount == 37)
        #expect(body.data.count == 2)

        let first = body.data[0]
        #expect(first.id == "c8f2a41d07b93e5a")
        #expect(first.name == "Onboarding call - Dana")
        #expect(first.status == .active)
        #expect(first.url == "https://tavus.daily.co/c8f2a41d07b93e5a")
        #expect(first.callbackURL == "https://example.com/webhooks/tavus")
        #expect(first.replicaID == "r90bbd427f71")
        #expect(first.personaID == "pcb7a34da5fe")
        #expect(first.createdAt.raw == "2025-09-10T14:02:11.481203Z")
        #expect(isInstant(first.createdAt.date, 1_757_512_931.481203))

        let second = body.data[1]
        #expect(second.status == .ended)
        #expect(second.callbackURL == nil)
        #expect(isInstant(second.updatedAt.date, 1_757_452_743.552640))
    }

    @Test func verboseDetailExample() throws {
        let detail = try JSONDecoder().decode(ConversationDetail.self, from: Fixture.data(Fixture.verboseDetail))
        #expect(detail.conversation.id == "c0b7d9e3a1f54c62")
        #expect(detail.conversation.name == "Sales practice")
        #expect(detail.conversation.status == .ended)
        #expect(detail.events?.map(\.type) == [
            ConversationEvent.replicaJoined, ConversationEvent.shutdown,
            ConversationEvent.transcriptionReady, ConversationEvent.perceptionAnalysis,
        ])
        #expect(detail.shutdownReason == "end_conversation_endpoint_hit")
        #expect(detail.replicaJoinedAt?.raw == "2025-09-09T21:05:55.402113Z")
        #expect(detail.endedAt?.raw == "2025-09-09T21:18:41.930554Z")
        let duration = try #require(detail.duration)
        #expect(abs(duration - 766.528441) < 0.000_01)

        #expect(detail.transcript.map(\.role) == ["system", "user", "assistant"])
        #expect(detail.transcript[0].content == "You are a friendly sales coach. Keep replies short.")
        #expect(detail.transcript[0].secondsFromStart == nil)
        #expect(detail.transcript[1].content == "Hi, can we practise handling a pricing objection?")
        #expect(detail.transcript[1].secondsFromStart == 19.8)
        #expect(detail.transcript[2].secondsFromStart == 24.5)

        let analysis = try #require(detail.perceptionAnalysis)
        #expect(analysis.hasPrefix("Summary of visual observations over the call:\n"))
        #expect(analysis.contains("**Notable Screen Activities:** none."))
    }
}
