/// A knowledge-base document: a file or a site that personas draw on, crawled by Tavus.
/// `GET /v2/documents`, whose pages count from 0, filtered by `status`.
public struct Document: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var url: String?
    /// `started`, `processing`, `ready` or `error`.
    public var status: String
    /// Percent done while processing.
    public var progress: Int?
    public var errorMessage: String?
    public var tags: [String]
    public var crawlDepth: Int?
    public var crawlMaxPages: Int?
    public var crawledURLs: [String]
    public var crawlCount: Int?
    public var lastCrawledAt: Timestamp
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// Whether its processing failed.
    public var failed: Bool { status.lowercased() == "error" }
}

extension Document: ListedResource {
    public static let collection = "documents"
    public static let filterParameter: String? = "status"
    public static let tagParameter: String? = "tags"
    public static let firstPage: Int? = 0
    public static func matches(_ item: Document, filter: String) -> Bool? { filter == "all" || item.status == filter }
    public static func tags(of item: Document) -> [String] { item.tags }
}

extension Document: Decodable {
    enum CodingKeys: String, CodingKey {
        case id = "document_id", name = "document_name", url = "document_url", status, progress
        case errorMessage = "error_message", tags, crawlConfig = "crawl_config", crawledURLs = "crawled_urls"
        case crawlCount = "crawl_count", lastCrawledAt = "last_crawled_at", createdAt = "created_at", updatedAt = "updated_at"
    }

    enum CrawlKeys: String, CodingKey {
        case depth, maxPages = "max_pages"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        name = c.lenientString(.name) ?? ""
        url = c.lenientString(.url)
        status = c.lenientString(.status) ?? ""
        progress = Count.read(c.lenientString(.progress)).map { min($0, 100) }
        errorMessage = c.lenientString(.errorMessage)
        tags = c.lenientStrings(.tags)
        let crawl = try? c.nestedContainer(keyedBy: CrawlKeys.self, forKey: .crawlConfig)
        crawlDepth = Count.read(crawl?.lenientString(.depth))
        crawlMaxPages = Count.read(crawl?.lenientString(.maxPages))
        crawledURLs = c.lenientStrings(.crawledURLs)
        crawlCount = Count.read(c.lenientString(.crawlCount))
        lastCrawledAt = Timestamp(raw: c.lenientString(.lastCrawledAt) ?? "")
        createdAt = Timestamp(raw: c.lenientString(.createdAt) ?? "")
        updatedAt = Timestamp(raw: c.lenientString(.updatedAt) ?? "")
    }
}
