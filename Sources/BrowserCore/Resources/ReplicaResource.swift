import TavusModels

/// Replicas (faces): `GET /v2/replicas`, filtered by `replica_type`; a pane reads the replica's
/// own record, which alone has its error message, once per run.
public enum ReplicaResource {
    static let descriptor = ResourceDescriptor(
        Replica.self, title: "replicas", singular: "replica", aliases: ["faces", "replica", "face"], filters: ["all", "user", "system"],
        columns: [.init("NAME", width: 0), .init("ID", width: 14, shownFrom: 50), .init("STATUS", width: 10, shownFrom: 40),
                  .init("TRAINING", width: 9, shownFrom: 80), .init("TYPE", width: 6, shownFrom: 70), .init("MODEL", width: 10, shownFrom: 100),
                  .init("CREATED (UTC)", width: 16, shownFrom: 120)],
        paneTitle: "Replica", urlName: "thumbnail video", paneFetchesRecord: true, conversationFilter: "replica", row: row)

    public static func row(_ replica: Replica) -> ResourceRow {
        let status = ResourceCell.state(replica.status, isFailure: replica.status.lowercased() == "error")
        return ResourceRow(
            id: replica.id, name: replica.name,
            cells: [.text(replica.name), .text(replica.id), status, .text(replica.trainingProgress ?? ""),
                    .text(replica.replicaType), .text(replica.modelName ?? ""), .time(replica.createdAt)],
            pane: PaneItem.identity(replica.name, id: replica.id) + [
                .field("Status", status),
                .field("Training", .text(replica.trainingProgress ?? "")),
                .field("Error", .state(replica.errorMessage ?? "", isFailure: true)),
                .field("Type", .text(replica.replicaType)),
                .field("Model", .text(replica.modelName ?? "")),
                .field("Video", .link(replica.thumbnailVideoURL)),
            ] + PaneItem.times(created: replica.createdAt, updated: replica.updatedAt),
            url: replica.thumbnailVideoURL)
    }
}

extension ResourceKind {
    public static let replicas = ReplicaResource.descriptor.kind
}
