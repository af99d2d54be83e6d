import Foundation

/// How the sandbox writes JSON: sorted keys keep bodies byte-for-byte the same from run to run.
enum SandboxJSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The values encoded here are plain strings, numbers and arrays, which cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
