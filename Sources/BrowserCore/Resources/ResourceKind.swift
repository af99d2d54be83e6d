import TavusModels

/// A kind of resource listed beside conversations, by its view's name. Each is described
/// once, by its entry in the registry.
public struct ResourceKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Every registered kind, in the registry's order.
    public static var allCases: [ResourceKind] { ResourceRegistry.descriptors.map(\.kind) }

    public var descriptor: ResourceDescriptor { ResourceRegistry.descriptor(for: self) }

    public var description: String { rawValue }
}

/// What identifies a cached page of a resource: its kind, filter, page number and size.
public struct ResourceKey: Sendable, Hashable, CustomStringConvertible {
    public var kind: ResourceKind
    public var filter: String
    public var number: Int
    public var limit: Int
    /// The items with this tag only, for a kind whose list takes one.
    public var tag: String?

    public init(kind: ResourceKind, filter: String, number: Int, limit: Int, tag: String? = nil) {
        self.kind = kind
        self.filter = filter
        self.number = number
        self.limit = limit
        self.tag = tag
    }

    /// The same list's page `number`.
    public func page(_ number: Int) -> ResourceKey {
        ResourceKey(kind: kind, filter: filter, number: number, limit: limit, tag: tag)
    }

    public var description: String { "\(kind.rawValue) \(filter)\(tag.map { " tagged \($0)" } ?? "") page \(number) (limit \(limit))" }
}

/// A page of any resource, its items already made into rows.
public typealias ResourcePage = ListPage<ResourceRow, String>
