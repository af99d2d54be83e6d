import Foundation
import HTTPTypes
import Hummingbird
import TavusAPI

/// Hummingbird's entry point: records each request, waits the configured latency, then
/// answers with the next matching fault or the API's real answer.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    static let apiKeyField = HTTPField.Name("x-api-key")!
    static let hangPollInterval = Duration.milliseconds(50)

    let api: SandboxAPI

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let recorded = RecordedRequest(
            method: request.method.rawValue, path: request.uri.path,
            query: Self.query(of: request), userAgent: request.headers[.userAgent],
            apiKey: request.headers[Self.apiKeyField], headers: Self.headers(of: request))
        let (fault, latency) = api.state.withLock { state in
            state.record(recorded)
            return (state.faults.take(for: recorded), state.latencyMilliseconds)
        }
        if latency > 0 {
            try await Task.sleep(for: .milliseconds(latency))
        }
        let state = api.state
        let isStopping: @Sendable () -> Bool = { state.withLock { $0.isStopping } }
        guard let fault else { return api.answer(recorded).response(isStopping: isStopping) }
        guard let reply = fault.reply(to: recorded, api: api) else { return try await hang(request) }
        return reply.response(isStopping: isStopping)
    }

    /// Holds the request, without holding a thread, until the server stops; throws
    /// (dropping the request) as soon as the client goes away.
    private func hang(_ request: Request) async throws -> Response {
        try await request.body.consumeWithCancellationOnInboundClose { _ in
            while !api.state.withLock({ $0.isStopping }) {
                try await Task.sleep(for: Self.hangPollInterval)
            }
        }
        return SandboxReply.message("The sandbox is stopping", status: 503).response(isStopping: { true })
    }

    private static func query(of request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where query[String(name)] == nil {
            query[String(name)] = String(value)
        }
        return query
    }

    private static func headers(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers where headers[field.name.canonicalName] == nil {
            headers[field.name.canonicalName] = field.value
        }
        return headers
    }
}

extension SandboxReply {
    /// The HTTP response; a streamed body checks `isStopping` to end when the server stops.
    func response(isStopping: @escaping @Sendable () -> Bool) -> Response {
        var fields = HTTPFields()
        if let contentType {
            fields[.contentType] = contentType
        }
        for header in headers {
            if let name = HTTPField.Name(header.name) {
                fields.append(HTTPField(name: name, value: header.value))
            }
        }
        let responseBody: ResponseBody
        switch body {
        case .bytes(let data):
            responseBody = ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        case .stream(let stream):
            responseBody = ResponseBody(contentLength: stream.contentLength) { writer in
                try await stream.write(to: &writer, isStopping: isStopping)
            }
        }
        return Response(
            status: HTTPResponse.Status(code: status, reasonPhrase: HTTPStatusText.reason(status) ?? ""),
            headers: fields,
            body: responseBody)
    }
}
