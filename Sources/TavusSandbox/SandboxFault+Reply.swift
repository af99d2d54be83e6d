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

    /// The answer given instead of the real one, which is only computed when the fault needs
    /// it. Nil for `.hang`, which gives no answer.
    func reply(to request: RecordedRequest, api: SandboxAPI) -> SandboxReply? {
        let json = SandboxReply.jsonType
        switch self {
        case .status(401, let retryAfter):
            return SandboxReply.message(SandboxAPI.unauthorizedMessage, status: 401).retrying(after: retryAfter)
        case .status(let status, let retryAfter):
            return SandboxReply.message(HTTPStatusText.reason(status) ?? "Injected fault", status: status).retrying(after: retryAfter)
        case .truncatedJSON:
            let body = api.answer(request).bytes
            return SandboxReply(status: 200, contentType: json, body: Data(body.prefix(body.count / 2)))
        case .invalidJSON:
            return SandboxReply(status: 200, contentType: json, body: Data("upstream said: service temporarily overloaded".utf8))
        case .htmlBody:
            return SandboxReply(status: 502, contentType: "text/html; charset=utf-8", body: Data(Self.badGatewayPage.utf8))
        case .hang:
            return nil
        case .redirect(let location, let status):
            return SandboxReply(status: status, contentType: nil, headers: [(name: "Location", value: location)], body: Data())
        case .gzipBomb(let inflatedBytes):
            return SandboxReply(status: 200, contentType: json, headers: Self.gzipEncoded, body: GzipBomb.data(inflatedBytes: inflatedBytes))
        case .corruptGzip:
            return SandboxReply(status: 200, contentType: json, headers: Self.gzipEncoded, body: GzipBomb.corrupt)
        case .endlessBody:
            return SandboxReply(status: 200, contentType: json, body: .stream(.endless))
        case .drip(let interval):
            var reply = api.answer(request)
            reply.body = .stream(.drip(reply.bytes, interval: .milliseconds(max(0, interval))))
            return reply
        case .cutShort:
            return SandboxReply(status: 200, contentType: json, body: .stream(.cutShort(api.answer(request).bytes)))
        case .rawBody(let text, let status, let headers):
            var reply = SandboxReply(status: status, contentType: json, body: Data(text.utf8))
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
                if name.lowercased() == "content-type" {
                    reply.contentType = value
                } else {
                    reply.headers.append((name: name, value: value))
                }
            }
            return reply
        case .echoKey(let status):
            return SandboxReply.message("Invalid key: \(request.apiKey ?? "")", status: status)
        case .lyingTotal(let total):
            return api.answer(request, lyingTotal: total)
        }
    }

    private static let gzipEncoded = [(name: "Content-Encoding", value: "gzip")]
}

extension SandboxReply {
    func retrying(after seconds: Int?) -> SandboxReply {
        guard let seconds else { return self }
        var reply = self
        reply.headers.append((name: "Retry-After", value: String(seconds)))
        return reply
    }
}
