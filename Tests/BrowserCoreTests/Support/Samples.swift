import BrowserCore
import Foundation
import TavusAPI

/// Hand-built conversations, pages and verbose answers with fixed ids, names and instants,
/// so that every test and every snapshot sees the same data.
enum Sample {
    /// 2025-09-10 14:02:11 UTC: when every sample page was fetched.
    static let fetchedAt = Date(timeIntervalSince1970: 1_757_512_931)

    /// Names in many scripts: CJK, Korean, Greek, emoji, accents.
    static let names = [
        "Quarterly sales review",
        "東京オフィス 週次ミーティング",
        "Onboarding 🚀 call with Dana",
        "Café chat with Zoë",
        "Démo produit — équipe Lyon",
        "Entrevista técnica: Señor Núñez",
        "🎉 Launch retro",
        "Customer interview #12",
        "Müller GmbH intro",
        "한국어 상담 예약",
        "Support: billing question",
        "Ελληνικά δοκιμή",
        "A very long conversation name that goes on well past the width of the name column",
        "面接練習 — 田中さん",
        "Weekly sync",
        "Ünïcödé wëëk",
        "Pricing Q&A",
        "深夜のサポート 🌙",
        "Renewal call",
        "Ops standup",
    ]

    /// A fixed, unique id for an index, shaped like the API's (`c` and hex digits).
    static func id(_ index: Int) -> String {
        let hex = String((UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15) >> 4, radix: 16)
        return "c" + String(repeating: "0", count: max(0, 15 - hex.count)) + hex
    }

    /// The status the sample data gives a row of the unfiltered list.
    static func status(_ index: Int) -> ConversationStatus {
        if index % 4 == 0 { return .active }
        if index % 7 == 3 { return .other("error") }
        return .ended
    }

    static func name(_ index: Int) -> String {
        index < names.count ? names[index] : "\(names[index % names.count]) · \(index + 1)"
    }

    static func conversation(
        _ index: Int, name: String? = nil, status: ConversationStatus? = nil, url: String? = nil, id: String? = nil
    ) -> Conversation {
        let id = id ?? Self.id(index)
        let created = fetchedAt.addingTimeInterval(-Double(index) * 8_220 - 3_600)
        return Conversation(
            id: id, name: name ?? Self.name(index), status: status ?? Self.status(index),
            url: url ?? "https://tavus.daily.co/\(id)",
            callbackURL: index % 3 == 0 ? "https://example.com/webhooks/tavus" : nil,
            replicaID: "r90bbd427f71", personaID: index % 2 == 0 ? "pcb7a34da5fe" : nil,
            createdAt: Timestamp(date: created), updatedAt: Timestamp(date: created.addingTimeInterval(1_801))
        )
    }

    /// The page `key` of a list with `total` conversations matching the key's filter.
    static func page(_ key: PageKey, total: Int, fetchedAt: Date = Sample.fetchedAt) -> ConversationPage {
        let start = (key.number - 1) * key.limit
        let end = min(total, key.number * key.limit)
        let items = start < end ? (start..<end).map { index in
            conversation(index, status: key.status == .all ? nil : (key.status == .active ? .active : .ended))
        } : []
        return ConversationPage(items: items, page: key.number, limit: key.limit, status: key.status,
                                totalCount: total, fetchedAt: fetchedAt)
    }

    /// A page with exactly these rows.
    static func page(
        _ items: [Conversation], number: Int = 1, limit: Int = 20, status: StatusFilter = .all, total: Int? = nil
    ) -> ConversationPage {
        ConversationPage(items: items, page: number, limit: limit, status: status,
                         totalCount: total ?? items.count, fetchedAt: fetchedAt)
    }

    static let transcript: [(role: String, content: String, at: Double?)] = [
        ("system", "You are a friendly sales coach. Keep answers short.", nil),
        ("assistant", "Hi Dana! Thanks for joining. What would you like to practise today?", 1.2),
        ("user", "I'd like to work on handling price objections from enterprise buyers.", 6.8),
        ("assistant", "Great choice. Let's role-play: I'm a procurement lead and I say your product is 30% more expensive than the competitor's.", 12.4),
        ("user", "I'd point out that our onboarding is included and the total cost over three years is lower.", 25.0),
        ("assistant", "Good. Now make it concrete — can you put a number on the savings?", 38.9),
        ("user", "Roughly forty thousand dollars over the contract, mostly from support hours we don't bill.", 47.3),
        ("assistant", "That lands much better. One more round: I push back on the contract length.", 61.0),
        ("user", "Then I'd offer a one-year term with the same onboarding, priced slightly higher.", 75.5),
        ("assistant", "Nicely done. Let's wrap up there — you handled both objections calmly.", 92.1),
        ("user", "Thanks, that was really useful. 東京のチームにも共有します。", 101.7),
        ("assistant", "You're welcome! Good luck with the call. 👋", 108.4),
    ]

    static let perceptionAnalysis = """
        The participant sat in a bright office, facing the camera, and kept steady eye contact.
        They smiled often and nodded while listening; no other people appeared in the frame.

        Overall engagement: high.
        """

    static let shutdownReason = "participant_left_timeout"

    static func event(_ type: String, at raw: String, _ properties: [String: JSONValue] = [:]) -> ConversationEvent {
        ConversationEvent(type: type, messageType: type.hasPrefix("system") ? "system" : "application",
                          timestamp: Timestamp(raw: raw), properties: .object(properties))
    }

    /// A verbose answer with a join, a shutdown, a transcript, a perception analysis and an
    /// event type the browser does not know.
    static func verboseDetail(for conversation: Conversation) -> ConversationDetail {
        let turns: [JSONValue] = transcript.map { turn in
            var object: [String: JSONValue] = ["role": .string(turn.role), "content": .string(turn.content)]
            if let at = turn.at { object["seconds_from_start"] = .number(at) }
            return .object(object)
        }
        return ConversationDetail(conversation: conversation, events: [
            event(ConversationEvent.replicaJoined, at: "2025-09-10T13:02:16.402113Z"),
            event(ConversationEvent.shutdown, at: "2025-09-10T13:06:53.930554Z",
                  ["shutdown_reason": .string(shutdownReason)]),
            event(ConversationEvent.transcriptionReady, at: "2025-09-10T13:06:58.100000Z", ["transcript": .array(turns)]),
            event(ConversationEvent.perceptionAnalysis, at: "2025-09-10T13:07:30.000000Z",
                  ["analysis": .string(perceptionAnalysis)]),
            event("application.recording_ready", at: "2025-09-10T13:08:00.000000Z"),
        ])
    }
}
