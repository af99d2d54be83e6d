import TavusModels

/// Knowledge-base documents: `GET /v2/documents`, filtered by `status`; a document that failed
/// shows in red, one being processed its progress; `o` opens its URL and `y` copies it.
public enum DocumentResource {
    static let descriptor = ResourceDescriptor(
        Document.self, title: "documents", singular: "document", aliases: ["docs", "knowledge", "document", "doc"],
        filters: ["all", "started", "processing", "ready", "error"],
        columns: [.init("NAME", width: 0), .init("STATUS", width: 16, shownFrom: 40), .init("TAGS", width: 20, shownFrom: 90),
                  .init("CRAWLS", width: 6, shownFrom: 110), .init("UPDATED (UTC)", width: 16, shownFrom: 70)],
        paneTitle: "Document", urlName: "document URL", row: row)

    public static func row(_ document: Document) -> ResourceRow {
        let status = ResourceCell.state(statusText(document), isFailure: document.failed)
        var pane = PaneItem.identity(document.name, id: document.id) + [.field("Status", status)]
        if let error = document.errorMessage, !error.isEmpty { pane.append(.field("Error", .state(error, isFailure: true))) }
        pane += [
            .field("URL", .link(document.url)),
            .field("Tags", .text(document.tags.joined(separator: ", "))),
            .heading("Crawl"),
            .field("Depth", .text(document.crawlDepth.map(String.init) ?? "")),
            .field("Max pages", .text(document.crawlMaxPages.map(String.init) ?? "")),
            .field("Crawls", .text(document.crawlCount.map(String.init) ?? "")),
            .field("Last", .time(document.lastCrawledAt)),
        ]
        pane += PaneItem.times(created: document.createdAt, updated: document.updatedAt)
        if !document.crawledURLs.isEmpty {
            pane.append(.heading("Crawled URLs (\(document.crawledURLs.count))"))
            pane += document.crawledURLs.map { .field("URL", .link($0)) }
        }
        return ResourceRow(
            id: document.id, name: document.name,
            cells: [.text(document.name), status, .text(document.tags.joined(separator: ", ")),
                    .text(document.crawlCount.map(String.init) ?? ""), .time(document.updatedAt)],
            pane: pane, url: document.url)
    }

    /// `processing 40%` while it is processed, else the status.
    static func statusText(_ document: Document) -> String {
        guard document.status.lowercased() == "processing", let progress = document.progress else { return document.status }
        return "processing \(progress)%"
    }
}

extension ResourceKind {
    public static let documents = DocumentResource.descriptor.kind
}
