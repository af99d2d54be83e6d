import Foundation

/// Builds the synthetic replicas from a seed, the same whatever the number of conversations:
/// most trained, one still training and one whose training failed, as an account shows them.
enum ReplicaGenerator {
    static let trainingFailure = "Training failed: the video had no clear face"

    private static let profiles: [(name: String, type: SandboxOwner, status: SandboxReplicaStatus)] = [
        ("Rhea – studio take", .user, .completed),
        ("Theo in the office", .user, .completed),
        ("Maya v2", .user, .completed),
        ("Jun", .user, .completed),
        ("Amélie – bureau", .user, .completed),
        ("佐藤 – 会議室", .user, .completed),
        ("Omar (green screen)", .user, .completed),
        ("Lena", .user, .completed),
        ("Nia outdoors", .user, .completed),
        ("Test recording 3", .user, .started),
        ("Kitchen take", .user, .error),
        ("Anna - Professional", .system, .completed),
        ("Charlie - Casual", .system, .completed),
        ("Gloria", .system, .completed),
        ("Raj", .system, .completed),
    ]

    /// The replicas, newest first.
    static func replicas(seed: UInt64) -> [SandboxReplica] {
        var random = SplitMix64(seed: seed, salt: "replicas")
        var ids = Set<String>()
        let replicas = profiles.map { profile in
            var id: String
            repeat { id = "r" + random.hex(11) } while !ids.insert(id).inserted
            return replica(id: id, profile.name, profile.type, profile.status, using: &random)
        }
        return replicas.sorted { $0.createdAt > $1.createdAt }
    }

    /// Trained replicas date from well before the oldest conversation; the one in training
    /// was uploaded hours ago, the failed one a few weeks ago.
    private static func replica(
        id: String, _ name: String, _ type: SandboxOwner, _ status: SandboxReplicaStatus, using random: inout SplitMix64
    ) -> SandboxReplica {
        let reference = ConversationGenerator.referenceDate
        let created: Date
        let updated: Date
        let progress: Int
        switch status {
        case .completed:
            created = reference.addingTimeInterval(-Double.random(in: 200...420, using: &random) * 86_400)
            updated = created.addingTimeInterval(Double.random(in: 30...90, using: &random) * 60)
            progress = 100
        case .started:
            created = reference.addingTimeInterval(-Double.random(in: 1...3, using: &random) * 3_600)
            updated = reference.addingTimeInterval(-Double.random(in: 1...10, using: &random) * 60)
            progress = Int.random(in: 10...90, using: &random)
        case .error:
            created = reference.addingTimeInterval(-Double.random(in: 10...30, using: &random) * 86_400)
            updated = created.addingTimeInterval(Double.random(in: 10...40, using: &random) * 60)
            progress = Int.random(in: 5...60, using: &random)
        }
        return SandboxReplica(
            id: id, name: name, status: status, type: type, trainingProgress: "\(progress)/100",
            errorMessage: status == .error ? trainingFailure : nil, createdAt: created, updatedAt: updated)
    }
}
