import Foundation

/// An answer before it becomes an HTTP response, so a fault can still cut or replace it.
struct SandboxReply: Sendable {
    var status: Int
    var contentType: String?
    var headers: [(name: String, value: String)] = []
    var body: Data

    static let jsonType = "application/json"

    static func json(_ value: some Encodable, status: Int = 200) -> SandboxReply {
        SandboxReply(status: status, contentType: jsonType, body: encode(value))
    }

    /// An error body of the `{"message": ...}` kind (401, 404 and most others).
    static func message(_ text: String, status: Int) -> SandboxReply {
        json(["message": text], status: status)
    }

    /// An error body of the `{"error": ...}` kind the docs show for some 400s.
    static func error(_ text: String, status: Int) -> SandboxReply {
        json(["error": text], status: status)
    }

    static func empty(status: Int) -> SandboxReply {
        SandboxReply(status: status, contentType: nil, body: Data())
    }

    /// Sorted keys keep bodies byte-for-byte the same from run to run.
    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The values encoded here are plain strings, numbers and arrays, which cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
