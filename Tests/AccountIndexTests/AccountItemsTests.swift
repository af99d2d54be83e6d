import Foundation
import TavusAPI
import Testing
@testable import AccountIndex

/// The account's other kinds in the index: kept as a sync listed them, answered offline,
/// found by name.
@Suite struct AccountItemsTests {
    private func object(_ id: String, _ name: String) -> (id: String, name: String, json: Data) {
        (id, name, Data(#"{"document_id":"\#(id)","document_name":"\#(name)"}"#.utf8))
    }

    @Test func aSyncsListReplacesTheKindsItemsInTheOrderListed() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await index.store([.items(collection: "documents", [object("d2", "Zeta"), object("d1", "Alpha"), object("d0", "Gone")])])
        try await index.store([.items(collection: "documents", [object("d2", "Zeta"), object("d1", "Alpha")])])
        let page = try #require(await index.body(path: "/v2/documents", query: ["page": "1", "limit": "10"]))
        let listed = try TavusClient.decodeList(page, page: 1, limit: 10, filter: "all") as ListPage<Document, String>
        #expect(listed.items.map(\.id) == ["d2", "d1"], "as the API listed them, the one no longer listed gone")
        #expect(listed.totalCount == 2)
        let record = try #require(await index.body(path: "/v2/documents/d1", query: [:]))
        #expect(String(decoding: record, as: UTF8.self).contains("Alpha"))
        #expect(await index.body(path: "/v2/tools", query: ["page": "1", "limit": "10"]) == nil, "a kind never synced is not answered")
    }

    @Test func itemsAreFoundByEveryWordOfTheirNameOrId() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let index = try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") }
        try await index.store([.items(collection: "documents", [object("d1", "Pricing FAQ"), object("d2", "Refund policy"), object("d3", "100% off_sale")])])
        #expect(try await index.items(matching: "faq pric").map(\.id) == ["d1"])
        #expect(try await index.items(matching: "d2").map(\.name) == ["Refund policy"])
        #expect(try await index.items(matching: "%").map(\.id) == ["d3"], "% is itself, not any text")
        #expect(try await index.items(matching: "_").map(\.id) == ["d3"])
        #expect(try await index.items(matching: "faq", in: "tools").isEmpty)
    }
}
