import AccountIndex
import Foundation
import TavusAPI

/// Pages of 100 written into an index as the browser's writer writes them, one transaction a
/// page: conversations the index does not hold yet, then the same pages again, unchanged.
enum IndexWriteBench {
    static func run(path: String, pages: Int) async throws {
        let index = try AccountIndex.open(at: path, create: false) { _ in }
        defer { index.close() }
        let bodies = (0..<pages).map { conversationsJSON(count: 100, first: 10_000_000 + $0 * 100) }
        let rows = bodies.map { IndexEntry.rows(Conversation.self, of: $0) }
        report("write a page of 100 new conversations into the index (µs)", try await time(rows, index))
        report("write a page of 100 conversations the index holds unchanged (µs)", try await time(rows, index))
    }

    private static func time(_ pages: [[(Conversation, Data)]], _ index: AccountIndex) async throws -> [Double] {
        var samples: [Double] = []
        for rows in pages {
            let start = DispatchTime.now().uptimeNanoseconds
            try await index.store([.conversations(rows, totalCount: nil)])
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        return samples
    }
}
