import Foundation
import GRDB
import TavusAPI
import Testing
@testable import AccountIndex

@Suite("Storing several answers at once, and rows that come again")
struct IndexStoreBatchTests {
    /// The full-text table's stored segments: each transaction that writes search text adds one.
    private func searchSegments(_ index: AccountIndex) throws -> Int {
        try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM conversation_search_data") ?? 0 }
    }

    @Test func pagesRecordsAndNamesStoreInOneTransaction() async throws {
        try await withIndex { index in
            let (detail, json) = try Samples.record("c1", name: "Billing call", turns: [("user", "Where is my invoice?")])
            try await index.store([
                .personas([try Samples.persona("p1", name: "Sales Coach Rhea")]),
                .conversations([try Samples.row("c1", name: "Billing call"), try Samples.row("c2", name: "Onboarding")], totalCount: 7),
                .record(detail, json),
            ])
            let summary = try await index.summary()
            #expect((summary.conversations, summary.records, summary.personas, summary.totalCount) == (2, 1, 1, 7))
            #expect(try await index.search("invoice").map(\.id) == ["c1"])
            #expect(try await index.search("rhea").map(\.id).sorted() == ["c1", "c2"], "the persona came first in the batch")
            let extent = try await index.extent()
            #expect((extent.conversations, extent.totalCount, extent.lastSyncedAt) == (2, 7, nil))
        }
    }

    @Test func aRowThatComesAgainUnchangedWritesNoSearchText() async throws {
        try await withIndex { index in
            let page = [try Samples.row("c1", name: "Billing call"), try Samples.row("c2", name: "Onboarding")]
            try await index.storeConversations(page, totalCount: 2)
            let segments = try searchSegments(index)
            try await index.storeConversations(page, totalCount: 2)
            #expect(try searchSegments(index) == segments, "the same page again")
            #expect(try await index.search("billing").map(\.id) == ["c1"])

            try await index.storeConversations([try Samples.row("c1", name: "Refund call"), page[1]], totalCount: 2)
            #expect(try searchSegments(index) > segments, "a renamed row is searched under its new name")
            #expect(try await index.search("billing").isEmpty)
            #expect(try await index.search("refund").map(\.id) == ["c1"])
            #expect(try await index.search("onboarding").map(\.id) == ["c2"])
        }
    }
}
