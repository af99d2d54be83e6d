import Foundation

/// One page of a list endpoint, with what was asked for (page, size, filter) and when it
/// arrived. Every resource's list has this shape.
public struct ListPage<Item: Sendable & Hashable, Filter: Sendable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    public var page: Int
    public var limit: Int
    public var filter: Filter
    /// Every conversation matching the filter, not just this page. When the server's count was
    /// missing or absurd, the least it can be: what this page shows and the pages before it.
    public var totalCount: Int
    /// Whether `totalCount` is the server's own count.
    public var totalIsExact: Bool
    public var fetchedAt: Date

    public init(items: [Item], page: Int, limit: Int, filter: Filter, totalCount: Int, fetchedAt: Date = Date()) {
        self.init(items: items, page: page, limit: limit, filter: filter, reportedTotal: totalCount, fetchedAt: fetchedAt)
    }

    /// A page with the server's `total_count` as it was read: nil when missing or not a count.
    /// A count smaller than what this page proves is raised to it, so the header never reads
    /// `page 2/1`.
    public init(items: [Item], page: Int, limit: Int, filter: Filter, reportedTotal: Int?, fetchedAt: Date = Date()) {
        self.items = items
        self.page = max(1, page)
        self.limit = max(1, limit)
        self.filter = filter
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

    /// The same page with each item transformed (a model made into what a screen shows).
    public func map<Other: Sendable & Hashable>(_ transform: (Item) -> Other) -> ListPage<Other, Filter> {
        var other = ListPage<Other, Filter>(items: items.map(transform), page: page, limit: limit, filter: filter,
                                            reportedTotal: nil, fetchedAt: fetchedAt)
        other.totalCount = totalCount
        other.totalIsExact = totalIsExact
        return other
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

/// A page of conversations, filtered by status.
public typealias ConversationPage = ListPage<Conversation, StatusFilter>

extension ListPage where Filter == StatusFilter {
    public init(items: [Item], page: Int, limit: Int, status: StatusFilter, totalCount: Int, fetchedAt: Date = Date()) {
        self.init(items: items, page: page, limit: limit, filter: status, reportedTotal: totalCount, fetchedAt: fetchedAt)
    }

    public init(items: [Item], page: Int, limit: Int, status: StatusFilter, reportedTotal: Int?, fetchedAt: Date = Date()) {
        self.init(items: items, page: page, limit: limit, filter: status, reportedTotal: reportedTotal, fetchedAt: fetchedAt)
    }

    public var status: StatusFilter {
        get { filter }
        set { filter = newValue }
    }
}

/// The wire shape of the conversation list endpoint: `{"data": [...], "total_count": N}`.
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
