import Foundation
import TavusAPI
import Testing

@Suite("Decoding odd list bodies")
struct ConversationDecodingTests {
    @Test func nullsAndMissingFieldsDecode() throws {
        let body = try decode(ConversationListBody.self, """
            {"data": [
              {"conversation_id": "c1", "conversation_name": null, "status": null, "conversation_url": null,
               "callback_url": null, "replica_id": null, "persona_id": null, "created_at": null, "updated_at": null},
              {"conversation_id": "c2"},
              {}
            ], "total_count": 3}
            """)
        #expect(body.data.map(\.id) == ["c1", "c2", ""])
        for conversation in body.data {
            #expect(conversation.name == "")
            #expect(conversation.status == .other(""))
            #expect(conversation.url == "")
            #expect(conversation.callbackURL == nil)
            #expect(conversation.replicaID == nil)
            #expect(conversation.personaID == nil)
            #expect(conversation.createdAt.date == nil)
        }
    }

    @Test(arguments: ["error", "paused", "ACTIVE", ""])
    func unknownStatusIsKeptRaw(raw: String) throws {
        let conversation = try decode(Conversation.self, #"{"conversation_id": "c1", "status": "\#(raw)"}"#)
        #expect(conversation.status == .other(raw))
        #expect(conversation.status.rawValue == raw)
    }

    @Test func knownStatuses() throws {
        #expect(try decode(Conversation.self, #"{"status": "active"}"#).status == .active)
        #expect(try decode(Conversation.self, #"{"status": "ended"}"#).status == .ended)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let conversation = try decode(Conversation.self, """
            {"conversation_id": "c1", "conversation_name": "Demo", "status": "ended",
             "face_id": "f123", "pal_id": "p9", "metadata": {"nested": [1, 2, {"deep": true}]},
             "recording": null, "tags": ["a", "b"], "score": 0.7}
            """)
        #expect(conversation.id == "c1")
        #expect(conversation.name == "Demo")
        #expect(conversation.status == .ended)
    }

    @Test func numbersAndBooleansWhereStringsExpectedAreKeptAsText() throws {
        let conversation = try decode(Conversation.self, """
            {"conversation_id": 12345, "conversation_name": 3.5, "replica_id": true, "status": "active"}
            """)
        #expect(conversation.id == "12345")
        #expect(conversation.name == "3.5")
        #expect(conversation.replicaID == "true")
    }

    @Test func objectWhereStringExpectedIsNil() throws {
        let conversation = try decode(Conversation.self, #"{"conversation_id": "c1", "callback_url": {"url": "x"}}"#)
        #expect(conversation.id == "c1")
        #expect(conversation.callbackURL == nil)
    }

    @Test func totalCountMissing() throws {
        let body = try decode(ConversationListBody.self, #"{"data": [{"conversation_id": "c1"}]}"#)
        #expect(body.totalCount == nil)
    }

    @Test(arguments: [(#""42""#, 42), ("42", 42), ("42.0", 42), (#""forty""#, nil), ("null", nil)] as [(String, Int?)])
    func totalCountVariants(json: String, expected: Int?) throws {
        let body = try decode(ConversationListBody.self, #"{"data": [], "total_count": \#(json)}"#)
        #expect(body.totalCount == expected)
    }

    @Test func missingDataFails() {
        #expect(throws: DecodingError.self) {
            try decode(ConversationListBody.self, #"{"total_count": 3}"#)
        }
    }
}
