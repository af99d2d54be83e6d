import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOSSL

/// One HTTP exchange at a time over a pooled connection, waiting in the kernel (SwiftNIO), with
/// a deadline that covers the whole answer, a cap on its size after decompression, and no
/// redirect followed on its own (the client decides, see `RedirectDecision`).
struct HTTPTransport: Sendable {
    /// The largest answer read, after decompression.
    static let maxBodyBytes = 32 * 1024 * 1024
    /// The most a compressed answer may grow by when inflated.
    static let maxDecompressionRatio = 100

    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    private let client: HTTPClient

    init(proxy: ProxySettings.Server?, extraTrustedCertificatePEM: String? = nil) {
        client = Self.shared(Setup(proxy: proxy, extraTrustedCertificatePEM: extraTrustedCertificatePEM))
    }

    /// What sets one shared client apart from another.
    struct Setup: Hashable {
        var proxy: ProxySettings.Server?
        var extraTrustedCertificatePEM: String?
    }

    /// Sends one request and reads the whole answer before `deadline`.
    func exchange(method: HTTPMethod, url: URL, headers: [(String, String)], deadline: NIODeadline) async throws -> Answer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, deadline: deadline)
        let body = try await Self.collect(response.body, deadline: deadline, on: client.eventLoopGroup.next())
        return Answer(status: Int(response.status.code), headers: response.headers, body: Data(body.readableBytesView))
    }

    /// The body, or `DeadlinePassed` when it is still coming at the deadline (a dripping or
    /// endless answer); the read is cancelled then, which closes its connection. The deadline
    /// is a timer of the event loop's, taken off its heap when the body is in: a sleeping task
    /// would leave a timer behind for every request, firing long after it.
    private static func collect(_ body: HTTPClientResponse.Body, deadline: NIODeadline, on loop: any EventLoop) async throws -> ByteBuffer {
        let passed = NIOLockedValueBox(false)
        let reading = Task { try await body.collect(upTo: maxBodyBytes) }
        let timer = loop.scheduleTask(deadline: deadline) {
            passed.withLockedValue { $0 = true }
            reading.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler { try await reading.value } onCancel: { reading.cancel() }
        } catch where passed.withLockedValue({ $0 }) {
            throw DeadlinePassed()
        }
    }

    struct DeadlinePassed: Error {}

    /// One client for each proxy setting (and trusted test certificate), for the life of the
    /// process: connections are pooled across pages and never torn down mid-run.
    private static func shared(_ setup: Setup) -> HTTPClient {
        clients.withLockedValue { clients in
            if let existing = clients[setup] { return existing }
            let proxy = setup.proxy
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(30)),
                decompression: .enabled(limit: .ratio(maxDecompressionRatio)))
            // Connection failures come back at once; the client's own retries and deadline decide.
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 8
            if let proxy {
                configuration.proxy = .server(
                    host: proxy.host, port: proxy.port,
                    authorization: proxy.credentials.map { credentials in
                        let (user, password) = credentials.split(separator: ":", maxSplits: 1).map(String.init).pairOrFirst
                        return .basic(username: user, password: password)
                    })
            }
            if let pem = setup.extraTrustedCertificatePEM, let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)) {
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.additionalTrustRoots = [.certificates(certificates)]
                configuration.tlsConfiguration = tls
            }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[setup] = client
            return client
        }
    }

    private static let clients = NIOLockedValueBox<[Setup: HTTPClient]>([:])
}

private extension Array where Element == String {
    /// `["user", "pass"]` as a pair; a lone `["user"]` with an empty password.
    var pairOrFirst: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}
