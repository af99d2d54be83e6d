import Foundation

/// One page of the list endpoint, with what was asked for and when it arrived.
public struct ConversationPage: Sendable, Hashable {
    public var items: [Conversation]
    public var page: Int
    public var limit: Int
    public var status: StatusFilter
    /// Every conversation matching the filter, not just this page. When the server's count was
    /// missing or absurd, the least it can be: what this page shows and the pages before it.
    public var totalCount: Int
    /// Whether `totalCount` is the server's own count.
    public var totalIsExact: Bool
    public var fetchedAt: Date

    public init(items: [Conversation], page: Int, limit: Int, status: StatusFilter, totalCount: Int, fetchedAt: Date = Date()) {
        self.init(items: items, page: page, limit: limit, status: status, reportedTotal: totalCount, fetchedAt: fetchedAt)
    }

    /// A page with the server's `total_count` as it was read: nil when missing or not a count.
    /// A count smaller than what this page proves is raised to it, so the header never reads
    /// `page 2/1`.
    public init(items: [Conversation], page: Int, limit: Int, status: StatusFilter, reportedTotal: Int?, fetchedAt: Date = Date()) {
        self.items = items
        self.page = max(1, page)
        self.limit = max(1, limit)
        self.status = status
        self.fetchedAt = fetchedAt
        let before = (self.page - 1).multipliedReportingOverflow(by: self.limit)
        let shown = before.overflow ? Count.maximum : min(Count.maximum, before.partialValue + items.count)
        if let reportedTotal, Count.plausible.contains(reportedTotal) {
            totalCount = items.isEmpty ? reportedTotal : max(reportedTotal, shown)
            totalIsExact = true
        } else {
            totalCount = items.isEmpty ? 0 : shown
            totalIsExact = false
        }
    }

    /// At least 1, so "page 1/1" reads right for an empty result. Without the server's count,
    /// a full page promises one more.
    public var pageCount: Int {
        if totalIsExact { return Self.pageCount(total: totalCount, limit: limit) }
        return items.count >= limit ? page + 1 : page
    }

    public static func pageCount(total: Int, limit: Int) -> Int {
        guard limit > 0, total > 0 else { return 1 }
        return total / limit + (total % limit == 0 ? 0 : 1)
    }
}

/// The wire shape of the list endpoint: `{"data": [...], "total_count": N}`.
public struct ConversationListBody: Decodable, Sendable {
    public var data: [Conversation]
    public var totalCount: Int?

    enum CodingKeys: String, CodingKey {
        case data
        case totalCount = "total_count"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode([Conversation].self, forKey: .data)
        totalCount = Count.read(c.lenientString(.totalCount))
    }
}
