import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Records that complete after the call")
struct CompletingRecordTests {
    @Test func aRecentlyEndedRecordCompletesAfterTheDelayAndOnlyThenIsServedFromMemory() async throws {
        try await withSandbox(SandboxConfiguration(recentlyEnded: 1, completionDelay: 1)) { sandbox in
            let late = try #require(sandbox.conversations.first)
            #expect(late.status == .ended)
            #expect(try #require(late.updatedAt.date) > Date().addingTimeInterval(-600), "ended minutes ago")
            let fetcher = ConversationFetcher(client: sandbox.client())
            let first = try await fetcher.detail(id: late.id)
            #expect(first.transcript.isEmpty && first.perceptionAnalysis == nil)
            #expect(!first.isFinal(now: Date()))
            try await Task.sleep(for: .milliseconds(1_100))
            let complete = try await fetcher.detail(id: late.id)
            #expect(sandbox.requestCount { $0.path == "/v2/conversations/\(late.id)" } == 2, "a record that is not final is asked again")
            #expect(!complete.transcript.isEmpty && complete.perceptionAnalysis != nil)
            #expect(complete.isFinal(now: Date()))
            try await Task.sleep(for: .milliseconds(50))
            _ = try await fetcher.detail(id: late.id)
            #expect(sandbox.requestCount { $0.path == "/v2/conversations/\(late.id)" } == 2, "a final record comes from memory")
        }
    }

    @Test func finality() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func detail(status: ConversationStatus, endedAgo: Double?, transcript: Bool, analysis: Bool, unavailable: Bool = false) -> ConversationDetail {
            var events: [ConversationEvent] = []
            if let endedAgo {
                events.append(ConversationEvent(type: ConversationEvent.shutdown, messageType: "system",
                                                timestamp: Timestamp(date: now.addingTimeInterval(-endedAgo)), properties: .object([:])))
            }
            if transcript {
                events.append(ConversationEvent(type: ConversationEvent.transcriptionReady, messageType: "application", timestamp: Timestamp(raw: ""),
                                                properties: .object(["transcript": .array([.object(["role": .string("user"), "content": .string("hi")])])])))
            }
            if analysis {
                events.append(ConversationEvent(type: ConversationEvent.perceptionAnalysis, messageType: "application", timestamp: Timestamp(raw: ""),
                                                properties: .object(["analysis": .string("calm")])))
            }
            if unavailable {
                events.append(ConversationEvent(type: ConversationEvent.perceptionUnavailable, messageType: "application", timestamp: Timestamp(raw: ""),
                                                properties: .object(["reason": .string("no_vision_history")])))
            }
            let conversation = Conversation(id: "c1", name: "n", status: status, url: "", callbackURL: nil, replicaID: nil, personaID: nil,
                                            createdAt: Timestamp(raw: ""), updatedAt: Timestamp(raw: ""))
            return ConversationDetail(conversation: conversation, events: events)
        }
        #expect(detail(status: .ended, endedAgo: 60, transcript: true, analysis: true).isFinal(now: now))
        #expect(!detail(status: .ended, endedAgo: 60, transcript: true, analysis: false).isFinal(now: now))
        #expect(!detail(status: .ended, endedAgo: 60, transcript: false, analysis: true).isFinal(now: now))
        #expect(detail(status: .ended, endedAgo: 3_700, transcript: false, analysis: false).isFinal(now: now), "ended over an hour ago")
        #expect(!detail(status: .ended, endedAgo: nil, transcript: false, analysis: false).isFinal(now: now), "no end time known")
        #expect(!detail(status: .active, endedAgo: nil, transcript: false, analysis: false).isFinal(now: now))
        #expect(detail(status: .ended, endedAgo: 60, transcript: true, analysis: false, unavailable: true).isFinal(now: now),
                "no perception analysis will come")
        #expect(!detail(status: .ended, endedAgo: 60, transcript: false, analysis: false, unavailable: true).isFinal(now: now),
                "the transcript is still to come")
        #expect(detail(status: .ended, endedAgo: 960, transcript: true, analysis: false).isFinal(now: now),
                "a transcript and an end more than 15 minutes old")
        #expect(!detail(status: .ended, endedAgo: 840, transcript: true, analysis: false).isFinal(now: now))
        #expect(!detail(status: .ended, endedAgo: 960, transcript: false, analysis: false).isFinal(now: now))
    }

    @Test func aShutdownReasonOfTheWrongTypeDoesNotHideTheEvents() throws {
        for topLevel in ["42", "null", "\"\"", "{\"x\": 1}"] {
            let json = Data("""
                {"conversation_id": "c1", "conversation_name": "n", "status": "ended", "shutdown_reason": \(topLevel),
                 "events": [{"event_type": "system.shutdown", "message_type": "system", "timestamp": "2026-11-01T10:20:00Z",
                             "properties": {"shutdown_reason": "participant_left_timeout reached"}}]}
                """.utf8)
            #expect(try TavusClient.decodeDetail(json).shutdownReason == "participant_left_timeout reached", "\(topLevel)")
        }
        let top = Data(#"{"conversation_id": "c1", "status": "ended", "shutdown_reason": "max_call_duration reached"}"#.utf8)
        #expect(try TavusClient.decodeDetail(top).shutdownReason == "max_call_duration reached")
    }
}
