import Foundation

/// A kind of the account listed at `GET /v2/COLLECTION`: the data half of its registry entry,
/// declared beside its model (where it is listed, how its list is filtered, where its pages
/// start). The screens' half is its `ResourceDescriptor`.
public protocol ListedResource: Decodable, Sendable, Hashable {
    /// `documents`: its list is `GET /v2/documents`, one of them `GET /v2/documents/{id}`.
    static var collection: String { get }
    /// The query parameter the view's filter goes in (`status`); nil when the list has none.
    static var filterParameter: String? { get }
    /// The query parameter that narrows a list to the items with a tag (`tags`); nil when the
    /// list cannot be asked so.
    static var tagParameter: String? { get }
    /// What every page is asked with besides (`legacy=false`).
    static var fixedQuery: [String: String] { get }
    /// The number the API gives the first page; nil when it is uncertain, and so found out per
    /// account on first use (`PageBases`).
    static var firstPage: Int? { get }
    /// What one record is asked with (`verbose=true`).
    static var recordQuery: [String: String] { get }

    /// An item as a page asked with `filter` lists it: what the filter says of it, where the
    /// list's items do not say it themselves.
    static func listed(_ item: Self, filter: String) -> Self

    /// Whether a page asked with `filter` would list the item, for the index to answer such a
    /// page offline; nil when the item does not tell.
    static func matches(_ item: Self, filter: String) -> Bool?
    /// The tags the tag parameter matches.
    static func tags(of item: Self) -> [String]
    /// What the index keeps of one object of a list as it came: the whole, unless it holds a
    /// customer's secrets, which it must not keep.
    static func kept(_ object: Data) -> Data

    var id: String { get }
    var name: String { get }
}

extension ListedResource {
    public static var filterParameter: String? { nil }
    public static var tagParameter: String? { nil }
    public static var fixedQuery: [String: String] { [:] }
    public static var firstPage: Int? { 1 }
    public static var recordQuery: [String: String] { [:] }
    public static func listed(_ item: Self, filter: String) -> Self { item }
    public static func matches(_ item: Self, filter: String) -> Bool? { filter == "all" ? true : nil }
    public static func tags(of item: Self) -> [String] { [] }
    public static func kept(_ object: Data) -> Data { object }
}

extension Persona: ListedResource {
    public static let collection = "personas"
    public static let filterParameter: String? = "persona_type"
    public static let firstPage: Int? = nil

    /// The list's items do not say their type (see `listed`); a record does.
    public static func matches(_ item: Persona, filter: String) -> Bool? {
        filter == "all" ? true : item.personaType.isEmpty ? nil : item.personaType == filter
    }

    /// The list's items carry no `persona_type`: a persona's type is the filter its page was
    /// asked with, none under `all`.
    public static func listed(_ item: Persona, filter: String) -> Persona {
        var persona = item
        persona.personaType = filter == "all" ? "" : filter
        return persona
    }
}

extension Replica: ListedResource {
    public static let collection = "replicas"
    public static let filterParameter: String? = "replica_type"
    /// Only the verbose list and record carry `replica_type` and `model_name`.
    public static let fixedQuery = ["verbose": "true"]
    public static let recordQuery = ["verbose": "true"]

    public static func matches(_ item: Replica, filter: String) -> Bool? {
        filter == "all" ? true : item.replicaType.isEmpty ? nil : item.replicaType == filter
    }
}
