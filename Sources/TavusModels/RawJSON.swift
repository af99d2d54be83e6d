import Foundation

/// Finds the elements of a top-level array in a JSON object as the exact bytes that came, so
/// they can be printed unchanged (key order and number formatting included).
public enum RawJSON {
    /// nil when `data` is not an object holding `key` as an array, or is malformed on the way.
    public static func elements(ofArray key: String, in data: Data) -> [Data]? {
        let bytes = [UInt8](data)
        var index = 0
        func skipSpace() { while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 } }
        /// Moves past one JSON value; returns false on malformed input.
        func skipValue() -> Bool {
            skipSpace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
                return index <= bytes.count
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipValue() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { index += 1; return true }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                // A number, true, false or null: a run up to whitespace or punctuation, never empty.
                let start = index
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"),
                                             0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                return index > start
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyStart = index
            guard skipValue() else { return nil }
            let name = try? JSONDecoder().decode(String.self, from: Data(bytes[keyStart..<index]))
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            if name == key {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
                index += 1
                var elements: [Data] = []
                while true {
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: "]") { return elements }
                    let start = index
                    guard skipValue() else { return nil }
                    elements.append(Data(bytes[start..<index]))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    switch bytes[index] {
                    case UInt8(ascii: ","):
                        index += 1
                        skipSpace()
                        // A comma must be followed by another element.
                        guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return nil }
                    case UInt8(ascii: "]"):
                        continue
                    default:
                        return nil
                    }
                }
            }
            guard skipValue() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }
}
