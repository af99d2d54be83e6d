import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("The sandbox's personas and replicas")
struct SandboxPersonaReplicaTests {
    /// A listed persona's keys; its own record adds `persona_type`.
    static let personaKeys: Set<String> = [
        "persona_id", "persona_name", "system_prompt", "context", "default_replica_id", "document_ids",
        "document_tags", "layers", "pipeline_mode", "greeting", "is_draft", "created_at", "updated_at",
        "guardrail_ids", "tool_ids",
    ]
    /// A replica's keys without `verbose=true`, which adds `replica_type` and `model_name`.
    static let replicaKeys: Set<String> = [
        "replica_id", "replica_name", "status", "training_progress", "thumbnail_video_url", "created_at",
    ]

    @Test func everyConversationNamesAServedPersonaAndReplica() async throws {
        try await withSandbox { sandbox in
            let personaIDs = Set(try await items(sandbox, "/v2/personas?limit=100").compactMap { $0["persona_id"]?.stringValue })
            let replicaIDs = Set(try await items(sandbox, "/v2/replicas?limit=100").compactMap { $0["replica_id"]?.stringValue })
            #expect(personaIDs == Set(sandbox.personas.map(\.id)))
            #expect(replicaIDs == Set(sandbox.replicas.map(\.id)))
            var conversations: [JSONValue] = []
            for page in 1...3 {
                conversations += try await items(sandbox, "/v2/conversations?limit=100&page=\(page)")
            }
            #expect(conversations.count == 300)
            var used = Set<String>()
            for conversation in conversations {
                let replica = try #require((conversation["replica_id"] ?? conversation["face_id"])?.stringValue)
                #expect(replicaIDs.contains(replica), "\(replica)")
                used.insert(replica)
                guard let persona = (conversation["persona_id"] ?? conversation["pal_id"])?.stringValue else { continue }
                #expect(personaIDs.contains(persona), "\(persona)")
                used.insert(persona)
            }
            // Every persona and every trained replica is in use; a replica in training or failed cannot be.
            let trained = sandbox.replicas.filter { $0.status == .completed }.map(\.id)
            #expect(used == personaIDs.union(trained))
        }
    }

    @Test func theDataIsTheSeedsWhateverTheConversationCount() async throws {
        let (personas, replicas) = try await withSandbox(SandboxConfiguration(count: 3, seed: 7)) { ($0.personas, $0.replicas) }
        let again = try await withSandbox(SandboxConfiguration(count: 300, seed: 7)) { ($0.personas, $0.replicas) }
        let other = try await withSandbox(SandboxConfiguration(count: 3, seed: 8)) { $0.personas }
        #expect(personas == again.0)
        #expect(replicas == again.1)
        #expect(personas.map(\.id) != other.map(\.id))
        #expect((10...14).contains(personas.count))
        #expect((13...17).contains(replicas.count))
        for persona in personas {
            #expect(persona.id.wholeMatch(of: /p[0-9a-f]{11}/) != nil)
            #expect(replicas.contains { $0.id == persona.defaultReplicaID && $0.status == .completed })
        }
        for replica in replicas {
            #expect(replica.id.wholeMatch(of: /r[0-9a-f]{11}/) != nil)
        }
    }

    @Test func namesMeetAccentsWideCharactersAndEscapes() async throws {
        try await withSandbox { sandbox in
            let names = sandbox.personas.map(\.name)
            #expect(names.contains { $0.contains("\u{1B}[31m") })
            #expect(names.contains { $0.unicodeScalars.contains { (0x00C0...0x017F).contains($0.value) } })
            #expect(names.contains { $0.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } })
            #expect((2...3).contains(sandbox.personas.count { $0.type == .system }))
            let hostile = try #require(sandbox.personas.first { $0.name.contains("\u{1B}") })
            let object = try json(await sandbox.raw("/v2/personas/\(hostile.id)").body)
            #expect(object["persona_name"] == .string(hostile.name))
        }
    }

    @Test func listsPageWithTheTotalCount() async throws {
        try await withSandbox { sandbox in
            var ids: [String] = []
            for page in 1...3 {
                let object = try json(await sandbox.raw("/v2/personas?limit=5&page=\(page)").body)
                #expect(object["total_count"] == .number(Double(sandbox.personas.count)))
                let data = try #require(object["data"]?.arrayValue)
                #expect(data.count == min(5, sandbox.personas.count - (page - 1) * 5))
                ids += data.compactMap { $0["persona_id"]?.stringValue }
            }
            #expect(ids == sandbox.personas.map(\.id))
            #expect(try await items(sandbox, "/v2/personas?limit=5&page=4").isEmpty)

            let first = try json(await sandbox.raw("/v2/replicas").body)
            #expect(first["total_count"] == .number(Double(sandbox.replicas.count)))
            #expect(first["data"]?.arrayValue?.count == 10)
            let second = try await items(sandbox, "/v2/replicas?page=2")
            #expect(second.compactMap { $0["replica_id"]?.stringValue } == sandbox.replicas.dropFirst(10).map(\.id))

            for path in ["/v2/personas", "/v2/replicas", "/v2/pals", "/v2/faces"] {
                for query in ["limit=0", "limit=ten", "page=0", "page=1.5"] {
                    let (status, body, _) = try await sandbox.raw("\(path)?\(query)")
                    #expect(status == 400, "\(path)?\(query)")
                    #expect(try json(body)["message"]?.stringValue?.hasSuffix("must be a positive integer") == true)
                }
            }
        }
    }

    @Test func typeFilters() async throws {
        try await withSandbox { sandbox in
            for type in SandboxOwner.allCases {
                let personas = try json(await sandbox.raw("/v2/personas?limit=100&persona_type=\(type.rawValue)").body)
                let expectedPersonas = sandbox.personas.filter { $0.type == type }.map(\.id)
                #expect(personas["data"]?.arrayValue?.compactMap { $0["persona_id"]?.stringValue } == expectedPersonas)
                #expect(personas["total_count"] == .number(Double(expectedPersonas.count)))
                #expect(personas["data"]?.arrayValue?.allSatisfy { $0["persona_type"] == nil } == true, "items carry no type")

                let replicas = try json(await sandbox.raw("/v2/replicas?limit=100&replica_type=\(type.rawValue)").body)
                let expectedReplicas = sandbox.replicas.filter { $0.type == type }.map(\.id)
                #expect(replicas["data"]?.arrayValue?.compactMap { $0["replica_id"]?.stringValue } == expectedReplicas)
                #expect(replicas["total_count"] == .number(Double(expectedReplicas.count)))
                #expect(!expectedPersonas.isEmpty && !expectedReplicas.isEmpty)
            }
            for (path, parameter) in [("/v2/personas", "persona_type"), ("/v2/replicas", "replica_type")] {
                let (status, body, _) = try await sandbox.raw("\(path)?\(parameter)=stock")
                #expect(status == 400)
                #expect(try json(body)["error"] == .string("Invalid \(parameter)"))
            }
        }
    }

    @Test func replicaIDsFetchABatchInTheOrderGiven() async throws {
        try await withSandbox { sandbox in
            let (a, b, c) = (sandbox.replicas[0].id, sandbox.replicas[4].id, sandbox.replicas[9].id)
            let batch = try json(await sandbox.raw("/v2/replicas?replica_ids=\(c),rffffffffff0,\(a),\(b),\(a)").body)
            #expect(batch["data"]?.arrayValue?.compactMap { $0["replica_id"]?.stringValue } == [c, a, b])
            #expect(batch["total_count"] == .number(3))
            let paged = try await items(sandbox, "/v2/replicas?replica_ids=\(c),\(a),\(b)&limit=2&page=2")
            #expect(paged.compactMap { $0["replica_id"]?.stringValue } == [b])
            #expect(try await items(sandbox, "/v2/replicas?replica_ids=rffffffffff0").isEmpty)
        }
    }

    @Test func oneReplicaFailedAndOneIsTraining() async throws {
        try await withSandbox { sandbox in
            let listed = try await items(sandbox, "/v2/replicas?limit=100")
            let failed = listed.filter { $0["status"] == .string("error") }
            #expect(failed.count == 1)
            let failedID = try #require(failed.first?["replica_id"]?.stringValue)
            let detail = try json(await sandbox.raw("/v2/replicas/\(failedID)").body)
            #expect(detail["error_message"] == .string("Training failed: the video had no clear face"))
            #expect(sandbox.replicas.first { $0.id == failedID }?.errorMessage == "Training failed: the video had no clear face")

            let training = listed.filter { $0["status"] == .string("started") }
            #expect(training.count == 1)
            let progress = try #require(training.first?["training_progress"]?.stringValue)
            #expect(progress.wholeMatch(of: /\d{1,2}\/100/) != nil, "\(progress)")

            for replica in listed where replica["status"] == .string("completed") {
                #expect(replica["training_progress"] == .string("100/100"))
            }
            for replica in listed {
                let id = try #require(replica["replica_id"]?.stringValue)
                #expect(replica["thumbnail_video_url"] == .string("https://cdn.replica.tavus.io/\(id)/thumbnail.mp4"))
                #expect(replica["created_at"]?.stringValue?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/) != nil)
            }
        }
    }

    @Test func objectsHaveExactlyTheDocumentedKeys() async throws {
        try await withSandbox { sandbox in
            for persona in try await items(sandbox, "/v2/personas?limit=100") {
                #expect(keys(persona).subtracting(["objectives_id"]) == Self.personaKeys, "objectives_id only when it has one")
                #expect(keys(persona["layers"]).subtracting(["conversational_flow"]) == ["llm", "tts", "stt", "perception"])
                #expect(persona["layers"]?["llm"]?["model"]?.stringValue?.hasPrefix("tavus-") == true)
                #expect(persona["layers"]?["tts"]?["tts_engine"] == .string("cartesia"))
                #expect(persona["layers"]?["stt"]?["stt_engine"] == .string("tavus-advanced"))
                #expect(persona["layers"]?["perception"]?["perception_model"] == .string("raven-0"))
                #expect(persona["document_ids"]?.arrayValue != nil)
                #expect(persona["document_tags"]?.arrayValue != nil)
                #expect(persona["updated_at"]?.stringValue?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/) != nil)
            }
            let persona = try json(await sandbox.raw("/v2/personas/\(sandbox.personas[0].id)").body)
            #expect(keys(persona).subtracting(["objectives_id"]) == Self.personaKeys.union(["persona_type"]))
            #expect(persona["default_replica_id"] == .string(sandbox.personas[0].defaultReplicaID))

            for replica in try await items(sandbox, "/v2/replicas?limit=100&verbose=true") {
                #expect(keys(replica) == Self.replicaKeys.union(["replica_type", "model_name"]))
            }
            for replica in try await items(sandbox, "/v2/replicas?limit=100") {
                #expect(keys(replica) == Self.replicaKeys)
            }
            let trained = try #require(sandbox.replicas.first { $0.status == .completed })
            let replica = try json(await sandbox.raw("/v2/replicas/\(trained.id)").body)
            #expect(keys(replica) == Self.replicaKeys.union(["updated_at", "error_message"]))
            let verbose = try json(await sandbox.raw("/v2/replicas/\(trained.id)?verbose=true").body)
            #expect(verbose["model_name"] == .string("phoenix-4") && verbose["replica_type"] != nil)
            #expect(replica["error_message"] == .null)
        }
    }

    @Test func unknownIDsAre400() async throws {
        try await withSandbox { sandbox in
            let cases = [
                ("/v2/personas/pffffffffff0", "Invalid persona_id"), ("/v2/personas/p-1%20", "Invalid persona_id"),
                ("/v2/replicas/rffffffffff0", "Invalid replica_id"), ("/v2/replicas/\(sandbox.personas[0].id)", "Invalid replica_id"),
                ("/v2/pals/pffffffffff0", "Invalid pal_id"), ("/v2/faces/rffffffffff0", "Invalid face_id"),
            ]
            for (path, message) in cases {
                let (status, body, _) = try await sandbox.raw(path)
                #expect(status == 400, "\(path)")
                #expect(try json(body) == .object(["error": .string(message)]), "\(path)")
            }
        }
    }

    @Test func palsAndFacesSpeakTheNewerNames() async throws {
        try await withSandbox { sandbox in
            let pals = try await items(sandbox, "/v2/pals?limit=100")
            #expect(pals.compactMap { $0["pal_id"]?.stringValue } == sandbox.personas.map(\.id))
            let renamed = Self.personaKeys.subtracting(["persona_id", "persona_name", "default_replica_id"])
                .union(["pal_id", "pal_name", "default_face_id"])
            for pal in pals {
                #expect(keys(pal).subtracting(["objectives_id"]) == renamed)
            }
            let persona = sandbox.personas[1]
            let pal = try json(await sandbox.raw("/v2/pals/\(persona.id)").body)
            #expect(pal["pal_name"] == .string(persona.name))
            #expect(pal["default_face_id"] == .string(persona.defaultReplicaID))

            let faces = try await items(sandbox, "/v2/faces?limit=100")
            #expect(faces.compactMap { $0["face_id"]?.stringValue } == sandbox.replicas.map(\.id))
            #expect(faces.compactMap { $0["face_name"]?.stringValue } == sandbox.replicas.map(\.name))
            #expect(faces.allSatisfy { $0["replica_id"] == nil && $0["replica_name"] == nil })
            #expect(faces.count { $0["status"] == .string("processing") } == 1)
            #expect(!faces.contains { $0["status"] == .string("started") })

            let failed = try #require(sandbox.replicas.first { $0.status == .error })
            let face = try json(await sandbox.raw("/v2/faces/\(failed.id)").body)
            #expect(face["face_id"] == .string(failed.id))
            #expect(face["error_message"] == .string("Training failed: the video had no clear face"))
            #expect(face["updated_at"]?.stringValue != nil)
        }
    }

    @Test func wrongKeyIs401AndWrongMethodIs405() async throws {
        try await withSandbox { sandbox in
            let persona = sandbox.personas[0].id
            let replica = sandbox.replicas[0].id
            let paths = ["/v2/personas", "/v2/personas/\(persona)", "/v2/pals", "/v2/pals/\(persona)",
                         "/v2/replicas", "/v2/replicas/\(replica)", "/v2/faces", "/v2/faces/\(replica)", "/v2/personas/nope"]
            for path in paths {
                let (status, body, _) = try await sandbox.raw(path, apiKey: "wrong")
                #expect(status == 401, "\(path)")
                #expect(String(decoding: body, as: UTF8.self) == #"{"message":"Invalid access token"}"#)
            }
            for path in paths.dropLast() {
                for method in ["POST", "DELETE"] {
                    let answer = try await sandbox.raw(path, method: method)
                    #expect(answer.status == 405, "\(method) \(path)")
                    #expect(answer.response.value(forHTTPHeaderField: "Allow") == "GET")
                }
            }
            #expect(try await sandbox.raw("/v2/personas/\(persona)/documents").status == 404)
        }
    }

    @Test func faultsLatencyAndRecordingApplyAsToConversations() async throws {
        try await withSandbox { sandbox in
            sandbox.inject(.status(503), times: 1, path: "/v2/personas")
            sandbox.inject(.status(500), times: 1)
            #expect(try await sandbox.raw("/v2/personas").status == 503)
            #expect(try await sandbox.raw("/v2/faces").status == 500)
            #expect(try await sandbox.raw("/v2/personas").status == 200)

            sandbox.inject(.lyingTotal("1000000000000"), times: 1)
            let lying = try json(await sandbox.raw("/v2/replicas?page=2").body)
            #expect(lying["total_count"] == .number(1_000_000_000_000))
            #expect(lying["data"]?.arrayValue?.first?["replica_id"] == .string(sandbox.replicas[0].id))

            sandbox.inject(.truncatedJSON, times: 1, path: "/v2/replicas/")
            let truncated = try await sandbox.raw("/v2/replicas/\(sandbox.replicas[0].id)")
            #expect(truncated.status == 200)
            #expect(throws: (any Error).self) { try json(truncated.body) }

            sandbox.setLatency(milliseconds: 150)
            let start = ContinuousClock.now
            #expect(try await sandbox.raw("/v2/pals").status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(150))

            #expect(sandbox.requests.map(\.path) == [
                "/v2/personas", "/v2/faces", "/v2/personas", "/v2/replicas", "/v2/replicas/\(sandbox.replicas[0].id)", "/v2/pals",
            ])
            #expect(sandbox.requests[3].query == ["page": "2"])
        }
    }

    /// The `data` array of a list answer.
    private func items(_ sandbox: SandboxServer, _ path: String) async throws -> [JSONValue] {
        let (status, body, _) = try await sandbox.raw(path)
        #expect(status == 200, "\(path)")
        return try #require(json(body)["data"]?.arrayValue, "\(path)")
    }

    private func keys(_ value: JSONValue?) -> Set<String> {
        guard case .object(let members) = value else { return [] }
        return Set(members.keys)
    }
}

@Suite struct SandboxPageBaseTests {
    private func ids(_ body: Data) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        return (object["data"] as? [[String: Any]] ?? []).compactMap { $0["persona_id"] as? String }
    }

    @Test func aListCountingFromZeroServesItsFirstItemsAtPageZeroAndAListFromOneRefusesIt() async throws {
        try await withSandbox(SandboxConfiguration(zeroBasedLists: ["personas"])) { sandbox in
            let zero = try await sandbox.raw("/v2/personas?page=0&limit=3")
            #expect(zero.status == 200)
            #expect(try ids(zero.body) == sandbox.personas.prefix(3).map(\.id))
            let one = try await sandbox.raw("/v2/personas?page=1&limit=3")
            #expect(try ids(one.body) == sandbox.personas.dropFirst(3).prefix(3).map(\.id))
            #expect(try await sandbox.raw("/v2/personas?page=-1&limit=3").status == 400)
            #expect(try await sandbox.raw("/v2/replicas?page=0&limit=3").status == 400, "replicas count from 1 here")
        }
    }
}
