/// A conversation's status. The API documents `active` and `ended`, but the set is open
/// (`error` is seen too), so any other value is kept as its raw text.
public enum ConversationStatus: Sendable, Hashable {
    case active
    case ended
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "active": self = .active
        case "ended": self = .ended
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .active: "active"
        case .ended: "ended"
        case .other(let raw): raw
        }
    }
}

extension ConversationStatus: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: container.decodeNil() ? "" : try container.decode(String.self))
    }
}
