/// The names of the account's items known so far, by kind (its collection: `personas`,
/// `documents`) and id.
public struct KnownNames: Sendable, Hashable {
    private var byCollection: [String: [String: String]] = [:]

    public init(personas: [String: String] = [:], replicas: [String: String] = [:]) {
        self.personas = personas
        self.replicas = replicas
    }

    public subscript(collection: String) -> [String: String] {
        get { byCollection[collection] ?? [:] }
        set { byCollection[collection] = newValue.isEmpty ? nil : newValue }
    }

    public var personas: [String: String] {
        get { self["personas"] }
        set { self["personas"] = newValue }
    }

    public var replicas: [String: String] {
        get { self["replicas"] }
        set { self["replicas"] = newValue }
    }

    /// These names and `other`'s, `other`'s winning.
    public mutating func merge(_ other: KnownNames) {
        for (collection, names) in other.byCollection { self[collection] = self[collection].merging(names) { $1 } }
    }

    public var isEmpty: Bool { byCollection.isEmpty }
}
