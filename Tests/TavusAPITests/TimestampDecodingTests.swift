import Foundation
import TavusAPI
import Testing

@Suite("Decoding timestamps")
struct TimestampDecodingTests {
    /// A conversation whose `created_at` is the given JSON value.
    private func createdAt(_ json: String) throws -> Timestamp {
        try decode(Conversation.self, #"{"conversation_id": "c1", "created_at": \#(json)}"#).createdAt
    }

    @Test func microsecondPrecision() throws {
        let stamp = try createdAt(#""2025-09-10T14:02:11.481203Z""#)
        #expect(stamp.raw == "2025-09-10T14:02:11.481203Z")
        #expect(isInstant(stamp.date, 1_757_512_931.481203))
    }

    @Test func secondPrecision() throws {
        let stamp = try createdAt(#""2026-04-29T12:00:00Z""#)
        #expect(stamp.date == Date(timeIntervalSince1970: 1_777_464_000))
    }

    @Test func millisecondPrecisionAndNoZone() throws {
        #expect(isInstant(try createdAt(#""2025-05-13T06:42:58.291Z""#).date, 1_747_118_578.291))
        #expect(try createdAt(#""2026-04-29T12:00:00""#).date == Date(timeIntervalSince1970: 1_777_464_000))
    }

    @Test func positiveAndNegativeOffsets() throws {
        // 16:02:11+02:00 and 09:32:11-04:30 are both 14:02:11 UTC.
        #expect(isInstant(try createdAt(#""2025-09-10T16:02:11.5+02:00""#).date, 1_757_512_931.5))
        #expect(isInstant(try createdAt(#""2025-09-10T09:32:11.5-04:30""#).date, 1_757_512_931.5))
    }

    @Test(arguments: [#""""#, "null", #""not a date""#, #""2025-13-01T00:00:00Z""#, #""2025-09-10T14:02:11.Z""#, "12345"])
    func unparseableKeepsRawText(json: String) throws {
        let stamp = try createdAt(json)
        #expect(stamp.date == nil)
    }

    @Test func missingIsEmpty() throws {
        let conversation = try decode(Conversation.self, #"{"conversation_id": "c1"}"#)
        #expect(conversation.createdAt.raw == "")
        #expect(conversation.createdAt.date == nil)
        #expect(conversation.updatedAt.date == nil)
    }

    @Test func formatsAsTheAPIDoes() {
        let date = Date(timeIntervalSince1970: 1_757_512_931.481203)
        #expect(Timestamp(date: date).raw.hasPrefix("2025-09-10T14:02:11.4812"))
        #expect(Timestamp(date: date).raw.hasSuffix("Z"))
        #expect(Timestamp(raw: "2025-09-10T14:02:11.481203Z").shortUTC == "2025-09-10 14:02")
        #expect(Timestamp(raw: "2025-09-10T14:02:11.481203Z").longUTC == "2025-09-10 14:02:11 UTC")
    }
}
