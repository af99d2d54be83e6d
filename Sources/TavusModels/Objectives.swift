/// A set of objectives: the steps a conversation works through, each with what ends it and
/// what comes next. `GET /v2/objectives`; one set's record comes wrapped in `data`.
public struct Objectives: Sendable, Hashable, Identifiable {
    public struct Objective: Sendable, Hashable {
        public var name: String
        public var prompt: String
        /// `auto` or `manual`.
        public var confirmationMode: String
        public var modality: String
        public var outputVariables: [String]
        public var nextRequired: [String]
        /// The objectives conditions lead to.
        public var nextConditional: [Condition]
    }

    /// An objective that comes next when its condition holds.
    public struct Condition: Sendable, Hashable {
        public var objective: String
        public var condition: String
    }

    public var id: String
    public var name: String
    public var objectives: [Objective]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
}

extension Objectives: ListedResource {
    public static let collection = "objectives"
}

extension Objectives: Decodable {
    enum CodingKeys: String, CodingKey {
        case id = "objectives_id", name = "objectives_name", data, createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        name = c.lenientString(.name) ?? ""
        let steps = ((try? c.decodeIfPresent([JSONValue].self, forKey: .data)) ?? nil) ?? []
        objectives = steps.map(Objective.init(json:))
        createdAt = Timestamp(raw: c.lenientString(.createdAt) ?? "")
        updatedAt = Timestamp(raw: c.lenientString(.updatedAt) ?? "")
    }
}

extension Objectives.Objective {
    init(json: JSONValue) {
        func text(_ key: String) -> String { json[key]?.stringValue ?? "" }
        func texts(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        name = text("objective_name")
        prompt = text("objective_prompt")
        confirmationMode = text("confirmation_mode")
        modality = text("modality")
        outputVariables = texts("output_variables")
        nextRequired = texts("next_required_objectives")
        if case .object(let members)? = json["next_conditional_objectives"] {
            nextConditional = members.keys.sorted().map {
                Objectives.Condition(objective: $0, condition: members[$0]?.stringValue ?? members[$0]?.compactText ?? "")
            }
        } else {
            nextConditional = []
        }
    }
}
