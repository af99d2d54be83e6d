import TavusModels

/// What `update` asks the outside world to do. The runner carries effects out and
/// reports back with events.
public enum Effect: Sendable, Hashable {
    /// Show this page: from the cache when it has it, else fetched. Answers with the same id.
    case loadPage(PageKey, requestID: Int)
    /// Fetch this page anew, even if cached (reload, watch, revalidation).
    case reloadPage(PageKey, requestID: Int)
    /// Load this page in the background so that it is cached when asked for.
    case prefetch(PageKey)
    /// Stop waiting for this page.
    case cancelLoad(PageKey)
    /// Forget every cached page.
    case invalidateCache
    /// The verbose record of a conversation for the pane; `fresh` asks the API even when the
    /// record is cached (a reload, or after the call was ended).
    case loadDetail(id: String, fresh: Bool = false)
    /// A page of a resource's list: from its cache when it has it (unless `reload`), else fetched.
    case loadResourcePage(ResourceKey, requestID: Int, reload: Bool)
    case prefetchResource(ResourceKey)
    case cancelResourceLoad(ResourceKey)
    /// One record of a resource, for a screen opened from a link.
    case loadRecord(ResourceKind, id: String)
    /// The names of these items, by kind, for those not asked yet (a pane's documents and
    /// tools); answered with `namesFound`.
    case lookUpNames([ResourceKind: [String]])
    /// Open another profile of the config file: another account, with its own cache. Answered
    /// with `profileSwitched` or `profileFailed`.
    case switchProfile(String)
    /// From now on, talk to the account of this profile, opened by `switchProfile`.
    case useAccount(String)
    /// Search the local index for this text among conversations of this status; answered
    /// with `indexResults` (a newer search replaces one under way).
    case searchIndex(String, status: StatusFilter)
    /// Sync the index with the account in the background; answered with `syncProgress` and
    /// `syncFinished`.
    case startSync
    /// The index's copy of this page, answered with `indexPageLoaded`: drawn at launch before
    /// the API answers, and when the API cannot be reached.
    case loadIndexPage(PageKey)
    /// Esc during a sync: it stops between two writes, and the next sync completes the index.
    case cancelSync
    case openURL(String)
    case copyToClipboard(String)
    case endConversation(id: String)
    case quit
}
