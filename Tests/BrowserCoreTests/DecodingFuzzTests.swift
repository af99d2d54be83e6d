import BrowserCore
import Foundation
import TavusAPI
import Testing

/// Random JSON of every type at every field of every response the client reads: each body
/// must decode or fail with a `TavusError`, and what decodes must go through `update` and
/// `render` (header, list, pane) without a trap. A trap ends the test process, so the run fails.
@Suite("Decoding fuzz")
struct DecodingFuzzTests {
    static let seed: UInt64 = 0xDEC0_DE5
    static let valuesPerField = 14

    @Test func listBodies() throws {
        var rng = SplitMix64(seed: Self.seed)
        let template = try Tree.parse(fixture("example-list-conversations"))
        var decoded = 0
        for path in template.paths {
            for _ in 0..<Self.valuesPerField {
                let body = template.replacing(path, with: Tree.random(&rng)).json
                do throws(TavusError) {
                    let page = try TavusClient.decodePage(Data(body.utf8), page: 1, limit: 20, status: .all)
                    decoded += 1
                    var browser = Browser()
                    browser.answer(page)
                    _ = browser.screen
                    browser.press(.enter)
                    _ = browser.screen
                    browser.press(.escape)
                    browser.press(.char("G"))
                    _ = browser.screen
                    #expect(page.pageCount >= page.page, "\(body)")
                    #expect(page.totalCount >= 0, "\(body)")
                } catch {
                    _ = error.description
                }
            }
        }
        #expect(decoded > template.paths.count)
    }

    @Test func verboseRecords() throws {
        var rng = SplitMix64(seed: Self.seed &+ 1)
        let template = try Tree.parse(fixture("example-get-conversation-verbose"))
        var decoded = 0
        for path in template.paths {
            for _ in 0..<Self.valuesPerField {
                let body = template.replacing(path, with: Tree.random(&rng)).json
                do throws(TavusError) {
                    let detail = try TavusClient.decodeDetail(Data(body.utf8))
                    decoded += 1
                    var browser = Browser.showing([Sample.conversation(0)], size: TerminalSize(rows: 40, columns: 150))
                    browser.press(.enter)
                    guard let id = browser.state.detail?.conversation.id else { continue }
                    browser.send(.detailLoaded(id: id, detail))
                    _ = browser.screen
                    browser.press(.end)
                    _ = browser.screen
                } catch {
                    _ = error.description
                }
            }
        }
        #expect(decoded > template.paths.count)
    }

    private func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }
}

/// JSON with numbers kept as text, so a body can carry what Foundation cannot write
/// (`1e400`, `-0`, 20-digit integers).
indirect enum Tree {
    case literal(String)
    case string(String)
    case array([Tree])
    case object([(String, Tree)])

    static func parse(_ data: Data) throws -> Tree {
        try from(JSONDecoder().decode(JSONValue.self, from: data))
    }

    private static func from(_ value: JSONValue) -> Tree {
        switch value {
        case .null: .literal("null")
        case .bool(let flag): .literal(String(flag))
        case .number(let number): .literal(String(number))
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(from))
        case .object(let members): .object(members.sorted { $0.key < $1.key }.map { ($0.key, from($0.value)) })
        }
    }

    /// Every place a value sits: object keys and array indices, at every depth.
    var paths: [[String]] {
        switch self {
        case .literal, .string: return [[]]
        case .array(let items):
            return [[]] + items.enumerated().flatMap { index, item in item.paths.map { ["\(index)"] + $0 } }
        case .object(let members):
            return [[]] + members.flatMap { key, value in value.paths.map { [key] + $0 } }
        }
    }

    func replacing(_ path: [String], with value: Tree) -> Tree {
        guard let head = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch self {
        case .array(var items):
            if let index = Int(head), items.indices.contains(index) { items[index] = items[index].replacing(rest, with: value) }
            return .array(items)
        case .object(let members):
            return .object(members.map { $0.0 == head ? ($0.0, $0.1.replacing(rest, with: value)) : $0 })
        default:
            return self
        }
    }

    var json: String {
        switch self {
        case .literal(let text): return text
        case .string(let text): return Tree.quote(text)
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { Tree.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let numbers = ["0", "-1", "1e19", "-1e19", "1e300", "-1e300", "1e400", "9223372036854775807", "-9223372036854775808",
                          "18446744073709551616", "0.5", "-0", "4.9e-324", "123456789012345678901234567890"]
    static let strings = ["", "NaN", "nan", "inf", "-inf", "Infinity", "1e400", "-5", "\u{1B}[2J\u{1B}]52;c;AAAA\u{07}", "\u{202E}evil",
                          String(repeating: "W", count: 5000), "2025-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
                          "\u{0}", "x", "active", "ended", "system.shutdown", "application.transcription_ready"]

    static func random(_ rng: inout SplitMix64, depth: Int = 0) -> Tree {
        switch Int(rng.next() % (depth > 1 ? 4 : 7)) {
        case 0: return .literal(["null", "true", "false"][Int(rng.next() % 3)])
        case 1: return .literal(numbers[Int(rng.next() % UInt64(numbers.count))])
        case 2, 3: return .string(strings[Int(rng.next() % UInt64(strings.count))])
        case 4: return .array((0..<Int(rng.next() % 4)).map { _ in random(&rng, depth: depth + 1) })
        default:
            let keys = ["role", "content", "seconds_from_start", "event_type", "properties", "transcript", "timestamp", "x"]
            return .object((0..<Int(rng.next() % 4)).map { _ in (keys[Int(rng.next() % UInt64(keys.count))], random(&rng, depth: depth + 1)) })
        }
    }
}
