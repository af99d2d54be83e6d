import Foundation

/// What answers the API's reads in place of the network: the local index, for `--offline`.
/// A client with one sends nothing at all; what it cannot answer fails as `TavusError.offline`.
public protocol OfflineSource: Sendable {
    /// The body the API would answer `GET path?query` with, from what was kept of its earlier
    /// answers; nil when none was kept.
    func body(path: String, query: [String: String]) async -> Data?
}
