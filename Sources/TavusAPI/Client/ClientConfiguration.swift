import Foundation

/// Where and how the client talks to the API.
public struct ClientConfiguration: Sendable {
    public static let defaultBaseURL = URL(string: "https://tavusapi.com")!
    public static let version = "0.1.0"

    public var baseURL: URL
    public var apiKey: String
    /// Seconds a request may wait for an answer before it fails with a timeout.
    public var timeout: TimeInterval
    public var retry: RetryPolicy
    public var userAgent: String

    public init(
        baseURL: URL = ClientConfiguration.defaultBaseURL,
        apiKey: String,
        timeout: TimeInterval = 15,
        retry: RetryPolicy = .standard,
        userAgent: String = "tavus-browse/\(ClientConfiguration.version)"
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeout = timeout
        self.retry = retry
        self.userAgent = userAgent
    }
}
