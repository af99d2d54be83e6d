import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TavusAPI
import TavusSandbox
import Testing

/// Runs `body` against a fresh sandbox on an ephemeral port, stopped afterwards.
@discardableResult
func withSandbox<Result>(
    _ configuration: SandboxConfiguration = SandboxConfiguration(),
    _ body: (SandboxServer) async throws -> Result
) async throws -> Result {
    try await SandboxServer.withServer(configuration, body)
}

extension SandboxServer {
    /// A client for this sandbox. No retries by default, so failures show at once.
    func client(apiKey: String? = nil, timeout: TimeInterval = 10, retry: RetryPolicy = .none) -> TavusClient {
        TavusClient(configuration: ClientConfiguration(
            baseURL: baseURL, apiKey: apiKey ?? self.apiKey, timeout: timeout, retry: retry, proxy: .none,
            extraTrustedCertificatePEM: isTLS ? SandboxCertificate.certificatePEM : nil))
    }

    var listRequestCount: Int {
        requestCount { $0.path == "/v2/conversations" }
    }

    /// A request sent with URLSession directly, bypassing the client's own checks.
    func raw(
        _ pathAndQuery: String, method: String = "GET", apiKey: String? = nil
    ) async throws -> (status: Int, body: Data, response: HTTPURLResponse) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + pathAndQuery)!, timeoutInterval: 10)
        request.httpMethod = method
        request.setValue(apiKey ?? self.apiKey, forHTTPHeaderField: "x-api-key")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, data, http)
    }
}

/// The error `body` throws, or nil when it succeeds; any error that is not a `TavusError`
/// is recorded as an issue.
func tavusError(_ body: () async throws -> Void) async -> TavusError? {
    do {
        try await body()
        return nil
    } catch let error as TavusError {
        return error
    } catch {
        Issue.record("not a TavusError: \(error)")
        return nil
    }
}

/// Waits until `condition` holds, polling; false if it still does not after `timeout`.
/// Used instead of fixed sleeps so a loaded machine only makes a test slower, not red.
func eventually(timeout: Duration = .seconds(15), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}

/// Values handed to a `@Sendable` callback, such as the client's `onRetry`.
final class Collected<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []

    func append(_ value: Value) {
        lock.withLock { items.append(value) }
    }

    var values: [Value] {
        lock.withLock { items }
    }
}

/// The parsed JSON of a body, as the untyped value tests look into.
func json(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
}
