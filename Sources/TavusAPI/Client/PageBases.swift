import Foundation
import NIOConcurrencyHelpers

/// The number each list endpoint gives its first page, per account. Most lists declare theirs
/// (`ListedResource.firstPage`: conversations and replicas count from 1, documents from 0);
/// personas may count from 0 on the real API, so on the first use of such an uncertain list,
/// `page=0` and `page=1` are compared with `limit=1` and the answer kept (and handed to
/// `remember`, so the index keeps it for later runs). Pages are numbered from 1 everywhere
/// else in the program; only the request differs.
public final class PageBases: Sendable {
    private let answers: NIOLockedValueBox<[String: Task<Int?, Never>]>
    private let remember: @Sendable (String, Int) -> Void

    /// `known` holds what an earlier run found (collection → first page number).
    public init(known: [String: Int] = [:], remember: @escaping @Sendable (String, Int) -> Void = { _, _ in }) {
        answers = NIOLockedValueBox(known.mapValues { base in Task { base } })
        self.remember = remember
    }

    /// What is known now, for tests and the index.
    public func known() async -> [String: Int] {
        var known: [String: Int] = [:]
        for (collection, task) in answers.withLockedValue({ $0 }) {
            if let base = await task.value { known[collection] = base }
        }
        return known
    }

    /// The first page number of `collection`: the one it declares; for an uncertain list (nil),
    /// what `probe` finds, asked once however many loads wait for it (nil: it could not tell,
    /// so 1 this time, and the next load asks again).
    func base(of collection: String, declared: Int?, probe: @escaping @Sendable () async -> Int?) async -> Int {
        if let declared { return declared }
        let (task, isNew) = answers.withLockedValue { answers in
            if let task = answers[collection] { return (task, false) }
            let task = Task { await probe() }
            answers[collection] = task
            return (task, true)
        }
        let base = await task.value
        if isNew {
            if let base { remember(collection, base) } else { answers.withLockedValue { $0[collection] = nil } }
        }
        return base ?? 1
    }

    /// How two one-item pages tell the base: an item at page 0 that is not page 1's means the
    /// list counts from 0; the same item (a server that takes 0 as 1) or none at page 0 means 1.
    /// An empty list tells nothing.
    static func base(firstAtZero: Data?, firstAtOne: Data?) -> Int? {
        switch (Self.firstObject(firstAtZero), Self.firstObject(firstAtOne)) {
        case (nil, nil): nil
        case (nil, _): 1
        case (_, nil): 0
        case let (zero?, one?): zero.isEqual(one) ? 1 : 0
        }
    }

    private static func firstObject(_ body: Data?) -> NSDictionary? {
        guard let body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let items = object["data"] as? [Any] else { return nil }
        return items.first as? NSDictionary
    }
}
