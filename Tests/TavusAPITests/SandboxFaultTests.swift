import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("Faults injected into the sandbox")
struct SandboxFaultTests {
    @Test func faultsAreUsedInOrderThenRunOut() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(503, retryAfterSeconds: 7), times: 2)
            sandbox.inject(.status(500), times: 1)
            let first = try await sandbox.raw("/v2/conversations")
            #expect(first.status == 503)
            #expect(first.response.value(forHTTPHeaderField: "Retry-After") == "7")
            #expect(try json(first.body)["message"] == .string("Service Unavailable"))
            #expect(try await sandbox.raw("/v2/conversations").status == 503)
            #expect(try await sandbox.raw("/v2/conversations").status == 500)
            #expect(try await sandbox.raw("/v2/conversations").status == 200)
            #expect(sandbox.requestCount == 4)
        }
    }

    @Test func unlimitedFaultLastsUntilCleared() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(401), times: nil)
            for _ in 0..<3 {
                let answer = try await sandbox.raw("/v2/conversations")
                #expect(answer.status == 401)
                #expect(try json(answer.body)["message"] == .string("Invalid access token"))
            }
            sandbox.clearFaults()
            #expect(try await sandbox.raw("/v2/conversations").status == 200)
        }
    }

    @Test func pathAndPageFilters() async throws {
        try await withSandbox { sandbox in
            let id = sandbox.conversations[0].id
            sandbox.inject(.status(500), times: 1, path: "/v2/conversations/")
            sandbox.inject(.status(502), onPage: 3)
            let paths = [
                "/v2/conversations?page=1", "/v2/conversations?page=3&limit=5", "/v2/conversations?page=3&limit=5",
                "/v2/conversations/\(id)", "/v2/conversations/\(id)",
            ]
            var statuses: [Int] = []
            for path in paths {
                statuses.append(try await sandbox.raw(path).status)
            }
            #expect(statuses == [200, 502, 200, 500, 200] as [Int])
        }
    }

    @Test func pageFilterTreatsMissingPageAsPageOne() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(504), onPage: 1, times: nil)
            let first = try await sandbox.raw("/v2/conversations").status
            let second = try await sandbox.raw("/v2/conversations?page=2").status
            #expect(first == 504)
            #expect(second == 200)
        }
    }

    @Test func bodyFaults() async throws {
        try await withSandbox { sandbox in
            let real = try await sandbox.raw("/v2/conversations?limit=4").body
            sandbox.inject(.truncatedJSON, times: 1)
            let truncated = try await sandbox.raw("/v2/conversations?limit=4")
            #expect(truncated.status == 200)
            #expect(truncated.body == real.prefix(real.count / 2))

            sandbox.inject(.invalidJSON, times: 1)
            let invalid = try await sandbox.raw("/v2/conversations")
            #expect(invalid.status == 200)
            #expect((try? json(invalid.body)) == nil)

            sandbox.inject(.htmlBody, times: 1)
            let html = try await sandbox.raw("/v2/conversations")
            #expect(html.status == 502)
            #expect(html.response.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/html") == true)
            #expect(String(decoding: html.body, as: UTF8.self).contains("<h1>502 Bad Gateway</h1>"))
        }
    }

    @Test func faultsComeBeforeTheKeyCheckAndAreCounted() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(500), times: 1)
            let first = try await sandbox.raw("/v2/conversations", apiKey: "wrong").status
            let second = try await sandbox.raw("/v2/conversations", apiKey: "wrong").status
            #expect(first == 500)
            #expect(second == 401)
            #expect(sandbox.requestCount == 2)
            sandbox.resetCounts()
            #expect(sandbox.requestCount == 0)
            #expect(sandbox.requests.isEmpty)
        }
    }

    @Test func requestsAreRecorded() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.raw("/v2/conversations?page=2&limit=5&status=ended&name=Z%C3%B6e")
            let request = try #require(sandbox.requests.first)
            #expect(request.method == "GET")
            #expect(request.path == "/v2/conversations")
            #expect(request.query == ["page": "2", "limit": "5", "status": "ended", "name": "Zöe"])
            #expect(sandbox.requestCount { $0.query["page"] == "2" } == 1)
        }
    }

    @Test func hangIsReleasedByStop() async throws {
        let sandbox = try await SandboxServer.start()
        sandbox.inject(.hang, times: nil)
        let hanging = Task { try await sandbox.raw("/v2/conversations") }
        #expect(await eventually { sandbox.requestCount == 1 })
        await sandbox.stop()
        // An answer, not a connection cut when stop()'s grace runs out: the hang itself let go.
        let answer = try await hanging.value
        #expect(answer.status == 503)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("The sandbox is stopping"))
    }

    @Test func latencyDelaysAnswers() async throws {
        try await withSandbox(SandboxConfiguration(latencyMilliseconds: 300)) { sandbox in
            let started = ContinuousClock.now
            _ = try await sandbox.raw("/v2/conversations")
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            sandbox.setLatency(milliseconds: 0)
            _ = try await sandbox.raw("/v2/conversations")
        }
    }
}
