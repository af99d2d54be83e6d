import Foundation
import TavusAPI
import TavusSandbox
import Testing

/// The faults about transport, checked on the wire with curl rather than through the client,
/// so that what the sandbox sends is seen as it is.
@Suite("Transport faults on the wire")
struct SandboxTransportFaultTests {
    @Test func redirectAnswersLocationWithEmptyBody() async throws {
        try await withSandbox { foreign in
            try await withSandbox { sandbox in
                let target = foreign.baseURL.absoluteString + "/v2/conversations"
                sandbox.inject(.redirect(to: target), times: 1)
                let answer = try await Self.curl(sandbox, "/v2/conversations")
                #expect(answer.exitCode == 0)
                #expect(answer.status == 302)
                #expect(answer.header("location") == target)
                #expect(answer.body.isEmpty)

                sandbox.inject(.redirect(to: target, status: 307), times: 1)
                let followed = try await Self.curl(sandbox, "/v2/conversations", extra: ["-L"])
                #expect(followed.status == 200)
                #expect(foreign.requests.map(\.path) == ["/v2/conversations"])
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3, 258, 259, 516, 1_000_003])
    func gzipBombInflatesToTheAskedSize(inflatedBytes: Int) async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.gzipBomb(inflatedBytes: inflatedBytes), times: 1)
            let answer = try await Self.curl(sandbox, "/v2/conversations")
            #expect(answer.status == 200)
            #expect(answer.header("content-encoding") == "gzip")
            #expect(answer.header("content-type") == "application/json")
            #expect(answer.body.count < 1_000 + inflatedBytes / 100)
            let inflated = try await Self.gunzip(answer.body)
            #expect(inflated.exitCode == 0)
            #expect(inflated.output.count == inflatedBytes)
            #expect(inflated.output.allSatisfy { $0 == 0x20 })
        }
    }

    @Test func largeGzipBombStaysSmallOnTheWire() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.gzipBomb(inflatedBytes: 64 << 20), times: 1)
            let answer = try await Self.curl(sandbox, "/v2/conversations")
            #expect(answer.status == 200)
            #expect(answer.body.count < 600_000)
            let inflated = try await Self.gunzip(answer.body)
            #expect(inflated.exitCode == 0)
            #expect(inflated.output.count == 64 << 20)
        }
    }

    @Test func corruptGzipFailsToInflate() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.corruptGzip, times: 2)
            let answer = try await Self.curl(sandbox, "/v2/conversations")
            #expect(answer.status == 200)
            #expect(answer.header("content-encoding") == "gzip")
            #expect(answer.body.starts(with: [0x1f, 0x8b, 0x08]))
            #expect(try await Self.gunzip(answer.body).exitCode != 0)
            let decoded = try await Self.curl(sandbox, "/v2/conversations", extra: ["--compressed"])
            #expect(decoded.exitCode == 61)
        }
    }

    @Test func endlessBodyKeepsComing() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.endlessBody, times: 1)
            // Read slowly for a few seconds: enough for any machine to see the stream flow, and
            // little enough to keep in a file.
            let answer = try await Self.curl(sandbox, "/v2/conversations", maxTime: 4, extra: ["--limit-rate", "200k"])
            #expect(answer.exitCode == 28)
            #expect(answer.status == 200)
            #expect(answer.header("content-length") == nil)
            #expect(answer.body.starts(with: Data(#"{"data": [{"conversation_id": "x"},"#.utf8)))
            // More than any real page (a few KB), however loaded the machine: the body did not stop.
            #expect(answer.body.count > 16 << 10)
        }
    }

    @Test func dripSendsTheRealBodySlowly() async throws {
        try await withSandbox { sandbox in
            let real = try await Self.curl(sandbox, "/v2/conversations?limit=3")
            sandbox.inject(.drip(intervalMilliseconds: 200), times: 1)
            let answer = try await Self.curl(sandbox, "/v2/conversations?limit=3", maxTime: 3)
            #expect(answer.exitCode == 28)
            #expect(answer.status == 200)
            #expect(answer.header("content-length") == String(real.body.count))
            #expect(!answer.body.isEmpty)
            #expect(answer.body.count < 40)
            #expect(real.body.starts(with: answer.body))
        }
    }

    @Test func dripEventuallyDeliversTheWholeBody() async throws {
        try await withSandbox { sandbox in
            let real = try await Self.curl(sandbox, "/v2/conversations/nosuchid")
            sandbox.inject(.drip(intervalMilliseconds: 1), times: 1)
            let answer = try await Self.curl(sandbox, "/v2/conversations/nosuchid")
            #expect(answer.exitCode == 0)
            #expect(answer.status == 400)
            #expect(answer.body == real.body)
        }
    }

    @Test(arguments: [SandboxFault.endlessBody, .drip(intervalMilliseconds: 100)])
    func streamsEndWhenTheServerStops(fault: SandboxFault) async throws {
        try await withSandbox { sandbox in
            sandbox.inject(fault, times: 1)
            async let answer = Self.curl(sandbox, "/v2/conversations", maxTime: 20)
            #expect(await eventually { sandbox.requestCount == 1 })
            try await Task.sleep(for: .milliseconds(200))
            let stopping = ContinuousClock.now
            await sandbox.stop()
            let result = try await answer
            #expect(ContinuousClock.now - stopping < .seconds(2))
            #expect(result.exitCode == 18)
        }
    }

    @Test func cutShortClosesTheConnectionMidBody() async throws {
        try await withSandbox { sandbox in
            let real = try await Self.curl(sandbox, "/v2/conversations?limit=4")
            sandbox.inject(.cutShort, times: 1)
            let answer = try await Self.curl(sandbox, "/v2/conversations?limit=4")
            #expect(answer.exitCode == 18)
            #expect(answer.status == 200)
            #expect(answer.header("content-length") == String(real.body.count))
            #expect(answer.body == real.body.prefix(real.body.count / 2))
        }
    }

    @Test func rawBodyIsServedVerbatim() async throws {
        try await withSandbox { sandbox in
            let text = #"{"data": [], "total_count": 9223372036854775807, "x": 1e400, "y": "NaN"}"#
            sandbox.inject(.rawBody(text, status: 503, headers: ["Retry-After": "nan"]), times: 1)
            let answer = try await Self.curl(sandbox, "/v2/conversations")
            #expect(answer.status == 503)
            #expect(answer.header("retry-after") == "nan")
            #expect(answer.header("content-type") == "application/json")
            #expect(answer.body == Data(text.utf8))
        }
    }

    @Test func echoKeyQuotesThePresentedKey() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.echoKey(), times: 2)
            let answer = try await Self.curl(sandbox, "/v2/conversations", apiKey: "sk-live-secret-1234")
            #expect(answer.status == 400)
            #expect(try Self.object(answer.body)["message"] as? String == "Invalid key: sk-live-secret-1234")
            sandbox.inject(.echoKey(status: 401), times: 1)
            #expect(try await Self.curl(sandbox, "/v2/conversations").status == 400)
            #expect(try await Self.curl(sandbox, "/v2/conversations").status == 401)
        }
    }

    @Test func lyingTotalRepeatsTheFirstPage() async throws {
        try await withSandbox { sandbox in
            let first = try Self.ids(await Self.curl(sandbox, "/v2/conversations?limit=5").body)
            sandbox.inject(.lyingTotal("1000000000000"), times: nil)
            let third = try await Self.curl(sandbox, "/v2/conversations?limit=5&page=3")
            #expect(third.status == 200)
            #expect(try Self.ids(third.body) == first)
            #expect(String(decoding: third.body, as: UTF8.self).hasSuffix(#","total_count":1000000000000}"#))
            let id = try #require(first.first)
            let detail = try await Self.curl(sandbox, "/v2/conversations/\(id)")
            #expect(detail.status == 200)
            #expect(try Self.object(detail.body)["conversation_id"] as? String == id)
        }
    }

    @Test func requestsRecordTheKeyAndHeaders() async throws {
        try await withSandbox { sandbox in
            _ = try await Self.curl(sandbox, "/v2/conversations", extra: ["-H", "X-Trace: one", "-H", "X-Trace: two"])
            _ = try await Self.curl(sandbox, "/v2/conversations", apiKey: nil)
            let requests = sandbox.requests
            try #require(requests.count == 2)
            #expect(requests[0].apiKey == sandbox.apiKey)
            #expect(requests[0].headers["x-api-key"] == sandbox.apiKey)
            #expect(requests[0].headers["x-trace"] == "one")
            #expect(requests[0].headers["user-agent"]?.hasPrefix("curl/") == true)
            #expect(requests[1].apiKey == nil)
            #expect(requests[1].headers["x-api-key"] == nil)
        }
    }

    @Test func conversationsAreWrittenWithTheDocumentedNames() async throws {
        try await withSandbox { sandbox in
            sandbox.setConversations([Conversation(
                id: "c1", name: "Demo", status: .other("error"), url: "https://tavus.daily.co/c1",
                replicaID: "r1", createdAt: Timestamp(raw: "2025-01-02T03:04:05Z"), updatedAt: Timestamp(raw: ""))])
            let expected = #"{"callback_url":null,"conversation_id":"c1","conversation_name":"Demo","#
                + #""conversation_url":"https://tavus.daily.co/c1","created_at":"2025-01-02T03:04:05Z","#
                + #""persona_id":null,"replica_id":"r1","status":"error","updated_at":""}"#
            let list = try await Self.curl(sandbox, "/v2/conversations")
            #expect(String(decoding: list.body, as: UTF8.self) == #"{"data":["# + expected + #"],"total_count":1}"#)
            let detail = try await Self.curl(sandbox, "/v2/conversations/c1")
            #expect(String(decoding: detail.body, as: UTF8.self) == expected)
            let verbose = try Self.object(await Self.curl(sandbox, "/v2/conversations/c1?verbose=true").body)
            #expect(verbose["events"] is [Any])
        }
    }

    // MARK: Running curl and gzip

    struct Answer {
        var exitCode: Int32
        var head: String
        var body: Data

        /// The status of the last response head, so after redirects the final one.
        var status: Int? {
            let statusLine = head.components(separatedBy: "\r\n").last { $0.hasPrefix("HTTP/") }
            return statusLine?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }

        func header(_ name: String) -> String? {
            for line in head.components(separatedBy: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    static func curl(
        _ sandbox: SandboxServer, _ pathAndQuery: String, apiKey: String? = SandboxConfiguration.defaultAPIKey,
        maxTime: Int = 5, extra: [String] = []
    ) async throws -> Answer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let headPath = directory.appendingPathComponent("head").path
        let bodyPath = directory.appendingPathComponent("body").path
        var arguments = ["-s", "--max-time", String(maxTime), "-D", headPath, "-o", bodyPath]
        if let apiKey { arguments += ["-H", "x-api-key: \(apiKey)"] }
        arguments += extra + [sandbox.baseURL.absoluteString + pathAndQuery]
        let exitCode = try await run("/usr/bin/curl", arguments)
        let head = (try? String(contentsOfFile: headPath, encoding: .utf8)) ?? ""
        let body = (try? Data(contentsOf: URL(fileURLWithPath: bodyPath))) ?? Data()
        return Answer(exitCode: exitCode, head: head, body: body)
    }

    /// `gzip -dc`, which checks the CRC and size in the trailer as well as the deflate data.
    static func gunzip(_ data: Data) async throws -> (exitCode: Int32, output: Data) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.gz")
        let output = directory.appendingPathComponent("out")
        try data.write(to: input)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let exitCode = try await run("/bin/gzip", ["-dc", input.path], standardOutput: handle)
        try handle.close()
        return (exitCode, try Data(contentsOf: output))
    }

    /// Runs a program to its end without blocking a thread of the shared pool, which the
    /// sandbox needs to answer.
    static func run(_ executable: String, _ arguments: [String], standardOutput: FileHandle? = nil) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = standardOutput ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func ids(_ data: Data) throws -> [String] {
        let items = try #require(try object(data)["data"] as? [[String: Any]])
        return items.compactMap { $0["conversation_id"] as? String }
    }
}
