/// One conversation as the list and get endpoints return it. Every field is decoded
/// tolerantly: missing or null values, odd timestamps and unknown fields never fail a page.
public struct Conversation: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var status: ConversationStatus
    public var url: String
    public var callbackURL: String?
    public var replicaID: String?
    public var personaID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String, name: String, status: ConversationStatus, url: String,
        callbackURL: String? = nil, replicaID: String? = nil, personaID: String? = nil,
        createdAt: Timestamp, updatedAt: Timestamp
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.url = url
        self.callbackURL = callbackURL
        self.replicaID = replicaID
        self.personaID = personaID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension Conversation: Decodable {
    enum CodingKeys: String, CodingKey {
        case id = "conversation_id"
        case name = "conversation_name"
        case status
        case url = "conversation_url"
        case callbackURL = "callback_url"
        case replicaID = "replica_id"
        case personaID = "persona_id"
        /// The newer names of persona and replica (PAL and face); a row carries one or the other.
        case palID = "pal_id"
        case faceID = "face_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        name = c.lenientString(.name) ?? ""
        status = ConversationStatus(rawValue: c.lenientString(.status) ?? "")
        url = c.lenientString(.url) ?? ""
        callbackURL = c.lenientString(.callbackURL)
        replicaID = c.lenientString(.replicaID) ?? c.lenientString(.faceID)
        personaID = c.lenientString(.personaID) ?? c.lenientString(.palID)
        createdAt = Timestamp(raw: c.lenientString(.createdAt) ?? "")
        updatedAt = Timestamp(raw: c.lenientString(.updatedAt) ?? "")
    }
}
