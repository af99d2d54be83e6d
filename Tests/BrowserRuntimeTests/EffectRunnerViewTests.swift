import BrowserCore
@testable import BrowserRuntime
import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The runner's work for views, links, completing records and profiles, against real sandboxes.
@Suite("The effect runner: views, records and accounts")
struct EffectRunnerViewTests {
    @Test func anIncompleteRecordIsReadAgainUntilItIsFinal() async throws {
        try await SandboxServer.withServer(SandboxConfiguration(recentlyEnded: 1, completionDelay: 0.5)) { sandbox in
            let events = EventLog()
            let runner = EffectRunner(fetcher: ConversationFetcher(client: client(sandbox)), recordRefresh: .milliseconds(300),
                                      post: events.append, emit: { _ in })
            let late = sandbox.conversations[0].id
            runner.perform(.loadDetail(id: late))
            #expect(await events.eventually { $0.contains(.detailRefreshDue(id: late)) })
            #expect(events.all.contains(.detailIncomplete(id: late)))
            try await Task.sleep(for: .milliseconds(300))
            runner.perform(.loadDetail(id: late, fresh: true))
            #expect(await events.eventually { events in
                events.contains { if case .detailLoaded(late, let detail) = $0 { !detail.transcript.isEmpty } else { false } }
            })
            try await Task.sleep(for: .milliseconds(500))
            #expect(events.all.filter { $0 == .detailRefreshDue(id: late) }.count == 1, "a final record is not read again")
        }
    }

    @Test func aResourcePageComesWithTheNamesOfItsReplicas() async throws {
        try await SandboxServer.withServer { sandbox in
            let events = EventLog()
            let runner = EffectRunner(fetcher: ConversationFetcher(client: client(sandbox)), post: events.append, emit: { _ in })
            let key = ResourceKey(kind: .personas, filter: "all", number: 1, limit: 5)
            runner.perform(.loadResourcePage(key, requestID: 3, reload: false))
            #expect(await events.eventually { $0.contains { if case .namesFound = $0 { true } else { false } } })
            guard case .resourcePageLoaded(key, let page, false, 3)? = events.all.first else {
                Issue.record("no page: \(events.all)")
                return
            }
            guard case .namesFound(let names, nil)? = events.all.last else { return }
            #expect(Set(names.replicas.keys) == Set(page.items.flatMap { $0.cellReferences[.replicas] ?? [] }))
            #expect(sandbox.requestCount { $0.path == "/v2/replicas" } == 1)
            runner.perform(.loadResourcePage(key, requestID: 4, reload: false))
            #expect(await events.eventually { $0.contains(.resourcePageLoaded(key, page, fromCache: true, requestID: 4)) })
            #expect(sandbox.requestCount { $0.path == "/v2/personas" && $0.query["limit"] != "1" } == 1, "the second time from the cache (beside the look at where the list starts)")
        }
    }

    @Test func aLinkedRecordIsLoaded() async throws {
        try await SandboxServer.withServer { sandbox in
            let events = EventLog()
            let runner = EffectRunner(fetcher: ConversationFetcher(client: client(sandbox)), post: events.append, emit: { _ in })
            let persona = sandbox.personas[0]
            runner.perform(.loadRecord(.personas, id: persona.id))
            #expect(await events.eventually { $0.contains { if case .recordLoaded(.personas, persona.id, let row) = $0 { row.name == persona.name } else { false } } })
            runner.perform(.loadRecord(.personas, id: "pnosuchpersona"))
            #expect(await events.eventually { $0.contains(.recordFailed(.personas, id: "pnosuchpersona", .http(status: 400, message: "Invalid persona_id"))) })
        }
    }

    @Test func aProfileSwitchTalksToTheOtherAccountAndKeepsBothCaches() async throws {
        try await SandboxServer.withServer { first in
            try await SandboxServer.withServer(SandboxConfiguration(count: 7, seed: 9)) { second in
                let events = EventLog()
                let options = BrowserState.Options(limit: 5, sourceLabel: "staging · 127.0.0.1")
                let opener: AccountOpener = { name in
                    guard name == "staging" else { return .failure(AccountOpeningFailure("Unknown profile “\(name)”")) }
                    return .success((Account(fetcher: ConversationFetcher(client: client(second))), options, .all))
                }
                let runner = EffectRunner(
                    fetcher: ConversationFetcher(client: client(first)), profile: ("prod", BrowserState.Options(limit: 5), .all),
                    openAccount: opener, post: events.append, emit: { _ in })
                let key = PageKey(status: .all, number: 1, limit: 5)
                runner.perform(.switchProfile("nope"))
                #expect(await events.eventually { $0.contains(.profileFailed("Unknown profile “nope”")) })
                runner.perform(.switchProfile("staging"))
                #expect(await events.eventually { $0.contains(.profileSwitched(name: "staging", options: options, filter: .all)) })
                runner.perform(.useAccount("staging"))
                runner.perform(.loadPage(key, requestID: 1))
                #expect(await events.eventually { $0.contains { if case .pageLoaded(_, let page, _, 1) = $0 { page.totalCount == 7 } else { false } } })
                runner.perform(.switchProfile("prod"))
                #expect(await events.eventually { $0.contains { if case .profileSwitched("prod", _, _) = $0 { true } else { false } } })
                runner.perform(.useAccount("prod"))
                runner.perform(.loadPage(key, requestID: 2))
                #expect(await events.eventually { $0.contains { if case .pageLoaded(_, let page, _, 2) = $0 { page.totalCount == 300 } else { false } } })
                let lists: (RecordedRequest) -> Bool = { $0.path == "/v2/conversations" }
                #expect(first.requestCount(matching: lists) == 1 && second.requestCount(matching: lists) == 1)
                runner.perform(.switchProfile("staging"))
                runner.perform(.useAccount("staging"))
                runner.perform(.loadPage(key, requestID: 3))
                #expect(await events.eventually { $0.contains { if case .pageLoaded(_, _, true, 3) = $0 { true } else { false } } })
                #expect(second.requestCount(matching: lists) == 1, "the staging account kept its cache")
            }
        }
    }

    @Test func withoutAnOpenerAProfileSwitchSaysWhy() async throws {
        try await SandboxServer.withServer { sandbox in
            let events = EventLog()
            let runner = EffectRunner(fetcher: ConversationFetcher(client: client(sandbox)), post: events.append, emit: { _ in })
            runner.perform(.switchProfile("staging"))
            #expect(events.all == [.profileFailed("No config file with profiles: see the README's Configuration")])
        }
    }
}

private func client(_ sandbox: SandboxServer) -> TavusClient {
    TavusClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, timeout: 10, retry: .none, proxy: .none))
}

@Suite("Answers addressed to their account and turn")
struct AccountAddressingTests {
    @Test func aSlowAnswerOfTheAccountLeftNeverReachesTheOneSwitchedTo() async throws {
        try await SandboxServer.withServer(SandboxConfiguration(latencyMilliseconds: 1_500)) { slow in
            try await SandboxServer.withServer(SandboxConfiguration(count: 7, seed: 9)) { second in
                let events = EventLog()
                let options = BrowserState.Options(limit: 5, sourceLabel: "staging · 127.0.0.1")
                let opener: AccountOpener = { _ in .success((Account(fetcher: ConversationFetcher(client: client(second))), options, .all)) }
                let runner = EffectRunner(
                    fetcher: ConversationFetcher(client: client(slow)), profile: ("prod", BrowserState.Options(limit: 5), .all),
                    openAccount: opener, post: events.append, emit: { _ in })
                let key = PageKey(status: .all, number: 1, limit: 5)
                runner.perform(.loadPage(key, requestID: 1))
                #expect(await events.eventually { _ in slow.listRequestCount == 1 })
                runner.perform(.switchProfile("staging"))
                #expect(await events.eventually { $0.contains { if case .profileSwitched = $0 { true } else { false } } })
                runner.perform(.useAccount("staging"))
                runner.perform(.loadPage(key, requestID: 2))
                #expect(await events.eventually { $0.contains { if case .pageLoaded(_, _, _, 2) = $0 { true } else { false } } })
                // The slow account's answer would have come by now; it was cancelled and dropped.
                try await Task.sleep(for: .milliseconds(1_800))
                let after = events.all.drop { if case .profileSwitched = $0 { false } else { true } }
                #expect(!after.contains { if case .pageLoaded(_, let page, _, _) = $0 { page.totalCount == 300 } else { false } },
                        "an answer of the account left came after the switch")
                #expect(!after.contains { if case .pageLoaded(_, _, _, 1) = $0 { true } else { false } })
            }
        }
    }

    @Test func anAnswerToALoadAskedBeforeAnInvalidationIsDropped() async throws {
        try await SandboxServer.withServer(SandboxConfiguration(latencyMilliseconds: 600)) { sandbox in
            let events = EventLog()
            let runner = EffectRunner(fetcher: ConversationFetcher(client: client(sandbox)), post: events.append, emit: { _ in })
            let key = PageKey(status: .all, number: 1, limit: 5)
            runner.perform(.loadPage(key, requestID: 1))
            #expect(await events.eventually { _ in sandbox.listRequestCount == 1 })
            runner.perform(.invalidateCache)
            runner.perform(.reloadPage(key, requestID: 2))
            #expect(await events.eventually { $0.contains { if case .pageLoaded(_, _, _, 2) = $0 { true } else { false } } })
            #expect(!events.all.contains { if case .pageLoaded(_, _, _, 1) = $0 { true } else { false } }, "the reload's predecessor answered")
        }
    }

    @Test func aSyncStaysWithItsAccountAndShowsAgainWhenItComesBack() async throws {
        let link = AccountLink()
        let shown = EventLog()
        let turn = link.show(on: shown.append)
        let release = AsyncStream<Void>.makeStream()
        #expect(link.startSync { for await _ in release.stream {} })
        #expect(!link.startSync {}, "one sync at a time per account")
        link.syncMoved(SyncProgress(phase: "conversations", done: 300, total: 1_000))
        link.hide(posting: .profileFailed("switched"))
        link.post(.syncProgress(SyncProgress(phase: "conversations", done: 400, total: 1_000)))
        link.post(.syncFinished(summary: "late", failed: false), turn: turn)
        #expect(shown.all == [.profileFailed("switched")], "nothing of the account shows while it is away")
        let back = link.show(on: shown.append)
        link.post(.detailIncomplete(id: "c-old"), turn: turn)
        link.post(.detailIncomplete(id: "c-new"), turn: back)
        #expect(shown.all == [.profileFailed("switched"), .detailIncomplete(id: "c-new")], "an answer of an earlier turn is dropped")
        #expect(link.syncProgress == SyncProgress(phase: "conversations", done: 300, total: 1_000))
        #expect(link.cancelSync())
        release.continuation.finish()
    }
}
