import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// `sync` against servers that lie or go on forever, cut short by Ctrl-C, and with a base URL
/// that ends in `/v2`.
extension IndexEndToEndTests {
    @Test("sync against a total_count of 10^12 and against repeating pages ends within 10 s with bounded memory",
          arguments: ["1000000000000", "10000000"])
    func syncDoesNotTrustTheTotal(total: String) async throws {
        try await withCache { cache in
            let indexPath = cache.file("index.sqlite")
            try await withSandbox(count: 150) { sandbox in
                // Every list request gets page 1 again, under the lying total.
                sandbox.inject(.lyingTotal(total), times: nil, path: "/v2/conversations")
                let started = ContinuousClock.now
                let synced = try await ProcessRunner.run(
                    try Programs.browseBinary(), ["sync", "--index-path", indexPath, "--base-url", sandbox.baseURL.absoluteString],
                    environment: Programs.cleanEnvironment().merging(["TAVUS_API_KEY": sandbox.apiKey, "XDG_CACHE_HOME": cache.path]) { $1 },
                    timeout: .seconds(10))
                #expect(ContinuousClock.now - started < .seconds(10))
                #expect(!synced.killedBySignal && synced.status == 0, "status \(synced.status): \(synced.standardError)")
                #expect(synced.standardError.contains("synced 100 conversations"), "page 1 (of 100), then nothing new: \(synced.standardError)")
                let lists = sandbox.requestCount { $0.path == "/v2/conversations" }
                // Page 1, then one round of the 4 workers, each of whose pages brings nothing new.
                #expect(lists <= 5, "it stopped at the first page that brought nothing new: \(lists) list requests")
            }
        }
        // The largest child this test process has waited for, in KiB: no sync grew without bound.
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 200 * 1024, "a child reached \(usage.ru_maxrss / 1024) MiB")
    }

    @Test("Ctrl-C during a sync ends it with 130 and a consistent index; the next sync completes it")
    func interruptedSyncResumes() async throws {
        try await withCache { cache in
            let indexPath = cache.file("index.sqlite")
            try await withSandbox(SandboxConfiguration(count: 300, latencyMilliseconds: 15)) { sandbox in
                let interrupted = try await ProcessRunner.run(
                    try Programs.browseBinary(), ["sync", "--index-path", indexPath, "--base-url", sandbox.baseURL.absoluteString],
                    environment: Programs.cleanEnvironment().merging(["TAVUS_API_KEY": sandbox.apiKey, "XDG_CACHE_HOME": cache.path]) { $1 },
                    signal: SIGINT, killWhen: { sandbox.requestCount { $0.path.hasPrefix("/v2/conversations/") } >= 30 })
                #expect(!interrupted.killedBySignal && interrupted.status == 130, "status \(interrupted.status): \(interrupted.standardError)")
                #expect(interrupted.standardError.contains("sync cancelled"), "stderr: \(interrupted.standardError)")
                let before = try await browse(["index", "--index-path", indexPath], nil, cache: cache)
                let stored = try #require(Self.count("records", in: before.standardOutput), "index: \(before.standardOutput)")
                let ended = sandbox.conversations(with: .ended).count
                #expect(stored < ended, "the sync was cut short: \(stored) of \(ended) records")

                sandbox.setLatency(milliseconds: 0)
                let resumed = try await browse(["sync", "--index-path", indexPath], sandbox, cache: cache)
                #expect(resumed.status == 0, "stderr: \(resumed.standardError)")
                let after = try await browse(["index", "--index-path", indexPath], nil, cache: cache)
                #expect(Self.count("conversations", in: after.standardOutput) == 300, "index: \(after.standardOutput)")
                #expect(Self.count("records", in: after.standardOutput) == ended, "index: \(after.standardOutput)")
            }
        }
    }

    @Test("A base URL that ends in /v2, as the official CLI's do, works as if it did not")
    func baseURLEndingInV2() async throws {
        try await withCache { cache in
            try await withSandbox(count: 30) { sandbox in
                let plain = try await browse(["list", "--format", "tsv", "--no-index"], sandbox, cache: cache)
                for base in ["\(sandbox.baseURL.absoluteString)/v2", "\(sandbox.baseURL.absoluteString)/v2/"] {
                    let listed = try await runBrowse(["list", "--format", "tsv", "--no-index", "--base-url", base],
                                                     environment: ["TAVUS_API_KEY": sandbox.apiKey, "XDG_CACHE_HOME": cache.path])
                    #expect(listed.status == 0, "\(base): \(listed.standardError)")
                    #expect(listed.standardOutput == plain.standardOutput, "\(base)")
                    let synced = try await runBrowse(["sync", "--index-path", cache.file("v2.sqlite"), "--base-url", base],
                                                     environment: ["TAVUS_API_KEY": sandbox.apiKey, "XDG_CACHE_HOME": cache.path])
                    #expect(synced.status == 0 && synced.standardError.contains("synced 30 conversations"), "\(base): \(synced.standardError)")
                }
                #expect(sandbox.requests.allSatisfy { !$0.path.hasPrefix("/v2/v2") }, "a path was doubled")
            }
        }
    }
}
