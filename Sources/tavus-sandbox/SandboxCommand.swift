import ArgumentParser
import Foundation
import TavusSandbox

@main
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tavus-sandbox",
        abstract: "A local stand-in for the Tavus API (conversations, personas, replicas), with synthetic data.",
        discussion: """
            Serves GET /v2/conversations (limit, page, status), GET /v2/conversations/{id} \
            (verbose=true adds events: replica joined, shutdown, transcript, perception analysis), \
            POST /v2/conversations/{id}/end and DELETE /v2/conversations/{id}; \
            GET /v2/personas (limit, page, persona_type=user|system) and GET /v2/personas/{id}; \
            GET /v2/replicas (limit, page, replica_type=user|system, replica_ids=a,b,c, verbose) and \
            GET /v2/replicas/{id}, which adds updated_at and error_message. The same personas and \
            replicas are served under their newer names at /v2/pals and /v2/pals/{id} (pal_id, \
            pal_name, default_face_id) and /v2/faces and /v2/faces/{id} (face_id, face_name; \
            training shows as processing). An unknown persona or replica id gets 400 \
            {"error": "Invalid persona_id"} (or replica_id, pal_id, face_id). Every request needs \
            the header x-api-key with the configured key, or gets 401 {"message": "Invalid access token"}.

            It listens on 127.0.0.1 only. On start it prints one line with the URL, the key and the \
            number of conversations, then runs until SIGINT or SIGTERM (or, with \
            --until-stdin-closes, until its standard input closes). It keeps the last 1,000 \
            requests it received, without their keys. The data is generated from \
            the seed and is the same on every run: 300 conversations by default, 12 personas and \
            15 replicas (one still training, one failed), which the conversations refer to.

            Faults, for trying a client's error handling (at most one; it hits every \
            request, or the first N with --fail-times):
            --fail-status CODE: that status with a JSON {"message": ...} body.
            --fail-retry-after S: with --fail-status, also a Retry-After header.
            --truncate-json: status 200 with the real JSON body cut in half.
            --invalid-json: status 200 with a body that is not JSON.
            --html-body: status 502 with a proxy's HTML "Bad Gateway" page.
            --hang: no answer; the request is held until the client gives up.
            --redirect-to URL: status 302 with Location: URL and an empty body.
            --gzip-bomb-mb N: status 200, Content-Encoding: gzip, a small body that inflates \
            to N MiB of spaces.
            --corrupt-gzip: status 200, Content-Encoding: gzip, a body that is not gzip data.
            --endless-body: status 200 with a JSON list that never ends, streamed until the \
            client goes away.
            --drip-ms N: the real answer, its body sent one byte every N milliseconds.
            --cut-short: status 200 with a Content-Length for the real body, of which only \
            half is sent before the connection closes.
            --echo-key: status 400 with {"message": "Invalid key: KEY"}, quoting the key sent.
            --lying-total JSON: every list request gets the first page, with JSON (such as \
            1000000000000) as total_count.
            """
    )

    @Option(help: "The port on 127.0.0.1; 0 picks a free one.")
    var port = 0

    @Option(help: "The only x-api-key value accepted.")
    var apiKey = SandboxConfiguration.defaultAPIKey

    @Option(help: "How many synthetic conversations to serve.")
    var count = 300

    @Option(help: "Seed of the synthetic data.")
    var seed: UInt64 = 42

    @Option(name: .customLong("latency-ms"), help: "Milliseconds to wait before every answer.")
    var latencyMilliseconds = 0

    @Option(help: ArgumentHelp("This many of the newest ended calls ended just before the start; their records complete a while after the first look.", valueName: "n"))
    var recentlyEnded = 0

    @Option(help: ArgumentHelp("Seconds after the first look at such a record until it is complete.", valueName: "seconds"))
    var completionDelay = 12.0

    @Flag(help: "Serve https, with a self-signed certificate for 127.0.0.1 that clients do not trust unless told to.")
    var tls = false

    @Option(help: ArgumentHelp("Answer with this HTTP status (100-599).", valueName: "code"))
    var failStatus: Int?

    @Option(help: ArgumentHelp("Send Retry-After with --fail-status.", valueName: "seconds"))
    var failRetryAfter: Int?

    @Option(help: ArgumentHelp("Fault only the first N requests (default: every request).", valueName: "n"))
    var failTimes: Int?

    @Flag(help: "Answer 200 with the real JSON body cut in half.")
    var truncateJSON = false

    @Flag(help: "Answer 200 with a body that is not JSON.")
    var invalidJSON = false

    @Flag(help: "Answer 502 with an HTML proxy error page.")
    var htmlBody = false

    @Flag(help: "Never answer.")
    var hang = false

    @Option(help: ArgumentHelp("Answer 302 with Location: URL.", valueName: "url"))
    var redirectTo: String?

    @Option(name: .customLong("gzip-bomb-mb"), help: ArgumentHelp(
        "Answer 200 with a gzip body that inflates to N MiB.", valueName: "n"))
    var gzipBombMegabytes: Int?

    @Flag(help: "Answer 200 with a gzip-encoded body that is not gzip data.")
    var corruptGzip = false

    @Flag(help: "Answer 200 with a JSON list that never ends.")
    var endlessBody = false

    @Option(name: .customLong("drip-ms"), help: ArgumentHelp(
        "Send the real body one byte every N milliseconds.", valueName: "n"))
    var dripMilliseconds: Int?

    @Flag(help: "Send half the real body, then close the connection.")
    var cutShort = false

    @Flag(help: "Answer 400 quoting the x-api-key sent.")
    var echoKey = false

    @Option(help: ArgumentHelp("Serve the first page for every page, with this total_count.", valueName: "json"))
    var lyingTotal: String?

    @Option(name: .customLong("zero-based"), help: ArgumentHelp(
        "Count this list's pages from 0 (personas, pals, replicas or faces; repeatable).", valueName: "list"))
    var zeroBased: [String] = []

    @Flag(help: "Stop when standard input closes (a program that started the sandbox ended, whatever way).")
    var untilStdinCloses = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard count >= 0 else { throw ValidationError("--count must not be negative.") }
        for list in zeroBased where !["personas", "pals", "replicas", "faces"].contains(list) {
            throw ValidationError("--zero-based takes personas, pals, replicas or faces, not \(list).")
        }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms must not be negative.") }
        if let failStatus, !(100...599).contains(failStatus) {
            throw ValidationError("--fail-status must be an HTTP status from 100 to 599.")
        }
        if failRetryAfter != nil, failStatus == nil {
            throw ValidationError("--fail-retry-after needs --fail-status.")
        }
        if let failRetryAfter, failRetryAfter < 0 { throw ValidationError("--fail-retry-after must not be negative.") }
        if let gzipBombMegabytes, !(1...4_096).contains(gzipBombMegabytes) {
            throw ValidationError("--gzip-bomb-mb must be from 1 to 4096.")
        }
        if let dripMilliseconds, dripMilliseconds < 0 { throw ValidationError("--drip-ms must not be negative.") }
        let faultCount = [
            failStatus != nil, truncateJSON, invalidJSON, htmlBody, hang, redirectTo != nil, gzipBombMegabytes != nil,
            corruptGzip, endlessBody, dripMilliseconds != nil, cutShort, echoKey, lyingTotal != nil,
        ].filter { $0 }.count
        if faultCount > 1 { throw ValidationError("Choose at most one fault.") }
        if let failTimes {
            guard faultCount == 1 else { throw ValidationError("--fail-times needs a fault to apply.") }
            guard failTimes >= 1 else { throw ValidationError("--fail-times must be 1 or more.") }
        }
    }

    /// The fault chosen on the command line, if any.
    var fault: SandboxFault? {
        if let failStatus { return .status(failStatus, retryAfterSeconds: failRetryAfter) }
        if truncateJSON { return .truncatedJSON }
        if invalidJSON { return .invalidJSON }
        if htmlBody { return .htmlBody }
        if hang { return .hang }
        if let redirectTo { return .redirect(to: redirectTo) }
        if let gzipBombMegabytes { return .gzipBomb(inflatedBytes: gzipBombMegabytes << 20) }
        if corruptGzip { return .corruptGzip }
        if endlessBody { return .endlessBody }
        if let dripMilliseconds { return .drip(intervalMilliseconds: dripMilliseconds) }
        if cutShort { return .cutShort }
        if echoKey { return .echoKey() }
        if let lyingTotal { return .lyingTotal(lyingTotal) }
        return nil
    }

    func run() async throws {
        let signals = TerminationSignals()
        // It may run for long: it keeps the last requests only, and never a key.
        let server = try await SandboxServer.start(SandboxConfiguration(
            apiKey: apiKey, count: count, seed: seed, port: port, latencyMilliseconds: latencyMilliseconds,
            recentlyEnded: recentlyEnded, completionDelay: completionDelay, tls: tls, requestLog: .lastWithoutKeys(1_000),
            zeroBasedLists: Set(zeroBased)))
        if untilStdinCloses { signals.endWhenStandardInputCloses() }
        if let fault {
            server.inject(fault, times: failTimes)
        }
        // Written straight to the descriptor, unbuffered, so a script reading the port sees it at once.
        let line = "tavus-sandbox listening on \(server.baseURL.absoluteString) (api key: \(apiKey), \(count) conversations)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
        await signals.wait()
        await server.stop()
    }
}
