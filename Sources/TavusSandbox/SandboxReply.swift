import Foundation

/// An answer before it becomes an HTTP response, so a fault can still cut or replace it.
struct SandboxReply: Sendable {
    var status: Int
    var contentType: String?
    var headers: [(name: String, value: String)] = []
    var body: Body

    enum Body: Sendable {
        case bytes(Data)
        /// Written bit by bit while the client waits, for the faults a fixed body cannot show.
        case stream(SandboxStream)
    }

    static let jsonType = "application/json"

    init(status: Int, contentType: String?, headers: [(name: String, value: String)] = [], body: Data) {
        self.init(status: status, contentType: contentType, headers: headers, body: .bytes(body))
    }

    init(status: Int, contentType: String?, headers: [(name: String, value: String)] = [], body: Body) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// The body of a plain answer, as every answer of the API itself is; empty for a stream.
    var bytes: Data {
        guard case .bytes(let data) = body else { return Data() }
        return data
    }

    static func json(_ value: some Encodable, status: Int = 200) -> SandboxReply {
        SandboxReply(status: status, contentType: jsonType, body: SandboxJSON.encode(value))
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
}
