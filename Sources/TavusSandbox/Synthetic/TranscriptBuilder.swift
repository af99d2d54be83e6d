import Foundation

/// Cuts a transcript of 4 to 14 turns out of the script that fits the conversation's name.
enum TranscriptBuilder {
    /// The system prompt, then alternating user and assistant turns timed from `joined` and
    /// squeezed into `available` seconds when the call was short. The user's first line gives
    /// the account reference `reference`, so that every transcript holds a phrase of its own.
    static func transcript(
        for name: String, reference: String, from joined: Date, within available: TimeInterval, using random: inout SplitMix64
    ) -> [TranscriptEntry] {
        let script = TranscriptScript.matching(name)
        let spokenTurns = Int.random(in: 3...13, using: &random)
        var lines = spokenLines(script, count: spokenTurns, using: &random)
        lines[0].content += " My account reference is \(reference)."

        var timings: [(offset: Double, duration: Double)] = []
        var clock = Double.random(in: 3...15, using: &random)
        for _ in lines {
            let duration = Double.random(in: 1.5...8, using: &random)
            timings.append((clock, duration))
            clock += duration + Double.random(in: 0.4...2.5, using: &random)
        }
        let scale = clock > 0 ? min(1, max(0, available) * 0.95 / clock) : 1

        var entries = [TranscriptEntry(role: "system", content: script.systemPrompt)]
        let callsATool = random.chance(0.35)
        for (index, (line, timing)) in zip(lines, timings).enumerated() {
            let offset = timing.offset * scale
            if callsATool, index == 1 {
                entries += toolExchange(at: joined.timeIntervalSince1970 + offset, using: &random)
            }
            entries.append(TranscriptEntry(
                role: line.role,
                content: line.content,
                timestamp: rounded(joined.timeIntervalSince1970 + offset, places: 2),
                secondsFromStart: rounded(offset, places: 1),
                duration: rounded(timing.duration * scale, places: 1),
                inferenceID: line.role == "assistant" ? inferenceID(using: &random) : nil
            ))
        }
        return entries
    }

    /// `count` alternating lines starting with the user: the script's opening, then a
    /// random, order-keeping choice of later exchanges; an odd count ends on a user's goodbye.
    private static func spokenLines(
        _ script: TranscriptScript, count: Int, using random: inout SplitMix64
    ) -> [(role: String, content: String)] {
        let exchangeCount = min(count / 2, script.exchanges.count)
        let later = Array(script.exchanges.indices.dropFirst()).shuffled(using: &random).prefix(max(0, exchangeCount - 1))
        let chosen = [0] + later.sorted()
        var lines = chosen.flatMap { index in
            [("user", script.exchanges[index].user), ("assistant", script.exchanges[index].assistant)]
        }
        if count % 2 == 1 {
            lines.append(("user", TranscriptScript.closings.pick(using: &random)))
        }
        return lines
    }

    /// An assistant turn that calls a tool, and the tool's answer, just before the first reply.
    private static func toolExchange(at time: Double, using random: inout SplitMix64) -> [TranscriptEntry] {
        let (name, arguments, answer) = [
            ("lookup_invoice", #"{"invoice":"INV-\#(random.hex(4))"}"#, #"{"status": "paid", "amount": "1,250.00 EUR"}"#),
            ("check_calendar", #"{"day":"tomorrow"}"#, #"{"free": ["10:00", "14:30"]}"#),
            ("search_knowledge_base", #"{"query":"refund policy"}"#, #"{"hits": 2, "top": "Refunds within 30 days"}"#),
        ].pick(using: &random)
        let callID = "call_" + random.hex(8)
        return [
            TranscriptEntry(role: "assistant", content: "", timestamp: rounded(time - 0.8, places: 2),
                            inferenceID: inferenceID(using: &random),
                            toolCalls: [ToolCallEntry(id: callID, name: name, arguments: arguments)]),
            TranscriptEntry(role: "tool", content: answer, timestamp: rounded(time - 0.3, places: 2), toolCallID: callID),
        ]
    }

    private static func inferenceID(using random: inout SplitMix64) -> String {
        [8, 4, 4, 4, 12].map { random.hex($0) }.joined(separator: "-")
    }

    private static func rounded(_ value: Double, places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }
}
