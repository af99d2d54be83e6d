import Foundation
import Testing
import TavusAPI
@testable import AccountIndex

/// A folder of its own under /tmp, removed by `remove()`.
struct Scratch {
    let path: String

    init() throws {
        path = "/tmp/tavus-index-test-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with a new index in a scratch folder of its own, removed afterwards; a warning
/// on opening it fails the test.
func withIndex(_ body: (AccountIndex) async throws -> Void) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try await body(try AccountIndex.open(at: scratch.file("index.sqlite")) { Issue.record("unexpected warning: \($0)") })
}

/// Conversations and records as the API writes them.
enum Samples {
    static func conversationJSON(_ id: String, name: String, status: String = "ended", persona: String = "p1",
                                 replica: String = "r1", created: String = "2026-11-01T10:00:00Z") -> Data {
        Data("""
            {"conversation_id": "\(id)", "conversation_name": "\(name)", "status": "\(status)",
             "conversation_url": "https://tavus.daily.co/\(id)", "persona_id": "\(persona)", "replica_id": "\(replica)",
             "created_at": "\(created)", "updated_at": "\(created)"}
            """.utf8)
    }

    static func row(_ id: String, name: String, status: String = "ended", persona: String = "p1",
                    created: String = "2026-11-01T10:00:00Z") throws -> (Conversation, Data) {
        let json = conversationJSON(id, name: name, status: status, persona: persona, created: created)
        return (try JSONDecoder().decode(Conversation.self, from: json), json)
    }

    /// A verbose record with `turns` (role, text) and, with `analysis`, a perception analysis.
    static func record(_ id: String, name: String, turns: [(String, String)], analysis: Bool = true,
                       shutdown: String = "participant_left", ended: String = "2026-11-01T10:20:00Z") throws -> (ConversationDetail, Data) {
        let transcript = turns.map { #"{"role": "\#($0.0)", "content": "\#($0.1)"}"# }.joined(separator: ", ")
        var events = [
            #"{"event_type": "system.shutdown", "message_type": "system", "timestamp": "\#(ended)", "properties": {"shutdown_reason": "\#(shutdown)"}}"#,
            #"{"event_type": "application.transcription_ready", "message_type": "application", "timestamp": "\#(ended)", "properties": {"transcript": [\#(transcript)]}}"#,
        ]
        if analysis {
            events.append(#"{"event_type": "application.perception_analysis", "message_type": "application", "timestamp": "\#(ended)", "properties": {"analysis": "calm"}}"#)
        }
        let json = Data("""
            {"conversation_id": "\(id)", "conversation_name": "\(name)", "status": "ended",
             "conversation_url": "https://tavus.daily.co/\(id)", "persona_id": "p1", "replica_id": "r1",
             "created_at": "2026-11-01T10:00:00Z", "updated_at": "\(ended)", "events": [\(events.joined(separator: ", "))]}
            """.utf8)
        return (try TavusClient.decodeDetail(json), json)
    }

    static func persona(_ id: String, name: String) throws -> (Persona, Data) {
        let json = Data(#"{"persona_id": "\#(id)", "persona_name": "\#(name)"}"#.utf8)
        return (try JSONDecoder().decode(Persona.self, from: json), json)
    }
}
