/// The resources the browser lists beside conversations, in the spirit of a k9s registry:
/// one entry per kind.
public enum ResourceRegistry {
    public static func descriptor(for kind: ResourceKind) -> ResourceDescriptor {
        switch kind {
        case .personas: PersonaResource.descriptor
        case .replicas: ReplicaResource.descriptor
        }
    }

    /// The kind a `:` command names (`personas`, `pals`, …), if any.
    public static func kind(named name: String) -> ResourceKind? {
        let name = name.lowercased()
        return ResourceKind.allCases.first { kind in
            let descriptor = kind.descriptor
            return descriptor.title == name || descriptor.aliases.contains(name)
        }
    }
}
