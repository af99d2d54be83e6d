import Foundation

/// Where and how the client talks to the API.
public struct ClientConfiguration: Sendable {
    public static let defaultBaseURL = URL(string: "https://tavusapi.com")!
    public static let version = "0.1.0"

    public var baseURL: URL
    public var apiKey: String
    /// The longest one load (a page, a record) may take, retries and a slow body included.
    public var timeout: TimeInterval
    public var retry: RetryPolicy
    public var userAgent: String
    /// The proxies from `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`.
    public var proxy: ProxySettings
    /// A certificate (PEM) trusted beside the system's trust store: a local https test
    /// server's. Nil, as the program always has it, trusts the system's store only.
    public var extraTrustedCertificatePEM: String?
    /// Where the key was given (`TAVUS_API_KEY`, `profile prod`): a 401's message names it.
    public var keyOrigin: String?

    public init(
        baseURL: URL = ClientConfiguration.defaultBaseURL,
        apiKey: String,
        timeout: TimeInterval = 15,
        retry: RetryPolicy = .standard,
        userAgent: String = "tavus-browse/\(ClientConfiguration.version)",
        proxy: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment),
        extraTrustedCertificatePEM: String? = nil
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeout = timeout
        self.retry = retry
        self.userAgent = userAgent
        self.proxy = proxy
        self.extraTrustedCertificatePEM = extraTrustedCertificatePEM
    }
}
