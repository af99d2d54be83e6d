import Foundation

/// The account's knowledge base: files and crawled sites, in every state a document goes
/// through, as `/v2/documents` writes them (newest first).
enum DocumentGenerator {
    static let count = 37

    private static let sources: [(name: String, url: String, tags: [String])] = [
        ("Pricing FAQ", "https://docs.example.com/pricing-faq.pdf", ["sales", "pricing"]),
        ("Refund policy", "https://help.example.com/refunds", ["support", "billing"]),
        ("Onboarding guide", "https://docs.example.com/onboarding.pdf", ["onboarding"]),
        ("API reference", "https://developer.example.com/reference", ["engineering"]),
        ("Security whitepaper", "https://example.com/security.pdf", ["security", "sales"]),
        ("Release notes", "https://example.com/changelog", ["product"]),
        ("Support handbook", "https://help.example.com/handbook", ["support"]),
        ("Calendar integration", "https://docs.example.com/calendar", ["integrations"]),
    ]

    static func documents(seed: UInt64, now: Date = Date(timeIntervalSince1970: 1_796_000_000)) -> [SandboxValue] {
        (0..<count).map { index in
            var random = SplitMix64(seed: seed, salt: "document-\(index)")
            let source = sources[index % sources.count]
            let status = index == 1 ? "error" : index == 2 ? "processing" : index == 3 ? "started"
                : random.chance(0.08) ? "error" : "ready"
            let updated = now.addingTimeInterval(-Double(index) * 86_400 - Double(random.next() % 3_600))
            let created = updated.addingTimeInterval(-Double(random.next() % 2_000_000))
            let crawled = source.url.hasSuffix(".pdf") ? [] : (1...(1 + Int(random.next() % 4))).map { "\(source.url)/page-\($0)" }
            var members: [String: SandboxValue] = [
                "document_id": .string("d\(random.hex(10))"),
                "document_name": .string(index < sources.count ? source.name : "\(source.name) v\(index / sources.count + 1)"),
                "document_url": .string(source.url),
                "status": .string(status),
                "progress": status == "processing" ? .int(40) : status == "ready" ? .int(100) : .int(0),
                "tags": .strings(source.tags),
                "crawl_config": crawled.isEmpty ? .null : .object(["depth": .int(2), "max_pages": .int(25)]),
                "crawled_urls": .strings(crawled),
                "crawl_count": .int(crawled.isEmpty ? 0 : 1 + index % 3),
                "last_crawled_at": crawled.isEmpty ? .null : .string(ConversationGenerator.iso8601(updated)),
                "callback_url": .string("https://example.com/webhooks/documents"),
                "created_at": .string(ConversationGenerator.iso8601(created)),
                "updated_at": .string(ConversationGenerator.iso8601(updated)),
            ]
            if status == "error" {
                members["error_message"] = .string("The page could not be fetched: 403 Forbidden")
            }
            return .object(members)
        }
    }
}
