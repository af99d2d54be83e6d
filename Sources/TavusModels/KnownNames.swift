/// The names of personas and replicas known so far, by id.
public struct KnownNames: Sendable, Hashable {
    public var personas: [String: String]
    public var replicas: [String: String]

    public init(personas: [String: String] = [:], replicas: [String: String] = [:]) {
        self.personas = personas
        self.replicas = replicas
    }

    public var isEmpty: Bool { personas.isEmpty && replicas.isEmpty }
}
