import Foundation
import BrowserCore
import TavusAPI
import TerminalUI

/// Carries out what `update` asks for. Called on the screen's thread; network work runs in
/// tasks whose results come back through the mailbox.
final class EffectRunner {
    private let fetcher: ConversationFetcher
    private let mailbox: Mailbox
    private let terminal: Terminal
    /// The last cache invalidation: loads started after it wait for it, so they never race it.
    private var barrier = Task<Void, Never> {}

    init(fetcher: ConversationFetcher, mailbox: Mailbox, terminal: Terminal) {
        self.fetcher = fetcher
        self.mailbox = mailbox
        self.terminal = terminal
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .loadPage(let key, let requestID): load(key, requestID: requestID, reload: false)
        case .reloadPage(let key, let requestID): load(key, requestID: requestID, reload: true)
        case .prefetch(let key): prefetch(key)
        case .cancelLoad(let key): cancel(key)
        case .invalidateCache: invalidate()
        case .loadDetail(let id): loadDetail(id)
        case .openURL(let url): mailbox.post(.urlOpenResult(url: url, failure: URLOpener.open(url)))
        case .copyToClipboard(let text): terminal.emit(Clipboard.osc52(text))
        case .endConversation(let id): end(id)
        case .quit: break
        }
    }

    /// A cached page is shown at once; when it is older than `staleAfter` it is fetched again
    /// behind it, and the fresh page replaces it when it comes.
    private func load(_ key: PageKey, requestID: Int, reload: Bool) {
        let fetcher = self.fetcher
        let mailbox = self.mailbox
        let barrier = self.barrier
        Task {
            await barrier.value
            await EffectRunner.show(key, requestID: requestID, reload: reload, fetcher: fetcher, mailbox: mailbox)
        }
    }

    private static func show(
        _ key: PageKey, requestID: Int, reload: Bool,
        fetcher: ConversationFetcher, mailbox: Mailbox
    ) async {
        let cached = reload ? nil : await fetcher.cached(key)
        guard let cached else {
            await fetch(key, requestID: requestID, reload: reload, fetcher: fetcher, mailbox: mailbox)
            return
        }
        mailbox.post(.pageLoaded(key, cached, fromCache: true, requestID: requestID))
        if fetcher.isStale(cached) {
            mailbox.post(.revalidating(key))
            await fetch(key, requestID: requestID, reload: true, fetcher: fetcher, mailbox: mailbox)
        }
    }

    private func prefetch(_ key: PageKey) {
        let fetcher = self.fetcher
        let barrier = self.barrier
        Task {
            await barrier.value
            await fetcher.prefetch(number: key.number, limit: key.limit, status: key.status)
        }
    }

    private func cancel(_ key: PageKey) {
        let fetcher = self.fetcher
        Task { await fetcher.cancel(number: key.number, limit: key.limit, status: key.status) }
    }

    private func invalidate() {
        let fetcher = self.fetcher
        barrier = Task { await fetcher.invalidate() }
    }

    private func loadDetail(_ id: String) {
        let fetcher = self.fetcher
        let mailbox = self.mailbox
        Task {
            do throws(TavusError) {
                mailbox.post(.detailLoaded(id: id, try await fetcher.detail(id: id)))
            } catch {
                mailbox.post(.detailFailed(id: id, error))
            }
        }
    }

    private func end(_ id: String) {
        let fetcher = self.fetcher
        let mailbox = self.mailbox
        Task {
            do throws(TavusError) {
                try await fetcher.client.endConversation(id: id)
                await fetcher.forgetDetail(id: id)
                mailbox.post(.conversationEnded(id: id))
            } catch {
                mailbox.post(.endFailed(id: id, error))
            }
        }
    }

    private static func fetch(_ key: PageKey, requestID: Int, reload: Bool, fetcher: ConversationFetcher, mailbox: Mailbox) async {
        let onRetry: @Sendable (RetryNotice) -> Void = { mailbox.post(.retrying(key, $0, requestID: requestID)) }
        do throws(TavusError) {
            let page = reload
                ? try await fetcher.reload(number: key.number, limit: key.limit, status: key.status, onRetry: onRetry)
                : try await fetcher.page(number: key.number, limit: key.limit, status: key.status, onRetry: onRetry)
            mailbox.post(.pageLoaded(key, page, fromCache: false, requestID: requestID))
        } catch {
            mailbox.post(.pageFailed(key, error, requestID: requestID))
        }
    }
}
