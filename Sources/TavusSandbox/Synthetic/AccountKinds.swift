import Foundation

/// The kinds the sandbox keeps as the API's JSON, each with its paging, filter and record as
/// `../api` describes them: documents count from 0 and echo `page` and `limit`; guardrails list
/// their older sets unless asked with `legacy=false`; an objectives record comes in `data`;
/// tools' times carry no zone, and their API delivery holds the customer's secrets.
public enum AccountKinds {
    static func all(seed: UInt64) -> [String: SandboxKind] {
        let documents = DocumentGenerator.documents(seed: seed)
        let kinds = [
            SandboxKind(collection: "documents", idField: "document_id", nameField: "document_name", urlField: "document_url",
                        firstPage: 0, filter: ("status", ["started", "processing", "ready", "error"], { $0["status"]?.text }),
                        unlessAsked: nil, filtersByTags: true, echoesPaging: true, wrapsRecord: false, items: documents),
            SandboxKind(collection: "guardrails", idField: "uuid", nameField: "guardrail_name", urlField: nil,
                        firstPage: 1, filter: ("type", ["user", "system"], { $0["tags"] == .strings(["tavus"]) ? "system" : "user" }),
                        unlessAsked: ("legacy", "false", legacyGuardrailSets(seed: seed)), filtersByTags: true,
                        echoesPaging: false, wrapsRecord: false, items: guardrails(seed: seed)),
            SandboxKind(collection: "objectives", idField: "objectives_id", nameField: "objectives_name", urlField: nil,
                        firstPage: 1, filter: nil, unlessAsked: nil, filtersByTags: false, echoesPaging: false, wrapsRecord: true, items: objectives(seed: seed)),
            SandboxKind(collection: "tools", idField: "tool_id", nameField: "name", urlField: nil,
                        firstPage: 1, filter: ("type", ["user", "system", "all"], { $0["is_system_tool"] == .bool(true) ? "system" : "user" }),
                        unlessAsked: nil, filtersByTags: false, echoesPaging: false, wrapsRecord: false, items: tools(seed: seed)),
        ]
        return Dictionary(uniqueKeysWithValues: kinds.map { ($0.collection, $0) })
    }

    /// The header value every API tool sends, a customer's secret that must never show.
    public static let toolSecret = "sk_live_51HsandboxSECRETtoolHeaderValue"

    private static let epoch = Date(timeIntervalSince1970: 1_796_000_000)

    private static func times(_ index: Int, _ random: inout SplitMix64) -> (created: String, updated: String) {
        let updated = epoch.addingTimeInterval(-Double(index) * 43_200 - Double(random.next() % 3_600))
        return (ConversationGenerator.iso8601(updated.addingTimeInterval(-Double(random.next() % 900_000))), ConversationGenerator.iso8601(updated))
    }

    static func guardrails(seed: UInt64) -> [SandboxValue] {
        let rules: [(String, String, String)] = [
            ("No pricing promises", "Never quote a price or a discount that is not on the public pricing page.", "verbal"),
            ("No medical advice", "Do not diagnose or recommend treatment; suggest a professional instead.", "verbal"),
            ("Stay on camera", "If the participant turns the camera away for long, ask whether to continue.", "visual"),
            ("No competitor talk", "Do not discuss competitors by name.", "verbal"),
            ("Calm voice", "Keep a calm tone when the participant raises their voice.", "audio"),
            ("Tavus safety", "Refuse requests for harmful content.", "verbal"),
        ]
        return (0..<23).map { index in
            var random = SplitMix64(seed: seed, salt: "guardrail-\(index)")
            let rule = rules[index % rules.count]
            let (created, updated) = times(index, &random)
            let system = index % rules.count == rules.count - 1
            return .object([
                "uuid": .string("g\(random.hex(10))"),
                "guardrail_name": .string(index < rules.count ? rule.0 : "\(rule.0) \(index / rules.count + 1)"),
                "guardrail_prompt": .string(rule.1),
                "modality": .string(rule.2),
                "tags": .strings(system ? ["tavus"] : ["compliance", rule.2]),
                "callback_url": .string("https://example.com/webhooks/guardrails"),
                "created_at": .string(created), "updated_at": .string(updated),
            ])
        }
    }

    private static func legacyGuardrailSets(seed: UInt64) -> [SandboxValue] {
        [.object(["guardrails_id": .string("gset\(seed % 1000)"), "guardrails_name": .string("Legacy guardrail set"),
                  "data": .array([]), "created_at": .string(ConversationGenerator.iso8601(epoch))])]
    }

    static func objectives(seed: UInt64) -> [SandboxValue] {
        let flows: [(String, [(String, String)])] = [
            ("Sales discovery", [("greet", "Greet the participant and ask their role."),
                                 ("budget", "Find out the budget and the timeline."),
                                 ("next_step", "Agree on a next meeting.")]),
            ("Support triage", [("identify", "Ask for the account email."), ("issue", "Find out what is wrong.")]),
            ("Interview screen", [("intro", "Introduce the role."), ("experience", "Ask about recent experience."),
                                  ("questions", "Invite questions."), ("close", "Explain the next steps.")]),
        ]
        return (0..<7).map { index in
            var random = SplitMix64(seed: seed, salt: "objectives-\(index)")
            let flow = flows[index % flows.count]
            let (created, updated) = times(index, &random)
            let steps = flow.1.enumerated().map { position, step -> SandboxValue in
                let next = position + 1 < flow.1.count ? [flow.1[position + 1].0] : []
                return .object([
                    "objective_name": .string(step.0), "objective_prompt": .string(step.1),
                    "confirmation_mode": .string(position == 0 ? "auto" : "manual"), "modality": .string("verbal"),
                    "output_variables": .strings(position == 1 ? ["budget", "timeline"] : []),
                    "next_required_objectives": .strings(next),
                    "next_conditional_objectives": position == 0 && flow.1.count > 2
                        ? .object([flow.1[2].0: .string("the participant already has a budget")]) : .object([:]),
                ])
            }
            return .object([
                "objectives_id": .string("o\(random.hex(10))"),
                "objectives_name": .string(index < flows.count ? flow.0 : "\(flow.0) \(index / flows.count + 1)"),
                "data": .array(steps), "created_at": .string(created), "updated_at": .string(updated),
            ])
        }
    }

    static func tools(seed: UInt64) -> [SandboxValue] {
        let kinds: [(String, String, Bool)] = [
            ("lookup_invoice", "Look up an invoice by its number.", true),
            ("book_meeting", "Book a meeting in the sales calendar.", true),
            ("show_slide", "Show a slide in the participant's app.", false),
            ("end_call", "End the call.", false),
        ]
        return (0..<13).map { index in
            var random = SplitMix64(seed: seed, salt: "tool-\(index)")
            let kind = kinds[index % kinds.count]
            let (created, updated) = times(index, &random)
            let delivery: SandboxValue = kind.2
                ? .object(["type": .string("api"), "url": .string("https://api.example.com/tools/\(kind.0)"), "method": .string("POST"),
                           "timeout": .int(10), "headers": .object(["Authorization": .string("Bearer \(toolSecret)"), "X-Team": .string("sales")]),
                           "auth": .object(["type": .string("bearer"), "token": .string(toolSecret)])])
                : .object(["type": .string("app_message")])
            let system = kind.0 == "end_call"
            return .object([
                "tool_id": .string("t\(random.hex(10))"),
                "name": .string(index < kinds.count ? kind.0 : "\(kind.0)_\(index / kinds.count + 1)"),
                "description": .string(kind.1),
                "parameters": .object(["type": .string("object"), "properties": .object([
                    "number": .object(["type": .string("string"), "description": .string("What to act on")]),
                ]), "required": .strings(["number"])]),
                "delivery": delivery, "is_system_tool": .bool(system),
                "trigger_type": .string(system ? "system" : "llm"), "origin": .string(system ? "tavus" : "user"),
                "on_call": .string("Say you are looking it up."), "on_resolve": .string("Read the result out."),
                // Times without a zone, as the tools API writes them.
                "created_at": .string(String(created.prefix(19))), "updated_at": .string(String(updated.prefix(19))),
            ])
        }
    }
}
