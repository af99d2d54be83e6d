import Foundation
import TavusAPI

extension SandboxFault {
    static let badGatewayPage = """
        <html>
        <head><title>502 Bad Gateway</title></head>
        <body>
        <center><h1>502 Bad Gateway</h1></center>
        <hr><center>nginx</center>
        </body>
        </html>

        """

    /// The answer given instead of the real one; `real` is only computed when the fault
    /// needs it. Nil for `.hang`, which gives no answer.
    func reply(replacing real: () -> SandboxReply) -> SandboxReply? {
        switch self {
        case .status(401, let retryAfter):
            return SandboxReply.message(SandboxAPI.unauthorizedMessage, status: 401).retrying(after: retryAfter)
        case .status(let status, let retryAfter):
            return SandboxReply.message(HTTPStatusText.reason(status) ?? "Injected fault", status: status).retrying(after: retryAfter)
        case .truncatedJSON:
            let body = real().body
            return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: Data(body.prefix(body.count / 2)))
        case .invalidJSON:
            return SandboxReply(
                status: 200, contentType: SandboxReply.jsonType,
                body: Data("upstream said: service temporarily overloaded".utf8))
        case .htmlBody:
            return SandboxReply(status: 502, contentType: "text/html; charset=utf-8", body: Data(Self.badGatewayPage.utf8))
        case .hang:
            return nil
        }
    }
}

extension SandboxReply {
    func retrying(after seconds: Int?) -> SandboxReply {
        guard let seconds else { return self }
        var reply = self
        reply.headers.append((name: "Retry-After", value: String(seconds)))
        return reply
    }
}
