import Foundation

/// How idempotent GETs are retried: transport failures, 429, 500, 502, 503 and 504 only,
/// with capped exponential backoff and full jitter, honouring `Retry-After` up to a cap.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(maxAttempts: Int, baseDelay: TimeInterval, maxDelay: TimeInterval) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static let standard = RetryPolicy(maxAttempts: 4, baseDelay: 0.3, maxDelay: 8)
    public static let none = RetryPolicy(maxAttempts: 1, baseDelay: 0, maxDelay: 0)

    /// The wait before attempt `attempt + 1` after `error` on attempt `attempt` (1-based).
    public func delay(after error: TavusError, attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        if case .http(_, _, let retryAfter?) = error, retryAfter.isFinite {
            return min(max(retryAfter, 0), maxDelay)
        }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(min(max(attempt, 1), 60) - 1)))
        return exponential * min(max(random, 0), 1)
    }
}
