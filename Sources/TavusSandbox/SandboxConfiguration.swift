/// What a sandbox serves and how: the key it accepts, the synthetic data set and its pace.
public struct SandboxConfiguration: Sendable {
    public static let defaultAPIKey = "tavus-sandbox-key"

    /// The only `x-api-key` value accepted; any other gets 401.
    public var apiKey: String
    /// How many synthetic conversations to serve.
    public var count: Int
    /// Seeds the synthetic data: one seed always gives the same conversations and events.
    public var seed: UInt64
    /// The port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    /// A delay added before every answer.
    public var latencyMilliseconds: Int
    /// How many of the newest ended conversations ended in the minutes before the server
    /// started, with records still being processed: their transcript, perception analysis and
    /// recording appear `completionDelay` seconds after the record is first asked for.
    public var recentlyEnded: Int
    public var completionDelay: Double
    /// Serve https with `SandboxCertificate` instead of plain http.
    public var tls: Bool
    /// What is kept of the requests received.
    public var requestLog: RequestLog
    /// The lists (`personas`, `pals`, `replicas`, `faces`) whose pages count from 0, as some
    /// endpoints of the real API do; the others count from 1.
    public var zeroBasedLists: Set<String>

    /// The requests a sandbox keeps: all of them with their keys (for tests, which check where
    /// a key went), or, for a sandbox that runs for long (`--demo`), the last few without keys.
    public enum RequestLog: Sendable, Hashable {
        case everything
        case lastWithoutKeys(Int)
    }

    public init(
        apiKey: String = defaultAPIKey, count: Int = 300, seed: UInt64 = 42,
        port: Int = 0, latencyMilliseconds: Int = 0, recentlyEnded: Int = 0, completionDelay: Double = 12,
        tls: Bool = false, requestLog: RequestLog = .everything, zeroBasedLists: Set<String> = []
    ) {
        self.apiKey = apiKey
        self.count = count
        self.seed = seed
        self.port = port
        self.latencyMilliseconds = latencyMilliseconds
        self.recentlyEnded = recentlyEnded
        self.completionDelay = completionDelay
        self.tls = tls
        self.requestLog = requestLog
        self.zeroBasedLists = zeroBasedLists
    }
}
