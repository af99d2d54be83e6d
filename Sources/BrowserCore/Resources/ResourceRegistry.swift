import TavusModels

/// The resources the browser lists beside conversations, in the spirit of a k9s registry:
/// one entry per kind, each made in its kind's file (its model, columns, pane and actions).
public enum ResourceRegistry {
    /// Every kind, in the order help and completion list them.
    public static let descriptors: [ResourceDescriptor] = [
        PersonaResource.descriptor,
        ReplicaResource.descriptor,
        DocumentResource.descriptor,
        GuardrailResource.descriptor,
        ObjectivesResource.descriptor,
        ToolResource.descriptor,
    ]

    /// The models of the kinds the index keeps whole, beside the personas and replicas it keeps
    /// for the conversations' names: what `sync` lists and `--offline` answers.
    public static let indexedKinds: [any ListedResource.Type] = descriptors.map(\.lister.itemType)
        .filter { $0.collection != Persona.collection && $0.collection != Replica.collection }

    private static let byKind = Dictionary(uniqueKeysWithValues: descriptors.map { ($0.kind, $0) })

    /// A kind's entry. Kinds come from the entries alone, so every kind has one.
    public static func descriptor(for kind: ResourceKind) -> ResourceDescriptor {
        guard let descriptor = byKind[kind] else { preconditionFailure("\(kind) has no entry in the registry") }
        return descriptor
    }

    /// The kind a `:` command names (`personas`, `pals`, …), if any.
    public static func kind(named name: String) -> ResourceKind? {
        let name = name.lowercased()
        return descriptors.first { $0.title == name || $0.aliases.contains(name) }?.kind
    }
}
