import TavusModels

/// A request for the page a list wants, still under way: the conversations' or a resource's,
/// by their own kind of key.
public struct PageLoading<Key: Sendable & Hashable>: Sendable, Hashable {
    public var key: Key
    public var requestID: Int
    /// The retry it is waiting out, if any.
    public var retry: RetryNotice?
}
