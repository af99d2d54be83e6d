import Foundation
@testable import TavusAPI
import TavusSandbox
import Testing

/// Lists whose first page may be 0 or 1: the first use compares both, so page 1 of the
/// program is the server's first page either way.
@Suite struct PageBaseTests {
    private func firstPage(_ client: TavusClient) async throws -> [String] {
        try await client.list(Persona.self, page: 1, limit: 5).items.map(\.id)
    }

    /// Page 1 of `/v2/pals`, a list of uncertain base under its other name.
    private func pals(_ client: TavusClient) async throws {
        _ = try await client.listData("pals", firstPage: nil, page: 1, limit: 5)
    }

    private func probes(_ sandbox: SandboxServer) -> Int {
        sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] == "1" }
    }

    @Test func aListCountingFromZeroShowsItsFirstItemOnPageOne() async throws {
        let expected = try await withSandbox { try await firstPage($0.client()) }
        try await withSandbox(SandboxConfiguration(zeroBasedLists: ["personas"])) { sandbox in
            let client = sandbox.client()
            #expect(try await firstPage(client) == expected)
            #expect(sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] == "5" && $0.query["page"] == "0" } == 1)
            let second = try await client.list(Persona.self, page: 2, limit: 5)
            #expect(second.items.first.map(\.id) != expected.first)
            #expect(sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] == "5" && $0.query["page"] == "1" } == 1)
            #expect(probes(sandbox) == 2, "page 0 and page 1 of one item, once")
            #expect(await client.pageBases.known() == ["personas": 0])
        }
    }

    @Test func aListCountingFromOneIsAskedForPageOne() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            _ = try await firstPage(client)
            _ = try await firstPage(client)
            #expect(sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] == "5" && $0.query["page"] == "1" } == 2)
            #expect(probes(sandbox) == 2, "page 0 is refused (400), page 1 is the first")
            #expect(await client.pageBases.known() == ["personas": 1])
        }
    }

    @Test func loadsAtOnceProbeOnceAndWhatAnEarlierRunFoundIsNotAskedAgain() async throws {
        try await withSandbox(SandboxConfiguration(zeroBasedLists: ["pals"])) { sandbox in
            let client = sandbox.client()
            async let one: Void = pals(client)
            async let two: Void = pals(client)
            _ = try await (one, two)
            #expect(sandbox.requestCount { $0.path == "/v2/pals" && $0.query["limit"] == "1" } == 2)
            var later = sandbox.client()
            let kept = Remembered()
            later.pageBases = PageBases(known: ["pals": 0]) { kept.add($0, $1) }
            try await pals(later)
            #expect(sandbox.requestCount { $0.path == "/v2/pals" && $0.query["limit"] == "1" } == 2, "no probe: the base was known")
            #expect(kept.values.isEmpty, "nothing new to keep")
            let found = Remembered()
            var fresh = sandbox.client()
            fresh.pageBases = PageBases { found.add($0, $1) }
            try await pals(fresh)
            #expect(found.values == ["pals": 0], "what a probe finds is handed on to be kept")
        }
    }

    @Test func conversationsAreNeverProbed() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.client().listConversations(page: 1, limit: 5, status: .all)
            #expect(sandbox.requestCount { $0.query["page"] == "0" } == 0)
        }
    }

    @Test(arguments: [
        (#"{"data":[{"id":"a"}]}"#, #"{"data":[{"id":"b"}]}"#, 0),
        (#"{"data":[{"id":"a"}]}"#, #"{"data":[{"id":"a"}]}"#, 1),
        (#"{"data":[]}"#, #"{"data":[{"id":"a"}]}"#, 1),
        (#"{"data":[{"id":"a"}]}"#, #"{"data":[]}"#, 0),
    ])
    func twoOneItemPagesTellTheBase(zero: String, one: String, base: Int) {
        #expect(PageBases.base(firstAtZero: Data(zero.utf8), firstAtOne: Data(one.utf8)) == base)
    }

    @Test func anEmptyListTellsNothing() {
        #expect(PageBases.base(firstAtZero: Data(#"{"data":[]}"#.utf8), firstAtOne: Data(#"{"data":[]}"#.utf8)) == nil)
        #expect(PageBases.base(firstAtZero: nil, firstAtOne: Data(#"{"data":[]}"#.utf8)) == nil)
    }
}

private final class Remembered: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: Int] = [:]
    func add(_ collection: String, _ base: Int) { lock.withLock { stored[collection] = base } }
    var values: [String: Int] { lock.withLock { stored } }
}
