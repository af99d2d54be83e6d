import TavusModels

/// One labelled line of the pane for an event that is not already a field of its own (joined,
/// shutdown, transcript and analysis are): what the event carries, in a few words.
enum EventLine {
    struct Line {
        var label: String
        var text: String
        var style: Style
    }

    /// Longer property text is cut here; the pane wraps what is left.
    static let textLimit = 160

    static func describe(_ event: ConversationEvent) -> Line? {
        let properties = event.properties
        func text(_ key: String) -> String? { properties[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        switch event.type {
        case ConversationEvent.replicaJoined, ConversationEvent.palJoined, ConversationEvent.shutdown,
             ConversationEvent.transcriptionReady, ConversationEvent.perceptionAnalysis:
            return nil
        case ConversationEvent.recordingReady:
            // Newer accounts give the whole URI and its provider; older ones the bucket and key.
            let uri = text("storage_uri").map { uri in text("storage_provider").map { "\($0) \(uri)" } ?? uri }
            let location = uri.map(sanitized) ?? [text("bucket_name"), text("s3_key")].compactMap { $0 }.map(sanitized).joined(separator: "/")
            let duration = properties["duration"]?.doubleValue.flatMap { $0.isFinite && $0 >= 0 ? Format.duration($0) : nil }
            return Line(label: "Recording", text: [location.isEmpty ? "ready" : location, duration].compactMap { $0 }.joined(separator: " · "),
                        style: .normal)
        case ConversationEvent.recordingCopyFailed:
            return Line(label: "Recording", text: "copy failed" + (reason(properties).map { ": " + $0 } ?? ""), style: .error)
        case ConversationEvent.perceptionUnavailable:
            return Line(label: "Perception", text: "unavailable" + (reason(properties).map { ": " + $0 } ?? ""), style: .warning)
        case ConversationEvent.postCallAction:
            let parts = [text("tool_name") ?? "?", text("status").map { "(\($0))" }, properties["response"].map { "→ " + short($0) }]
            return Line(label: "Post-call", text: parts.compactMap { $0 }.joined(separator: " "), style: .normal)
        case ConversationEvent.unreadable:
            return Line(label: "Event", text: "unreadable", style: .dim)
        default:
            let extra = properties == .object([:]) || properties == .null ? "" : " " + short(properties)
            return Line(label: "Event", text: TerminalText.sanitize(event.type) + extra, style: .dim)
        }
    }

    /// `reason`, `error_message`, `error` or `message`, or what the properties say otherwise.
    private static func reason(_ properties: JSONValue) -> String? {
        for key in ["reason", "error_message", "error", "message"] {
            if let text = properties[key]?.stringValue, !text.isEmpty { return short(.string(text)) }
        }
        if case .object(let members) = properties, !members.isEmpty { return short(properties) }
        return nil
    }

    private static func sanitized(_ text: String) -> String {
        TerminalText.truncate(TerminalText.sanitize(text), to: textLimit)
    }

    private static func short(_ value: JSONValue) -> String {
        let text: String = if case .string(let plain) = value { plain } else { value.compactText }
        return TerminalText.truncate(TerminalText.sanitize(text), to: textLimit)
    }
}
