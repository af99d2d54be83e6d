import Foundation
import BrowserCore
import TavusAPI

/// Micro benchmarks: decoding a 100-conversation page and rendering a 300×100 frame; with
/// `--index-write PATH`, writing pages of 100 into the index at PATH (a copy: it is written to).
/// Prints one line a measurement: name, median, min and max in microseconds.

func conversationsJSON(count: Int, first: Int = 0) -> Data {
    let names = ["Onboarding call - Dana", "面接練習 — 田中さん", "🚀 Launch prep — Northwind", "Café chat with Zoë", "مكالمة دعم — ليلى"]
    var items: [String] = []
    for index in first..<(first + count) {
        let id = String(format: "c%015x", index &* 2_654_435_761)
        items.append("""
            {"conversation_id":"\(id)","conversation_name":"\(names[index % names.count]) #\(index)","status":"\(index % 5 == 0 ? "active" : "ended")",\
            "conversation_url":"https://tavus.daily.co/\(id)","callback_url":\(index % 3 == 0 ? "null" : "\"https://example.com/webhooks/tavus\""),\
            "replica_id":"r90bbd427f71","persona_id":"pcb7a34da5fe","created_at":"\(createdAt(index))","updated_at":"2026-11-10T14:32:12.009871Z"}
            """)
    }
    return Data("{\"data\":[\(items.joined(separator: ","))],\"total_count\":100000}".utf8)
}

/// One conversation a minute from 2026-11-10 on, as an account's list has them.
func createdAt(_ index: Int) -> String {
    ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: 1_794_312_000 + Double(index) * 60))
}

let arguments = Array(CommandLine.arguments.dropFirst())
/// Iterations per measurement: a number among the arguments, else 300.
let iterations = arguments.lazy.compactMap { Int($0) }.first ?? 300

func report(_ name: String, _ samples: [Double]) {
    let samples = samples.sorted()
    print(String(format: "%@\t%.1f\t%.1f\t%.1f", name, samples[samples.count / 2], samples.first!, samples.last!))
}

func measure(_ name: String, _ body: () -> Void) {
    for _ in 0..<max(3, iterations / 10) { body() }
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
    }
    report(name, samples)
}

if let flag = arguments.firstIndex(of: "--index-write"), arguments.indices.contains(flag + 1) {
    try await IndexWriteBench.run(path: arguments[flag + 1], pages: iterations)
    exit(0)
}

let data = conversationsJSON(count: 100)
measure("decode a 100-conversation page (µs)") {
    _ = try! JSONDecoder().decode(ConversationListBody.self, from: data)
}

let body = try! JSONDecoder().decode(ConversationListBody.self, from: data)
let page = ConversationPage(items: body.data, page: 1, limit: 100, status: .all, totalCount: 100_000)
var state = BrowserState(options: .init(limit: 100), size: TerminalSize(rows: 100, columns: 300))
state.page = page
measure("render a 300×100 frame (µs)") {
    _ = render(state)
}
state.detail = DetailState(conversation: page.items[1])
measure("render a 300×100 frame with the detail pane (µs)") {
    _ = render(state)
}
