import BrowserCore
import TavusAPI

/// The local index as the browser uses it: searched as the user types, told what it covers,
/// synced in the background. The program's index implements it; tests give their own.
public protocol BrowserIndex: Sendable {
    /// The best conversations of `status` for the text, at most `limit`.
    func search(_ query: String, status: StatusFilter, limit: Int) async throws(IndexProblem) -> [IndexHit]
    func coverage() async throws(IndexProblem) -> IndexCoverage
    /// The index's copy of a page of the list, as the API would answer it; nil when it has none.
    func page(_ key: PageKey) async -> ConversationPage?
    /// A whole sync, its progress told as it goes; a one-line summary, or why it stopped.
    func sync(progress: @escaping @Sendable (SyncProgress) -> Void) async -> Result<String, IndexProblem>
}

/// Why the index could not answer, in words for the status line.
public struct IndexProblem: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
