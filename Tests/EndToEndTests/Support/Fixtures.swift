import Foundation
import TavusAPI
import TavusSandbox

/// Runs `body` against a fresh sandbox on an ephemeral 127.0.0.1 port, stopped afterwards.
@discardableResult
func withSandbox<Result>(
    count: Int = 300, seed: UInt64 = 42,
    _ body: (SandboxServer) async throws -> Result
) async throws -> Result {
    try await SandboxServer.withServer(SandboxConfiguration(count: count, seed: seed), body)
}

/// Runs `body` against a fresh sandbox made as `configuration` says.
@discardableResult
func withSandbox<Result>(
    _ configuration: SandboxConfiguration, _ body: (SandboxServer) async throws -> Result
) async throws -> Result {
    try await SandboxServer.withServer(configuration, body)
}

/// Runs the built `tavus-browse` with `arguments` in its own tmux server at a fixed size, and
/// kills that server afterwards, whether `body` succeeds or throws.
@discardableResult
func withBrowser<Result>(
    _ arguments: [String], environment: [String: String] = [:], columns: Int = 100, rows: Int = 30,
    _ body: (TmuxSession) async throws -> Result
) async throws -> Result {
    let binary = try Programs.browseBinary()
    let session = try await TmuxSession.start(binary, arguments, environment: environment, columns: columns, rows: rows)
    do {
        let result = try await body(session)
        await session.kill()
        return result
    } catch {
        await session.kill()
        throw error
    }
}

/// The browser pointed at a sandbox, with the sandbox's key (or `key`) in `TAVUS_API_KEY`.
@discardableResult
func withBrowser<Result>(
    against sandbox: SandboxServer, _ arguments: [String] = [], key: String? = nil,
    environment: [String: String] = [:], columns: Int = 100, rows: Int = 30,
    _ body: (TmuxSession) async throws -> Result
) async throws -> Result {
    var environment = environment
    environment["TAVUS_API_KEY"] = key ?? sandbox.apiKey
    return try await withBrowser(["--base-url", sandbox.baseURL.absoluteString] + arguments,
                                 environment: environment, columns: columns, rows: rows, body)
}

/// Runs the built `tavus-browse` outside tmux, standard input on /dev/null, with the clean
/// environment plus `environment`.
func runBrowse(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessResult {
    var merged = Programs.cleanEnvironment()
    merged.merge(environment) { $1 }
    return try await ProcessRunner.run(try Programs.browseBinary(), arguments, environment: merged)
}

extension SandboxServer {
    /// List requests received for one page, filter and page size.
    func listRequests(page: Int, limit: Int, status: StatusFilter) -> Int {
        requestCount { request in
            request.method == "GET" && request.path == "/v2/conversations"
                && (request.query["page"] ?? "1") == String(page)
                && request.query["limit"] == String(limit)
                && request.query["status"] == status.queryValue
        }
    }

    /// Every request received, with its time since the first, for failure messages.
    var requestLog: String {
        let received = requests
        guard let start = received.first?.time else { return "no requests" }
        return received.map { request in
            let query = request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            return String(format: "+%.3fs ", request.time.timeIntervalSince(start)) + "\(request.method) \(request.path)?\(query)"
        }.joined(separator: "\n")
    }

    func conversations(with status: ConversationStatus) -> [Conversation] {
        conversations.filter { $0.status == status }
    }

    /// The number of pages the browser should show: ceil(count / limit), at least 1.
    static func pageCount(_ count: Int, limit: Int) -> Int {
        max(1, (count + limit - 1) / limit)
    }
}

extension TmuxSession {
    /// Proof that the program has carried out every key sent so far, for the tests of "nothing
    /// happened": `r` reloads the page on screen, and once that request has reached the sandbox,
    /// whatever the earlier keys asked for has been sent too.
    func reloadAsProof(_ sandbox: SandboxServer, page: Int = 1, limit: Int = 20, status: StatusFilter) async throws {
        let before = sandbox.listRequests(page: page, limit: limit, status: status)
        try await press("r")
        try await waitUntil("the reload's request, the proof that every earlier key was handled", detail: { sandbox.requestLog }) {
            sandbox.listRequests(page: page, limit: limit, status: status) > before
        }
    }
}
