import Foundation

/// A tool a persona can call: described to the LLM by its parameters, delivered to an API or
/// as a message to the participant's app. `GET /v2/tools`, filtered by `type`. Its API
/// delivery's headers and auth hold the customer's secrets: they are read as names only.
public struct Tool: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    /// The JSON Schema of its arguments.
    public var parameters: JSONValue
    /// `api` or `app_message`.
    public var deliveryType: String
    public var method: String?
    public var url: String?
    public var timeout: String?
    /// The names of the headers it sends; their values are secrets and are not kept.
    public var headerNames: [String]
    /// Whether it authenticates, by the kind of its auth; the rest is a secret and not kept.
    public var authType: String?
    public var isSystemTool: Bool
    public var triggerType: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// `api POST https://…` or `app message`.
    public var delivery: String {
        guard deliveryType == "api" else { return deliveryType.replacingOccurrences(of: "_", with: " ") }
        return ["api", method, url].compactMap { $0 }.joined(separator: " ")
    }
}

extension Tool: ListedResource {
    public static let collection = "tools"
    public static let filterParameter: String? = "type"

    public static func matches(_ item: Tool, filter: String) -> Bool? {
        switch filter {
        case "all": true
        case "system": item.isSystemTool
        case "user": !item.isSystemTool
        default: nil
        }
    }

    /// The object with its delivery's header values and auth masked: the index never holds them.
    public static func kept(_ object: Data) -> Data {
        guard var tool = (try? JSONSerialization.jsonObject(with: object)) as? [String: Any] else { return Data("{}".utf8) }
        if var delivery = tool["delivery"] as? [String: Any] {
            if let headers = delivery["headers"] as? [String: Any] { delivery["headers"] = headers.mapValues { _ in Self.mask } }
            if let auth = delivery["auth"], !(auth is NSNull) {
                delivery["auth"] = ((auth as? [String: Any])?["type"] as? String).map { ["type": $0] } ?? [String: String]()
            }
            tool["delivery"] = delivery
        }
        return (try? JSONSerialization.data(withJSONObject: tool, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// What stands for a secret.
    public static let mask = "•••"
}

extension Tool: Decodable {
    enum CodingKeys: String, CodingKey {
        case id = "tool_id", name, description, parameters, delivery, isSystemTool = "is_system_tool"
        case triggerType = "trigger_type", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenientString(.id) ?? ""
        name = c.lenientString(.name) ?? ""
        description = c.lenientString(.description) ?? ""
        parameters = ((try? c.decodeIfPresent(JSONValue.self, forKey: .parameters)) ?? nil) ?? .null
        // `delivery` is an object with its `type`, or the type alone.
        let delivery = ((try? c.decodeIfPresent(JSONValue.self, forKey: .delivery)) ?? nil) ?? .null
        deliveryType = delivery.stringValue ?? delivery["type"]?.stringValue ?? ""
        method = delivery["method"]?.stringValue
        url = delivery["url"]?.stringValue
        timeout = delivery["timeout"].flatMap { $0.stringValue ?? ($0 == .null ? nil : $0.compactText) }
        if case .object(let headers)? = delivery["headers"] { headerNames = headers.keys.sorted() } else { headerNames = [] }
        authType = delivery["auth"].flatMap { $0 == .null ? nil : $0["type"]?.stringValue ?? "yes" }
        isSystemTool = (try? c.decodeIfPresent(Bool.self, forKey: .isSystemTool)) == true
        triggerType = c.lenientString(.triggerType) ?? ""
        createdAt = Timestamp(raw: c.lenientString(.createdAt) ?? "")
        updatedAt = Timestamp(raw: c.lenientString(.updatedAt) ?? "")
    }
}
