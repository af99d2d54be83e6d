/// A guardrail: a rule a persona keeps to, checked in one modality.
/// `GET /v2/guardrails?legacy=false`, filtered by `type` (user, system).
public struct Guardrail: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var prompt: String
    /// `verbal`, `visual` or `audio`.
    public var modality: String
    public var tags: [String]
    public var callbackURL: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
}

extension Guardrail: ListedResource {
    public static let collection = "guardrails"
    public static let filterParameter: String? = "type"
    public static let tagParameter: String? = "tags"
    /// Without it the list gives the older guardrail sets instead.
    public static let fixedQuery = ["legacy": "false"]
    public static func tags(of item: Guardrail) -> [String] { item.tags }
}

extension Guardrail: Decodable {
    enum CodingKeys: String, CodingKey {
        case id = "uuid", guardrailID = "guardrail_id", name = "guardrail_name", prompt = "guardrail_prompt"
        case modality, tags, callbackURL = "callback_url", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? c.lenientString(.guardrailID) ?? ""
        name = c.lenientString(.name) ?? ""
        prompt = c.lenientString(.prompt) ?? ""
        modality = c.lenientString(.modality) ?? ""
        tags = c.lenientStrings(.tags)
        callbackURL = c.lenientString(.callbackURL)
        createdAt = Timestamp(raw: c.lenientString(.createdAt) ?? "")
        updatedAt = Timestamp(raw: c.lenientString(.updatedAt) ?? "")
    }
}
