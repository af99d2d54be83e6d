import Foundation

/// Replicas as the sandbox writes them: under the documented names at `/v2/replicas`, or
/// with `face_id`, `face_name` and training as `processing` at `/v2/faces`. The get endpoint
/// adds `updated_at` and `error_message`; only `verbose=true` adds `replica_type` and
/// `model_name`, as the real API does.
enum ReplicaWire {
    static func list(_ items: [SandboxReplica], newNames: Bool, verbose: Bool, totalCountJSON: String) -> Data {
        SandboxJSON.list(items.map { WireReplica(replica: $0, newNames: newNames, isDetail: false, verbose: verbose) }, totalCountJSON: totalCountJSON)
    }

    static func detail(_ replica: SandboxReplica, newNames: Bool, verbose: Bool) -> Data {
        SandboxJSON.encode(WireReplica(replica: replica, newNames: newNames, isDetail: true, verbose: verbose))
    }
}

/// One replica on the wire; `error_message` is written as null when there is none.
private struct WireReplica: Encodable {
    let replica: SandboxReplica
    let newNames: Bool
    let isDetail: Bool
    let verbose: Bool

    enum CodingKeys: String, CodingKey {
        case replicaID = "replica_id"
        case faceID = "face_id"
        case replicaName = "replica_name"
        case faceName = "face_name"
        case status
        case trainingProgress = "training_progress"
        case thumbnailVideoURL = "thumbnail_video_url"
        case replicaType = "replica_type"
        case modelName = "model_name"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case errorMessage = "error_message"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(replica.id, forKey: newNames ? .faceID : .replicaID)
        try c.encode(replica.name, forKey: newNames ? .faceName : .replicaName)
        try c.encode(newNames ? replica.status.faceValue : replica.status.rawValue, forKey: .status)
        try c.encode(replica.trainingProgress, forKey: .trainingProgress)
        try c.encode("https://cdn.replica.tavus.io/\(replica.id)/thumbnail.mp4", forKey: .thumbnailVideoURL)
        if verbose {
            try c.encode(replica.type.rawValue, forKey: .replicaType)
            try c.encode(replica.trainingProgress.hasPrefix("100") ? "phoenix-4" : "phoenix-3", forKey: .modelName)
        }
        try c.encode(ConversationGenerator.iso8601(replica.createdAt), forKey: .createdAt)
        if isDetail {
            try c.encode(ConversationGenerator.iso8601(replica.updatedAt), forKey: .updatedAt)
            try c.encode(replica.errorMessage, forKey: .errorMessage)
        }
    }
}
