import Foundation

/// One replica as the sandbox serves it at `/v2/replicas` (and, under newer names, `/v2/faces`).
public struct SandboxReplica: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let status: SandboxReplicaStatus
    public let type: SandboxOwner
    /// `"100/100"` once trained.
    public let trainingProgress: String
    /// Why training failed; nil unless the status is `.error`.
    public let errorMessage: String?
    let createdAt: Date
    let updatedAt: Date
}

/// Where a replica's training stands.
public enum SandboxReplicaStatus: String, Sendable, Hashable {
    case started
    case completed
    case error

    /// The status as `/v2/faces` writes it, where training under way is `processing`.
    var faceValue: String {
        self == .started ? "processing" : rawValue
    }
}
