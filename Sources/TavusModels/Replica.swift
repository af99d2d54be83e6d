/// A replica (in newer material, a face): the video likeness a persona speaks through.
/// Decoded leniently and under either name (`replica_*`/`face_*`).
public struct Replica: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// `started`, `processing`, `completed`, `error`, or whatever the API says next.
    public var status: String
    /// Like `42/100`.
    public var trainingProgress: String?
    public var thumbnailVideoURL: String?
    public var replicaType: String
    /// `phoenix-4`: the model it was trained on.
    public var modelName: String?
    public var errorMessage: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String, name: String, status: String = "", trainingProgress: String? = nil, thumbnailVideoURL: String? = nil,
        replicaType: String = "", modelName: String? = nil, errorMessage: String? = nil,
        createdAt: Timestamp = Timestamp(raw: ""), updatedAt: Timestamp = Timestamp(raw: "")
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.trainingProgress = trainingProgress
        self.thumbnailVideoURL = thumbnailVideoURL
        self.replicaType = replicaType
        self.modelName = modelName
        self.errorMessage = errorMessage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension Replica: Decodable {
    enum CodingKeys: String, CodingKey {
        case replicaID = "replica_id", faceID = "face_id"
        case replicaName = "replica_name", faceName = "face_name"
        case status
        case trainingProgress = "training_progress"
        case thumbnailVideoURL = "thumbnail_video_url"
        case replicaType = "replica_type", faceType = "face_type"
        case errorMessage = "error_message"
        case modelName = "model_name"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: c.lenientString(.replicaID) ?? c.lenientString(.faceID) ?? "",
            name: c.lenientString(.replicaName) ?? c.lenientString(.faceName) ?? "",
            status: c.lenientString(.status) ?? "",
            trainingProgress: c.lenientString(.trainingProgress),
            thumbnailVideoURL: c.lenientString(.thumbnailVideoURL),
            replicaType: c.lenientString(.replicaType) ?? c.lenientString(.faceType) ?? "",
            modelName: c.lenientString(.modelName),
            errorMessage: c.lenientString(.errorMessage),
            createdAt: Timestamp(raw: c.lenientString(.createdAt) ?? ""),
            updatedAt: Timestamp(raw: c.lenientString(.updatedAt) ?? ""))
    }
}

/// A list answer of any resource: `{"data": [...], "total_count": N}`, each item decoded on
/// its own so that one malformed item is dropped, not the page.
package struct ListBody<Item: Decodable>: Decodable {
    package var data: [Item]
    package var totalCount: Int?

    enum CodingKeys: String, CodingKey {
        case data
        case totalCount = "total_count"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode([Lossy<Item>].self, forKey: .data).compactMap(\.value)
        totalCount = Count.read(c.lenientString(.totalCount))
    }
}

/// An item that decodes to nil instead of failing its list.
private struct Lossy<Item: Decodable>: Decodable {
    let value: Item?

    init(from decoder: any Decoder) throws {
        value = try? Item(from: decoder)
    }
}
