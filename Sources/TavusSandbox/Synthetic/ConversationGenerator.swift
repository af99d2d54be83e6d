import Foundation
import TavusAPI

/// Builds the synthetic conversation list from a seed.
enum ConversationGenerator {
    /// Data is dated back from this fixed instant, not from today, so that one seed always
    /// gives the same data: 2026-11-20T12:00:00Z.
    static let referenceDate = Date(timeIntervalSince1970: 1_795_176_000)
    static let callbackURL = "https://example.com/webhooks/tavus"

    /// `count` conversations, newest first, with these personas and trained replicas, neither
    /// of which may be missing; most calls use their persona's default replica.
    static func conversations(
        count: Int, seed: UInt64, personas: [SandboxPersona], replicas: [SandboxReplica]
    ) -> [Conversation] {
        var random = SplitMix64(seed: seed)
        let trained = replicas.filter { $0.status == .completed }.map(\.id)
        var ids = Set<String>()
        var list: [Conversation] = []
        for _ in 0..<max(0, count) {
            var id: String
            repeat { id = "c" + random.hex(15) } while !ids.insert(id).inserted
            let created = referenceDate.addingTimeInterval(-Double.random(in: 60...(90 * 86_400), using: &random))
            let status = status(using: &random)
            let persona = random.chance(0.05) ? nil : personas.pick(using: &random)
            let replicaID = persona.flatMap { random.chance(0.75) ? $0.defaultReplicaID : nil } ?? trained.pick(using: &random)
            list.append(Conversation(
                id: id,
                name: ConversationNames.make(using: &random),
                status: status,
                url: "https://tavus.daily.co/\(id)",
                callbackURL: random.chance(0.5) ? callbackURL : nil,
                replicaID: replicaID,
                personaID: persona?.id,
                createdAt: timestamp(created),
                updatedAt: timestamp(created.addingTimeInterval(callLength(status, using: &random)))
            ))
        }
        return newestFirst(list)
    }

    /// The list ordered as the API answers it: newest `created_at` first; undated last,
    /// otherwise in the order given.
    static func newestFirst(_ list: [Conversation]) -> [Conversation] {
        list.enumerated().sorted { a, b in
            switch (a.element.createdAt.date, b.element.createdAt.date) {
            case let (x?, y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }

    /// A timestamp as the API writes it, with microseconds; its date is the one parsed back
    /// from the text, so it equals what a client decodes.
    static func timestamp(_ date: Date) -> Timestamp {
        Timestamp(raw: iso8601(date))
    }

    /// `2025-09-10T14:02:11.481203Z`, to the nearest microsecond: `Timestamp.format` cuts off,
    /// which would turn a date parsed from `.481203` back into `.481202`.
    static func iso8601(_ date: Date) -> String {
        Timestamp.format(date.addingTimeInterval(0.000_000_5))
    }

    /// About one in five active, a few failed to start, the rest ended.
    private static func status(using random: inout SplitMix64) -> ConversationStatus {
        let draw = Double.random(in: 0..<1, using: &random)
        if draw < 0.2 { return .active }
        if draw < 0.215 { return .other("error") }
        return .ended
    }

    /// Seconds from creation to the last update.
    private static func callLength(_ status: ConversationStatus, using random: inout SplitMix64) -> TimeInterval {
        switch status {
        case .active: Double.random(in: 60...300, using: &random)
        case .ended: Double.random(in: 180...2_400, using: &random)
        case .other: Double.random(in: 2...20, using: &random)
        }
    }
}
