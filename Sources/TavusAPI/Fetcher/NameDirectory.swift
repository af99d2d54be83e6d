/// The names behind the persona and replica ids of conversations, looked up as pages come:
/// replicas in one batched request per call; personas from the first page of the persona
/// list, asked once (an account rarely has more than a page of them), and any persona not on
/// it one request each. Every id is asked at most once per run, whether the lookup worked or
/// not (a failed id keeps showing its id).
///
/// The records of personas and replicas opened in full are kept too: each persona is fetched
/// at most once, whether for its name or its pane. The other kinds a pane links to (documents,
/// tools) are named from their own records, each read once and kept for its pane.
public actor NameDirectory {
    public typealias Names = KnownNames

    /// What one lookup found, and the first failure, if any.
    public struct Lookup: Sendable, Hashable {
        public var names: Names
        public var failure: TavusError?
    }

    public let client: TavusClient
    private var askedPersonas: Set<String> = []
    private var askedReplicas: Set<String> = []
    private var personaRecords: [String: Persona] = [:]
    /// Replicas' own records, which the batched list does not give in full.
    private var replicaRecords: [String: Replica] = [:]
    private var personasInFlight: [String: Task<Persona, any Error>] = [:]
    /// Records of the other kinds, by `collection/id`, and those being read.
    private var records: [String: any ListedResource] = [:]
    private var recordsInFlight: [String: Task<any ListedResource, any Error>] = [:]
    private var askedRecords: Set<String> = []
    /// Whether the persona list was read for names yet (once per run, whatever the outcome).
    private var personaListRead = false
    /// How many personas the one list request asks for.
    static let personaListLimit = 100
    /// Persona requests under way at once.
    private static let parallelPersonaRequests = 4

    public init(client: TavusClient) {
        self.client = client
    }

    /// Looks up the ids not asked before, and returns the names found for them.
    public func lookUp(personaIDs: [String], replicaIDs: [String]) async -> Lookup {
        let personas = Self.fresh(personaIDs, asked: &askedPersonas)
        let replicas = Self.fresh(replicaIDs, asked: &askedReplicas)
        var found = Names()
        var failure: TavusError?
        if !replicas.isEmpty {
            do throws(TavusError) {
                for replica in try await client.replicas(ids: replicas) where replicas.contains(replica.id) && !replica.name.isEmpty {
                    found.replicas[replica.id] = replica.name
                }
            } catch {
                failure = error
            }
        }
        if !personas.isEmpty, !personaListRead {
            personaListRead = true
            if let list = try? await client.list(Persona.self, page: 1, limit: Self.personaListLimit) {
                for persona in list.items where !persona.id.isEmpty { personaRecords[persona.id] = persona }
            }
        }
        let listed = personas.filter { personaRecords[$0] != nil }
        for id in listed where personaRecords[id]?.name.isEmpty == false { found.personas[id] = personaRecords[id]!.name }
        await withTaskGroup(of: Result<Persona, TavusError>.self) { group in
            var pending = personas.filter { personaRecords[$0] == nil }[...]
            func startNext() {
                guard let id = pending.popFirst() else { return }
                group.addTask {
                    do throws(TavusError) { return .success(try await self.persona(id: id)) } catch { return .failure(error) }
                }
            }
            for _ in 0..<Self.parallelPersonaRequests { startNext() }
            while let result = await group.next() {
                switch result {
                case .success(let persona) where !persona.name.isEmpty: found.personas[persona.id] = persona.name
                case .success: break
                case .failure(let error): failure = failure ?? error
                }
                startNext()
            }
        }
        return Lookup(names: found, failure: failure)
    }

    /// A persona's record: the one held, or fetched once (sharing a request under way).
    public func persona(id: String) async throws(TavusError) -> Persona {
        if let known = personaRecords[id] { return known }
        askedPersonas.insert(id)
        let task: Task<Persona, any Error>
        if let running = personasInFlight[id] {
            task = running
        } else {
            let client = self.client
            task = Task { try await client.persona(id: id) }
            personasInFlight[id] = task
        }
        let result: Result<Persona, TavusError>
        do throws(TavusError) { result = .success(try await SharedRequest.wait(for: task)) } catch { result = .failure(error) }
        if personasInFlight[id] == task { personasInFlight[id] = nil }
        let persona = try result.get()
        personaRecords[id] = persona
        return persona
    }

    /// A replica's own record (`GET /v2/replicas/{id}`, which alone carries its error
    /// message), fetched once.
    public func replica(id: String) async throws(TavusError) -> Replica {
        if let known = replicaRecords[id] { return known }
        let replica = try await client.replica(id: id)
        replicaRecords[id] = replica
        return replica
    }

    /// The names of items of a kind without a batched lookup, each from its record (a few read
    /// at once), for the ids not asked before.
    public func lookUp<Item: ListedResource>(_ kind: Item.Type, ids: [String]) async -> Lookup {
        let fresh = Self.fresh(ids.map { Item.collection + "/" + $0 }, asked: &askedRecords).map { String($0.dropFirst(Item.collection.count + 1)) }
        var found = Names()
        var failure: TavusError?
        await withTaskGroup(of: Result<Item, TavusError>.self) { group in
            var pending = fresh[...]
            func startNext() {
                guard let id = pending.popFirst() else { return }
                group.addTask {
                    do throws(TavusError) { return .success(try await self.record(Item.self, id: id)) } catch { return .failure(error) }
                }
            }
            for _ in 0..<Self.parallelPersonaRequests { startNext() }
            while let result = await group.next() {
                switch result {
                case .success(let item) where !item.name.isEmpty: found[Item.collection][item.id] = item.name
                case .success: break
                case .failure(let error): failure = failure ?? error
                }
                startNext()
            }
        }
        return Lookup(names: found, failure: failure)
    }

    /// A record of another kind: the one held, or read once (sharing a request under way).
    public func record<Item: ListedResource>(_ kind: Item.Type, id: String) async throws(TavusError) -> Item {
        let key = Item.collection + "/" + id
        if let known = records[key] as? Item { return known }
        askedRecords.insert(key)
        let task: Task<any ListedResource, any Error>
        if let running = recordsInFlight[key] {
            task = running
        } else {
            let client = self.client
            task = Task { try await client.record(Item.self, id: id) }
            recordsInFlight[key] = task
        }
        let result: Result<any ListedResource, TavusError>
        do throws(TavusError) { result = .success(try await SharedRequest.wait(for: task)) } catch { result = .failure(error) }
        if recordsInFlight[key] == task { recordsInFlight[key] = nil }
        guard let item = try result.get() as? Item else { throw .cancelled }
        records[key] = item
        return item
    }

    /// The ids of `ids` not asked before, each once, now marked as asked.
    private static func fresh(_ ids: [String], asked: inout Set<String>) -> [String] {
        var result: [String] = []
        for id in ids where !id.isEmpty && asked.insert(id).inserted { result.append(id) }
        return result
    }
}
