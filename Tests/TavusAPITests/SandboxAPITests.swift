import Foundation
import TavusAPI
import TavusSandbox
import Testing

@Suite("The sandbox's HTTP answers")
struct SandboxAPITests {
    @Test func listDefaultsAndOrder() async throws {
        try await withSandbox { sandbox in
            let (status, body, response) = try await sandbox.raw("/v2/conversations")
            #expect(status == 200)
            #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json")
            let page = try JSONDecoder().decode(ConversationListBody.self, from: body)
            #expect(page.totalCount == 300)
            #expect(page.data == Array(sandbox.conversations.prefix(10)))
            let created = sandbox.conversations.compactMap(\.createdAt.date)
            #expect(created.count == 300)
            #expect(created == created.sorted(by: >))
        }
    }

    @Test func everyItemHasTheNineDocumentedKeysUnderTheOldNamesOrTheNew() async throws {
        try await withSandbox { sandbox in
            let body = try await sandbox.raw("/v2/conversations?limit=50").body
            let items = try #require(json(body)["data"]?.arrayValue)
            #expect(items.count == 50)
            let common: Set<String> = ["conversation_id", "conversation_name", "status", "conversation_url", "callback_url",
                                       "created_at", "updated_at"]
            var newNames = 0
            for item in items {
                guard case .object(let members) = item else {
                    Issue.record("not an object")
                    continue
                }
                let keys = Set(members.keys)
                #expect(keys == common.union(["replica_id", "persona_id"]) || keys == common.union(["face_id", "pal_id"]), "\(keys)")
                if keys.contains("pal_id") { newNames += 1 }
            }
            // Rows of one account mix the names, never both on one row.
            #expect((5...45).contains(newNames), "\(newNames) of 50 rows with the new names")
        }
    }

    @Test func badParametersAre400() async throws {
        try await withSandbox { sandbox in
            for query in ["limit=0", "limit=-3", "limit=ten", "page=0", "page=-1", "page=1.5"] {
                let (status, body, _) = try await sandbox.raw("/v2/conversations?\(query)")
                #expect(status == 400, "\(query)")
                #expect(try json(body)["message"]?.stringValue != nil, "\(query)")
            }
            for query in ["status=paused", "status=", "status=ACTIVE"] {
                let (status, body, _) = try await sandbox.raw("/v2/conversations?\(query)")
                #expect(status == 400, "\(query)")
                #expect(try json(body)["error"] == .string("Invalid status"))
            }
            let (status, body, _) = try await sandbox.raw("/v2/conversations/c12-34")
            #expect(status == 400)
            #expect(try json(body)["error"] == .string("Invalid conversation_id"))
        }
    }

    @Test func wrongKeyIs401Everywhere() async throws {
        try await withSandbox { sandbox in
            for path in ["/v2/conversations", "/v2/conversations/c1", "/nowhere"] {
                let (status, body, response) = try await sandbox.raw(path, apiKey: "wrong")
                #expect(status == 401)
                #expect(String(decoding: body, as: UTF8.self) == #"{"message":"Invalid access token"}"#)
                #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json")
            }
            #expect(sandbox.requestCount == 3)
        }
    }

    @Test func unknownPathsAndMethods() async throws {
        try await withSandbox { sandbox in
            let id = sandbox.conversations[0].id
            #expect(try await sandbox.raw("/v1/conversations").status == 404)
            #expect(try await sandbox.raw("/v2/conversations/\(id)/transcript").status == 404)
            let notFound = try await sandbox.raw("/v2/conversations/cffffffffffffff0")
            #expect(notFound.status == 400, "the API's answer for an unknown id")
            #expect(try json(notFound.body)["error"] == .string("Invalid conversation_id"))

            let post = try await sandbox.raw("/v2/conversations", method: "POST")
            #expect(post.status == 405)
            #expect(post.response.value(forHTTPHeaderField: "Allow") == "GET")
            #expect(try await sandbox.raw("/v2/conversations/\(id)", method: "PUT").status == 405)
            #expect(try await sandbox.raw("/v2/conversations/\(id)/end").status == 405)
        }
    }

    @Test func sameSeedSameData() async throws {
        let first = try await withSandbox(SandboxConfiguration(count: 40, seed: 7)) { $0.conversations }
        let second = try await withSandbox(SandboxConfiguration(count: 40, seed: 7)) { $0.conversations }
        let other = try await withSandbox(SandboxConfiguration(count: 40, seed: 8)) { $0.conversations }
        #expect(first.count == 40)
        #expect(first == second)
        #expect(first != other)
    }

    @Test func syntheticDataLooksReal() async throws {
        try await withSandbox { sandbox in
            let all = sandbox.conversations
            #expect(Set(all.map(\.id)).count == all.count)
            let active = all.count { $0.status == .active }
            #expect((45...75).contains(active), "active: \(active)")
            #expect(all.contains { $0.status == .other("error") })
            #expect(all.contains { $0.callbackURL == nil })
            #expect(all.contains { $0.personaID == nil })
            #expect(all.contains { $0.name.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
            #expect(all.contains { $0.name.unicodeScalars.contains { (0x0590...0x06FF).contains($0.value) } })
            #expect(all.contains { $0.name.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } })
            let reference = Date(timeIntervalSince1970: 1_795_176_000)
            for conversation in all {
                #expect(conversation.id.wholeMatch(of: /c[0-9a-f]{15}/) != nil)
                #expect(conversation.url == "https://tavus.daily.co/\(conversation.id)")
                #expect(conversation.replicaID?.wholeMatch(of: /r[0-9a-f]{11}/) != nil)
                let created = try #require(conversation.createdAt.date)
                let updated = try #require(conversation.updatedAt.date)
                #expect(created < reference && created > reference.addingTimeInterval(-91 * 86_400))
                #expect(updated > created)
                #expect(conversation.createdAt.raw.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/) != nil)
            }
        }
    }

    @Test func verboseEventsFollowTheExampleLayout() async throws {
        try await withSandbox { sandbox in
            var withEvents = 0
            var empty = 0
            for conversation in sandbox.conversations.filter({ $0.status == .ended }).prefix(40) {
                let object = try json(await sandbox.raw("/v2/conversations/\(conversation.id)?verbose=true").body)
                let events = try #require(object["events"]?.arrayValue)
                if events.isEmpty {
                    empty += 1
                    continue
                }
                withEvents += 1
                let join = object["pal_id"] != nil ? "system.pal_joined" : "system.replica_joined"
                #expect(events.prefix(3).map { $0["event_type"]?.stringValue } == [
                    join, "system.shutdown", "application.transcription_ready",
                ])
                for event in events {
                    #expect(event["conversation_id"] == .string(conversation.id))
                    #expect(event["message_type"]?.stringValue.map { ["system", "application"].contains($0) } == true)
                    #expect(Timestamp(raw: event["timestamp"]?.stringValue ?? "").date != nil)
                }
                #expect(events[1]["properties"]?["shutdown_reason"]?.stringValue != nil)
                let turns = try #require(events[2]["properties"]?["transcript"]?.arrayValue)
                #expect((4...16).contains(turns.count))
                #expect(turns[0]["role"] == .string("system"))
                for turn in turns.dropFirst() {
                    #expect(turn["timestamp"]?.doubleValue != nil)
                    // Spoken turns have their timing; a tool call and its answer only a timestamp.
                    if turn["tool_calls"] == nil, turn["role"] != .string("tool") {
                        #expect(turn["seconds_from_start"]?.doubleValue != nil)
                        #expect(turn["duration"]?.doubleValue != nil)
                    }
                }
            }
            #expect(withEvents >= 25)
            #expect(empty >= 1)
        }
    }

    @Test func verboseForActiveHasOnlyTheJoin() async throws {
        try await withSandbox { sandbox in
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            let object = try json(await sandbox.raw("/v2/conversations/\(active.id)?verbose=true").body)
            let join = object["pal_id"] != nil ? "system.pal_joined" : "system.replica_joined"
            #expect(object["events"]?.arrayValue?.map { $0["event_type"] } == [.string(join)])
            let plain = try json(await sandbox.raw("/v2/conversations/\(active.id)").body)
            #expect(plain["events"] == nil)
        }
    }

    @Test func endAndDelete() async throws {
        try await withSandbox { sandbox in
            let active = try #require(sandbox.conversations.first { $0.status == .active })
            let end = try await sandbox.raw("/v2/conversations/\(active.id)/end", method: "POST")
            #expect(end.status == 200)
            let ended = try #require(sandbox.conversations.first { $0.id == active.id })
            #expect(ended.status == .ended)
            #expect(try #require(ended.updatedAt.date) > active.updatedAt.date!)
            let again = try await sandbox.raw("/v2/conversations/\(active.id)/end", method: "POST")
            #expect(again.status == 400)
            #expect(try json(again.body)["error"] == .string("Conversation already ended"))
            #expect(try await sandbox.raw("/v2/conversations/cffffffffffffff0/end", method: "POST").status == 400)

            #expect(try await sandbox.raw("/v2/conversations/\(active.id)", method: "DELETE").status == 204)
            #expect(try await sandbox.raw("/v2/conversations/\(active.id)").status == 400)
            #expect(sandbox.conversations.count == 299)
        }
    }

    @Test func setConversationsReplacesTheData() async throws {
        try await withSandbox { sandbox in
            let hostile = [
                Conversation(id: "c1", name: "\u{1B}[31mred\u{1B}[0m", status: .other("paused"), url: "",
                             createdAt: Timestamp(raw: ""), updatedAt: Timestamp(raw: "")),
                Conversation(id: "c2", name: "مكالمة دعم — ليلى", status: .active, url: "",
                             createdAt: Timestamp(raw: "2025-01-01T00:00:00Z"), updatedAt: Timestamp(raw: "2025-01-01T00:05:00Z")),
            ]
            sandbox.setConversations(hostile)
            #expect(sandbox.conversations.map(\.id) == ["c2", "c1"])
            let page = try JSONDecoder().decode(ConversationListBody.self, from: await sandbox.raw("/v2/conversations").body)
            #expect(page.data == [hostile[1], hostile[0]])
            #expect(page.totalCount == 2)
        }
    }
}
