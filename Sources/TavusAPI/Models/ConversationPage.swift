import Foundation

/// One page of the list endpoint, with what was asked for and when it arrived.
public struct ConversationPage: Sendable, Hashable {
    public var items: [Conversation]
    public var page: Int
    public var limit: Int
    public var status: StatusFilter
    /// Every conversation matching the filter, not just this page.
    public var totalCount: Int
    public var fetchedAt: Date

    public init(items: [Conversation], page: Int, limit: Int, status: StatusFilter, totalCount: Int, fetchedAt: Date = Date()) {
        self.items = items
        self.page = page
        self.limit = limit
        self.status = status
        self.totalCount = totalCount
        self.fetchedAt = fetchedAt
    }

    /// At least 1, so "page 1/1" reads right for an empty result.
    public var pageCount: Int { Self.pageCount(total: totalCount, limit: limit) }

    public static func pageCount(total: Int, limit: Int) -> Int {
        guard limit > 0, total > 0 else { return 1 }
        return (total + limit - 1) / limit
    }
}

/// The wire shape of the list endpoint: `{"data": [...], "total_count": N}`.
public struct ConversationListBody: Codable, Sendable {
    public var data: [Conversation]
    public var totalCount: Int?

    public init(data: [Conversation], totalCount: Int?) {
        self.data = data
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case data
        case totalCount = "total_count"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode([Conversation].self, forKey: .data)
        totalCount = c.lenientString(.totalCount).flatMap { Int($0) ?? Double($0).map { Int($0) } }
    }
}
