import TavusModels

/// The resources listed beside conversations. Each is described once, in the registry.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable {
    case personas
    case replicas

    public var descriptor: ResourceDescriptor { ResourceRegistry.descriptor(for: self) }
}

/// What identifies a cached page of a resource: its kind, filter, page number and size.
public struct ResourceKey: Sendable, Hashable, CustomStringConvertible {
    public var kind: ResourceKind
    public var filter: String
    public var number: Int
    public var limit: Int

    public init(kind: ResourceKind, filter: String, number: Int, limit: Int) {
        self.kind = kind
        self.filter = filter
        self.number = number
        self.limit = limit
    }

    public var description: String { "\(kind.rawValue) \(filter) page \(number) (limit \(limit))" }
}

/// A page of any resource, its items already made into rows.
public typealias ResourcePage = ListPage<ResourceRow, String>
