import Foundation

/// A JSON value as the sandbox writes it, for the kinds whose objects it keeps whole: built
/// here, with the field names of the API's own documents, never from the client's types.
indirect enum SandboxValue: Encodable, Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([SandboxValue])
    case object([String: SandboxValue])

    static func int(_ value: Int) -> SandboxValue { .number(Double(value)) }
    static func strings(_ values: [String]) -> SandboxValue { .array(values.map(SandboxValue.string)) }

    subscript(key: String) -> SandboxValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .string(let text): try single.encode(text)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { try single.encode(Int(number)) } else { try single.encode(number) }
        case .bool(let flag): try single.encode(flag)
        case .null: try single.encodeNil()
        case .array(let items): try single.encode(items)
        case .object(let members): try single.encode(members)
        }
    }
}
