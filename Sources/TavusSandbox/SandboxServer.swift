import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import TavusAPI

/// A local stand-in for the Tavus API (conversations, personas, replicas), on 127.0.0.1
/// only, with seeded synthetic data and faults on demand. It never logs or prints, so it can
/// run inside a full-screen terminal program.
public final class SandboxServer: Sendable {
    public let port: Int
    /// Whether it speaks https (with `SandboxCertificate`).
    public let isTLS: Bool
    /// The one key the server accepts.
    public let apiKey: String
    /// The personas served, newest first; generated conversations name only these.
    public let personas: [SandboxPersona]
    /// The replicas served, newest first; generated conversations name only the trained ones.
    public let replicas: [SandboxReplica]
    /// The kinds kept as the API's JSON (documents, guardrails, objectives, tools), by collection.
    private let kinds: [String: SandboxKind]

    private let state: Locked<SandboxState>
    private let serviceGroup: ServiceGroup
    private let running: Task<Void, any Error>

    /// How long `stop()` lets answers under way finish before cutting them off.
    private static let shutdownGrace = Duration.seconds(3)

    private init(
        port: Int, isTLS: Bool, apiKey: String, personas: [SandboxPersona], replicas: [SandboxReplica], kinds: [String: SandboxKind],
        state: Locked<SandboxState>, serviceGroup: ServiceGroup, running: Task<Void, any Error>
    ) {
        self.port = port
        self.isTLS = isTLS
        self.apiKey = apiKey
        self.personas = personas
        self.replicas = replicas
        self.kinds = kinds
        self.state = state
        self.serviceGroup = serviceGroup
        self.running = running
    }

    /// The items of a kind kept as the API's JSON (`documents`, `guardrails`, `objectives`,
    /// `tools`), newest first, by what a test looks for on screen.
    public func listed(_ collection: String) -> [SandboxListed] {
        kinds[collection]?.listed ?? []
    }

    /// Starts a server and returns once it is listening.
    public static func start(_ configuration: SandboxConfiguration = .init()) async throws -> SandboxServer {
        let replicas = ReplicaGenerator.replicas(seed: configuration.seed)
        let kinds = AccountKinds.all(seed: configuration.seed)
        let personas = PersonaGenerator.personas(seed: configuration.seed, replicas: replicas, kinds: kinds)
        let events = EventGenerator(seed: configuration.seed)
        var conversations = ConversationGenerator.conversations(
            count: configuration.count, seed: configuration.seed, personas: personas, replicas: replicas)
        let late = events.endRecently(&conversations, count: configuration.recentlyEnded, before: Date())
        var initial = SandboxState(conversations: conversations, latencyMilliseconds: configuration.latencyMilliseconds)
        initial.completingLate = late
        initial.completionDelay = configuration.completionDelay
        initial.requestLog = configuration.requestLog
        let state = Locked(initial)
        let api = SandboxAPI(apiKey: configuration.apiKey, events: events, state: state, personas: personas, replicas: replicas,
                             zeroBasedLists: configuration.zeroBasedLists, kinds: kinds)
        let logger = Logger(label: "tavus-sandbox") { _ in SwiftLogNoOpLogHandler() }
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: SandboxResponder(api: api),
            server: try configuration.tls ? .tls(.http1(), tlsConfiguration: Self.tlsConfiguration()) : .http1(),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: configuration.port)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? configuration.port)
                portSink.finish()
            },
            logger: logger)
        // No signal handling here: the host program decides what SIGINT means.
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: logger))
        let running = Task {
            defer { portSink.finish() }
            try await serviceGroup.run()
        }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else {
            // The server failed to start (its error is rethrown here), or this task was cancelled.
            running.cancel()
            try await running.value
            throw SandboxServerError.stoppedBeforeListening
        }
        return SandboxServer(
            port: port, isTLS: configuration.tls, apiKey: configuration.apiKey, personas: personas, replicas: replicas,
            kinds: kinds, state: state, serviceGroup: serviceGroup, running: running)
    }

    /// Runs `body` against a new server and stops the server afterwards, whether `body`
    /// succeeds or throws.
    public static func withServer<Result>(
        _ configuration: SandboxConfiguration = .init(),
        _ body: (SandboxServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(configuration)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The server side of https with the sandbox's own certificate.
    private static func tlsConfiguration() throws -> TLSConfiguration {
        let certificates = try NIOSSLCertificate.fromPEMBytes(Array(SandboxCertificate.certificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(SandboxCertificate.privateKeyPEM.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    /// `http://127.0.0.1:PORT`, or `https://` with `tls`.
    public var baseURL: URL {
        URL(string: "\(isTLS ? "https" : "http")://127.0.0.1:\(port)")!
    }

    /// Stops listening, releases hanging requests and waits for the server to wind down.
    public func stop() async {
        state.withLock { $0.isStopping = true }
        await serviceGroup.triggerGracefulShutdown()
        let running = self.running
        let deadline = Task {
            try await Task.sleep(for: Self.shutdownGrace)
            running.cancel()
        }
        _ = await running.result
        deadline.cancel()
    }

    // MARK: Faults and pace

    /// Gives the next `times` requests (nil: every request from now on) the fault, optionally
    /// only those whose path starts with `path`. Faults are used in the order injected.
    /// A fault that names a status takes one from 100 to 599.
    public func inject(_ fault: SandboxFault, times: Int?, path: String? = nil) {
        add(FaultRule(fault: fault, remaining: times, pathPrefix: path, page: nil))
    }

    /// Like `inject(_:times:path:)`, for conversation list requests of one page only.
    public func inject(_ fault: SandboxFault, onPage page: Int, times: Int? = 1) {
        add(FaultRule(fault: fault, remaining: times, pathPrefix: nil, page: page))
    }

    public func clearFaults() {
        state.withLock { $0.faults.removeAll() }
    }

    /// The delay before every answer from now on.
    public func setLatency(milliseconds: Int) {
        state.withLock { $0.latencyMilliseconds = max(0, milliseconds) }
    }

    private func add(_ rule: FaultRule) {
        if let status = rule.fault.statusCode {
            precondition((100...599).contains(status), "not an HTTP status: \(status)")
        }
        guard rule.remaining.map({ $0 > 0 }) ?? true else { return }
        state.withLock { $0.faults.append(rule) }
    }

    // MARK: What was received

    /// Every request received, faulted and refused ones included.
    public var requestCount: Int {
        state.withLock { $0.requests.count }
    }

    public func requestCount(matching predicate: (RecordedRequest) -> Bool) -> Int {
        requests.count(where: predicate)
    }

    /// Every request received, oldest first.
    public var requests: [RecordedRequest] {
        state.withLock { $0.requests }
    }

    /// Forgets the requests received so far.
    public func resetCounts() {
        state.withLock { $0.requests.removeAll() }
    }

    // MARK: Data

    /// The conversations served, newest first.
    public var conversations: [Conversation] {
        state.withLock { $0.conversations }
    }

    /// Serves this list from now on, ordered newest first.
    public func setConversations(_ list: [Conversation]) {
        let ordered = ConversationGenerator.newestFirst(list)
        state.withLock { state in
            state.conversations = ordered
            state.endedByRequest.removeAll()
        }
    }
}

enum SandboxServerError: Error, CustomStringConvertible {
    case stoppedBeforeListening

    var description: String {
        switch self {
        case .stoppedBeforeListening: "the sandbox server stopped before it was listening"
        }
    }
}
