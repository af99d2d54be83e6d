import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Listing conversations through the client")
struct ClientListTests {
    @Test func secondPageOfActiveConversations() async throws {
        try await withSandbox { sandbox in
            let active = sandbox.conversations.filter { $0.status == .active }
            let page = try await sandbox.client().listConversations(page: 2, limit: 3, status: .active)
            #expect(page.items.count == 3)
            #expect(page.items.allSatisfy { $0.status == .active })
            #expect(page.items == Array(active[3..<6]))
            #expect(page.totalCount == active.count)
            #expect(page.page == 2)
            #expect(page.limit == 3)
            #expect(page.status == .active)
            #expect(page.pageCount == (active.count + 2) / 3)
        }
    }

    @Test(arguments: [StatusFilter.all, .active, .ended])
    func statusFilter(filter: StatusFilter) async throws {
        try await withSandbox { sandbox in
            let expected = sandbox.conversations.filter { filter == .all || $0.status.rawValue == filter.rawValue }
            let page = try await sandbox.client().listConversations(page: 1, limit: 500, status: filter)
            #expect(page.items == expected)
            #expect(page.totalCount == expected.count)
            #expect(sandbox.requests.last?.query["status"] == filter.queryValue)
        }
    }

    @Test func pagePastTheEndIsEmptyWithTheTotal() async throws {
        try await withSandbox(SandboxConfiguration(count: 25)) { sandbox in
            let page = try await sandbox.client().listConversations(page: 4, limit: 10, status: .all)
            #expect(page.items.isEmpty)
            #expect(page.totalCount == 25)
            let last = try await sandbox.client().listConversations(page: 3, limit: 10, status: .all)
            #expect(last.items.count == 5)
        }
    }

    @Test func emptyDataSet() async throws {
        try await withSandbox(SandboxConfiguration(count: 0)) { sandbox in
            let page = try await sandbox.client().listConversations(page: 1, limit: 10, status: .all)
            #expect(page.items.isEmpty)
            #expect(page.totalCount == 0)
            #expect(page.pageCount == 1)
        }
    }

    @Test(arguments: [(0, 10), (-1, 10), (1, 0), (1, -5)])
    func invalidPageOrLimitSendsNothing(page: Int, limit: Int) async throws {
        try await withSandbox { sandbox in
            let error = await tavusError {
                _ = try await sandbox.client().listConversations(page: page, limit: limit, status: .all)
            }
            guard case .invalidArgument = error else {
                Issue.record("expected invalidArgument, got \(String(describing: error))")
                return
            }
            #expect(sandbox.requestCount == 0)
        }
    }

    @Test func sendsKeyUserAgentAndQuery() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.client().listConversations(page: 3, limit: 7, status: .ended)
            let request = try #require(sandbox.requests.first)
            #expect(request.method == "GET")
            #expect(request.path == "/v2/conversations")
            #expect(request.query == ["page": "3", "limit": "7", "status": "ended"])
            #expect(request.userAgent?.hasPrefix("tavus-browse/") == true)
        }
    }

    @Test func rawListDataIsTheBodyAsSent() async throws {
        try await withSandbox { sandbox in
            let data = try await sandbox.client().listConversationsData(page: 1, limit: 2, status: .all)
            let raw = try await sandbox.raw("/v2/conversations?page=1&limit=2").body
            #expect(data == raw)
        }
    }
}
