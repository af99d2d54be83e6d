import Foundation
import TavusModels

/// Everything that can happen to the browser: keys from the user, answers from the fetcher.
public enum BrowserEvent: Sendable, Hashable {
    case key(Key)
    case resize(TerminalSize)
    /// A page arrived for the request `requestID`; `fromCache` when no request was made.
    case pageLoaded(PageKey, ConversationPage, fromCache: Bool, requestID: Int)
    case pageFailed(PageKey, TavusError, requestID: Int)
    /// A cached page older than the freshness window is being fetched again behind the screen.
    case revalidating(PageKey)
    /// A request for a page is about to be tried again.
    case retrying(PageKey, RetryNotice, requestID: Int)
    case detailLoaded(id: String, ConversationDetail)
    /// The record just loaded for the pane is not final: it will be read again.
    case detailIncomplete(id: String)
    /// The pane's record was not final when it came, and a while has passed: time to read it again.
    case detailRefreshDue(id: String)
    case resourcePageLoaded(ResourceKey, ResourcePage, fromCache: Bool, requestID: Int)
    case resourcePageFailed(ResourceKey, TavusError, requestID: Int)
    case resourceRetrying(ResourceKey, RetryNotice, requestID: Int)
    case recordLoaded(ResourceKind, id: String, ResourceRow)
    case recordFailed(ResourceKind, id: String, TavusError)
    /// Another profile is in use: the browser starts over on its account, with its options.
    case profileSwitched(name: String, options: BrowserState.Options, filter: StatusFilter)
    case profileFailed(String)
    case detailFailed(id: String, TavusError)
    case conversationEnded(id: String)
    case endFailed(id: String, TavusError)
    /// The result of trying to open a URL: nil when it was handed to a browser.
    case urlOpenResult(url: String, failure: String?)
    /// Persona and replica names were looked up for the ids of a page; `failure` when some
    /// lookup failed (those rows keep showing ids).
    case namesFound(KnownNames, failure: TavusError?)
    case indexResults(IndexResults)
    /// The index's copy of a page (see `Effect.loadIndexPage`); nil when it has none.
    case indexPageLoaded(PageKey, ConversationPage?)
    /// The index could not answer or store; the run goes on without it.
    case indexFailed(String)
    /// What the index covers, told at `now`.
    case indexCoverage(IndexCoverage, now: Date)
    case syncProgress(SyncProgress)
    /// The account on screen has a sync under way (it was started before a profile switch):
    /// shown again, and `S` does not start a second.
    case syncUnderWay(SyncProgress)
    /// The background sync ended: its summary, or why it stopped.
    case syncFinished(summary: String, failed: Bool)
    /// The watch interval came round.
    case watchTick
}
