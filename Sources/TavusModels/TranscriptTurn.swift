import Foundation

/// One turn of the end-of-call transcript. Newer answers add when it was said, how long it
/// took, the inference behind it, and tool calls: an assistant turn may call tools (its content
/// then empty or not a string), and a `tool` turn carries a tool's answer.
public struct TranscriptTurn: Sendable, Hashable {
    public var role: String
    /// The text; content that is not a string (an object, an array) as compact JSON.
    public var content: String
    public var secondsFromStart: Double?
    /// When the turn was said, from epoch seconds or an ISO-8601 string.
    public var timestamp: Date?
    /// Seconds the turn took.
    public var duration: Double?
    public var inferenceID: String?
    public var toolCalls: [ToolCall]
    /// The call a `tool` turn answers.
    public var toolCallID: String?

    public init(
        role: String, content: String, secondsFromStart: Double? = nil, timestamp: Date? = nil, duration: Double? = nil,
        inferenceID: String? = nil, toolCalls: [ToolCall] = [], toolCallID: String? = nil
    ) {
        self.role = role
        self.content = content
        self.secondsFromStart = secondsFromStart
        self.timestamp = timestamp
        self.duration = duration
        self.inferenceID = inferenceID
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    init(json: JSONValue) {
        guard case .object = json else {
            self.init(role: "?", content: "(unreadable turn)")
            return
        }
        let content: String = switch json["content"] {
        case .string(let text)?: text
        case .null?, nil: ""
        case let other?: other.compactText
        }
        self.init(
            role: json["role"]?.stringValue ?? "?",
            content: content,
            secondsFromStart: Self.seconds(json["seconds_from_start"]),
            timestamp: Self.instant(json["timestamp"]),
            duration: Self.seconds(json["duration"]),
            inferenceID: json["inference_id"]?.stringValue,
            toolCalls: json["tool_calls"]?.arrayValue?.compactMap(ToolCall.init(json:)) ?? [],
            toolCallID: json["tool_call_id"]?.stringValue)
    }

    /// Whether this turn is a tool's answer.
    public var isToolResult: Bool { role == "tool" }

    /// Seconds within a call: finite, not negative, under about four months; else missing.
    static func seconds(_ value: JSONValue?) -> Double? {
        value?.doubleValue.flatMap { $0.isFinite && (0...1e7).contains($0) ? $0 : nil }
    }

    /// Epoch seconds (a number or a numeric string) between 1970 and 2200, or an ISO-8601 string.
    static func instant(_ value: JSONValue?) -> Date? {
        if let seconds = value?.doubleValue, seconds.isFinite, (0...7_258_118_400).contains(seconds) {
            return Date(timeIntervalSince1970: seconds)
        }
        return value?.stringValue.flatMap { Timestamp(raw: $0).date }
    }
}

/// A tool an assistant turn called: `{id, type, function: {name, arguments}}`, or with `name`
/// and `arguments` at the top level as some accounts send it.
public struct ToolCall: Sendable, Hashable {
    public var id: String?
    public var name: String
    /// The arguments as compact JSON when they are JSON (also when sent as a JSON string),
    /// otherwise as they came.
    public var arguments: String

    public init(id: String? = nil, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }

    init?(json: JSONValue) {
        guard case .object = json else { return nil }
        let function = json["function"]
        let name = function?["name"]?.stringValue ?? json["name"]?.stringValue ?? "?"
        let arguments = function?["arguments"] ?? json["arguments"]
        self.init(id: json["id"]?.stringValue, name: name, arguments: Self.text(of: arguments))
    }

    private static func text(of arguments: JSONValue?) -> String {
        switch arguments {
        case nil, .null?: return ""
        case .string(let text)?:
            if let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) { return parsed.compactText }
            return text
        case let other?: return other.compactText
        }
    }
}
