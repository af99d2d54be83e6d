import Foundation

/// How the sandbox writes JSON: sorted keys keep bodies byte-for-byte the same from run to run.
enum SandboxJSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The values encoded here are plain strings, numbers and arrays, which cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// `{"data":[...],"total_count":N}`, put together by hand so that a fault can give any JSON
    /// text as the total; otherwise the same bytes a sorted-keys encoding gives.
    /// `extra` members (`page`, `limit`) go between `data` and `total_count`, in sorted order.
    static func list(_ items: some Encodable, totalCountJSON: String, extra: [String: SandboxValue] = [:]) -> Data {
        var body = Data(#"{"data":"#.utf8)
        body.append(encode(items))
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) {
            body.append(contentsOf: ",\"\(name)\":".utf8)
            body.append(encode(value))
        }
        body.append(contentsOf: #","total_count":"#.utf8)
        body.append(contentsOf: totalCountJSON.utf8)
        body.append(contentsOf: "}".utf8)
        return body
    }
}
