import Foundation
@testable import TavusAPI
import TavusSandbox
import Testing

@Suite("Documents, guardrails, objectives and tools, as the client reads them from the sandbox")
struct AccountKindsClientTests {
    @Test func documentsCountTheirPagesFromZero() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let first = try await client.list(Document.self, page: 1, limit: 5)
            #expect(first.items.map(\.id) == sandbox.listed("documents").prefix(5).map(\.id))
            #expect(first.totalCount == 37 && first.totalIsExact)
            #expect(sandbox.requests.last?.query["page"] == "0")
            let failed = try await client.list(Document.self, page: 1, limit: 50, filter: "error")
            #expect(!failed.items.isEmpty && failed.items.allSatisfy { $0.failed && $0.errorMessage?.isEmpty == false })
            let processing = try #require(try await client.list(Document.self, page: 1, limit: 50, filter: "processing").items.first)
            #expect(processing.progress == 40)
        }
    }

    @Test func aTagNarrowsDocumentsAndGuardrailsToTheItemsThatHaveIt() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let pricing = try await client.list(Document.self, page: 1, limit: 50, tag: "pricing")
            #expect(!pricing.items.isEmpty && pricing.items.allSatisfy { $0.tags.contains("pricing") })
            #expect(pricing.totalCount < 37)
            #expect(sandbox.requests.last?.query["tags"] == "pricing")
            let visual = try await client.list(Guardrail.self, page: 1, limit: 50, tag: "visual")
            #expect(!visual.items.isEmpty && visual.items.allSatisfy { $0.tags.contains("visual") })
        }
    }

    @Test func personasAreWiredToTheAccountsOwnItems() async throws {
        try await withSandbox { sandbox in
            let kinds = ["documents", "guardrails", "objectives", "tools"]
            let known = Dictionary(uniqueKeysWithValues: kinds.map { ($0, Set(sandbox.listed($0).map(\.id))) })
            let wiring = sandbox.personas.map(\.wiring)
            #expect(wiring.allSatisfy { Set($0.documentIDs).isSubset(of: known["documents"]!) && Set($0.guardrailIDs).isSubset(of: known["guardrails"]!)
                && Set($0.toolIDs).isSubset(of: known["tools"]!) && $0.objectivesID.map { known["objectives"]!.contains($0) } ?? true })
            #expect(wiring.contains { !$0.documentIDs.isEmpty } && wiring.contains { !$0.toolIDs.isEmpty } && wiring.contains { $0.objectivesID != nil })
        }
    }

    @Test func guardrailsAreAskedForAsIndividualOnes() async throws {
        try await withSandbox { sandbox in
            let page = try await sandbox.client().list(Guardrail.self, page: 1, limit: 50)
            #expect(page.items.count == 23 && page.items.allSatisfy { !$0.prompt.isEmpty })
            #expect(sandbox.requests.last?.query["legacy"] == "false")
        }
    }

    @Test func anObjectivesRecordComesWrappedInData() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let listed = try await client.list(Objectives.self, page: 1, limit: 1).items[0]
            let record = try await client.record(Objectives.self, id: listed.id)
            #expect(record == listed)
            #expect(record.objectives.map(\.name) == ["greet", "budget", "next_step"])
            #expect(record.objectives[0].nextConditional.map(\.objective) == ["next_step"])
            #expect(record.objectives[0].nextConditional.map(\.condition) == ["the participant already has a budget"])
        }
    }

    @Test func aToolKeepsItsHeaderNamesAndNoSecret() async throws {
        try await withSandbox { sandbox in
            let tools = try await sandbox.client().list(Tool.self, page: 1, limit: 50).items
            let api = try #require(tools.first { $0.deliveryType == "api" })
            #expect(api.delivery == "api POST https://api.example.com/tools/lookup_invoice")
            #expect(api.headerNames == ["Authorization", "X-Team"] && api.authType == "bearer")
            #expect(api.timeout == "10")
            #expect(!String(describing: tools).contains(AccountKinds.toolSecret), "a secret kept in the model")
            #expect(tools.first { $0.deliveryType == "app_message" }?.delivery == "app message")
            #expect(api.createdAt.date != nil, "a time without a zone is read as UTC")
            let system = try await sandbox.client().list(Tool.self, page: 1, limit: 50, filter: "system").items
            #expect(system.count == 3 && system.allSatisfy(\.isSystemTool))
        }
    }

    @Test func aPersonasTypeIsTheFilterItsPageWasAskedWith() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let all = try await client.list(Persona.self, page: 1, limit: 50)
            #expect(!all.items.isEmpty && all.items.allSatisfy { $0.personaType.isEmpty }, "blank under all")
            let system = try await client.list(Persona.self, page: 1, limit: 50, filter: "system")
            #expect(!system.items.isEmpty && system.items.allSatisfy { $0.personaType == "system" })
        }
    }

    @Test func replicasAreListedAndReadVerboseWithTheirTypeAndModel() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client()
            let replicas = try await client.list(Replica.self, page: 1, limit: 50).items
            #expect(replicas.allSatisfy { !$0.replicaType.isEmpty && $0.modelName != nil })
            let trained = try #require(replicas.first { $0.status == "completed" })
            #expect(try await client.record(Replica.self, id: trained.id).modelName == "phoenix-4")
            #expect(sandbox.requests.filter { $0.path.hasPrefix("/v2/replicas") }.allSatisfy { $0.query["verbose"] == "true" })
        }
    }
}

@Suite("What the index keeps of a tool")
struct ToolKeptTests {
    @Test func headerValuesAndAuthAreMaskedAndTheRestKept() throws {
        let object = Data("""
            {"tool_id": "t1", "name": "lookup", "delivery": {"type": "api", "url": "https://x.example/t", "method": "POST",
             "headers": {"Authorization": "Bearer sk_live_1", "X-Team": "sales"}, "auth": {"type": "bearer", "token": "sk_live_2"}}}
            """.utf8)
        let kept = Tool.kept(object)
        let text = String(decoding: kept, as: UTF8.self)
        #expect(!text.contains("sk_live") && !text.contains("sales"), "\(text)")
        let tool = try JSONDecoder().decode(Tool.self, from: kept)
        #expect(tool.headerNames == ["Authorization", "X-Team"] && tool.authType == "bearer" && tool.url == "https://x.example/t")
        #expect(!String(decoding: Tool.kept(Data(#"{"auth": "sk_live_3", "delivery": {"auth": "sk_live_4"}}"#.utf8)), as: UTF8.self).contains("sk_live_4"))
        #expect(Tool.kept(Data("not json".utf8)) == Data("{}".utf8))
    }
}
