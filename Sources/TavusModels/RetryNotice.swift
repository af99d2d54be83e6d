import Foundation

/// Told to whoever waits on a request when it is about to be tried again.
public struct RetryNotice: Sendable, Hashable {
    /// The attempt about to start (2 for the first retry).
    public var attempt: Int
    public var maxAttempts: Int
    public var delay: TimeInterval
    public var error: TavusError

    public init(attempt: Int, maxAttempts: Int, delay: TimeInterval, error: TavusError) {
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.delay = delay
        self.error = error
    }
}
