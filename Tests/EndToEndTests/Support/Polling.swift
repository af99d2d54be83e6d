import Foundation
import TavusAPI
import TavusSandbox

/// Polls `condition` (something other than the screen, e.g. what the sandbox received) until
/// it holds. On timeout it throws with `what` and `detail()`, so the failure shows the state.
func waitUntil(
    _ what: String, timeout: Duration = TmuxSession.defaultTimeout,
    detail: () -> String = { "" }, _ condition: () async throws -> Bool
) async throws {
    let start = ContinuousClock.now
    let deadline = start + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            let extra = detail()
            throw HarnessError("Timed out after \(timeout) waiting for \(what).\(extra.isEmpty ? "" : "\n" + extra)")
        }
        try await Task.sleep(for: TmuxSession.pollDelay(after: ContinuousClock.now - start))
    }
}

extension TmuxSession {
    /// Types `text` literally (`send-keys -l`): no word in it is taken for a key name.
    func type(_ text: String) async throws {
        try await command(["send-keys", "-t", Self.sessionName, "-l", text])
    }

    /// The bottom line: the prompt, a message or the key hints, and the load state.
    func footer() async throws -> String {
        try await capture().lines.last ?? ""
    }

    /// Lets programs in the pane set tmux's paste buffers with OSC 52. tmux 3.3's default,
    /// `external`, only forwards the sequence to the outer terminal (there is none here);
    /// `on` also makes a paste buffer of it. It is a server option (`-s`), and nothing else
    /// (no `allow-passthrough`, no `terminal-features`) is needed for it.
    func acceptClipboardWrites() async throws {
        try await command(["set-option", "-s", "set-clipboard", "on"])
    }

    /// How many paste buffers the server holds.
    func bufferCount() async throws -> Int {
        try await command(["list-buffers", "-F", "#{buffer_name}"])
            .split(whereSeparator: \.isNewline).count
    }

    /// The newest paste buffer, exactly as stored (no newline added).
    func newestBuffer() async throws -> String {
        try await command(["show-buffer"])
    }
}

extension SandboxServer {
    /// Requests with this method and exact path, any query.
    func requestCount(_ method: String, _ path: String) -> Int {
        requestCount { $0.method == method && $0.path == path }
    }

    /// The conversation as the sandbox now serves it.
    func conversation(id: String) -> Conversation? {
        conversations.first { $0.id == id }
    }

    /// A client of this sandbox, for looking at data the way the browser will see it.
    func client() -> TavusClient {
        TavusClient(configuration: ClientConfiguration(baseURL: baseURL, apiKey: apiKey, timeout: 10, retry: .none))
    }
}
