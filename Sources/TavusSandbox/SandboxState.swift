import Foundation

import TavusAPI

/// Everything a running sandbox changes: its data, the faults waiting, what it received.
struct SandboxState: Sendable {
    /// Newest first, as the list endpoint answers.
    var conversations: [Conversation]
    /// Conversations ended through the end endpoint, whose shutdown reason says so.
    var endedByRequest: Set<String> = []
    var faults: [FaultRule] = []
    var requests: [RecordedRequest] = []
    var latencyMilliseconds: Int
    /// Set by `stop()`, which releases hanging requests.
    var isStopping = false
    /// Conversations whose records complete a while after they are first asked for.
    var completingLate: Set<String> = []
    /// When each of those was first asked for.
    var firstLooks: [String: Date] = [:]
    var completionDelay: Double = 12
    var requestLog: SandboxConfiguration.RequestLog = .everything

    /// Keeps a request as the log says: all of it, or among the last few without its key.
    mutating func record(_ request: RecordedRequest) {
        switch requestLog {
        case .everything:
            requests.append(request)
        case .lastWithoutKeys(let limit):
            requests.append(request.withoutKey)
            if requests.count > max(1, limit) { requests.removeFirst(requests.count - max(1, limit)) }
        }
    }
}
