import Foundation
import Testing

/// The example bodies in `Fixtures/`, copies of the shared API examples.
enum Fixture {
    static let list = "example-list-conversations"
    static let verboseDetail = "example-get-conversation-verbose"

    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }
}

/// Decodes a JSON literal written in a test.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// Whether `date` is the instant `epochSeconds`, to the microsecond: a `Date` is a binary
/// double, so "exactly" means within half a microsecond.
func isInstant(_ date: Date?, _ epochSeconds: Double) -> Bool {
    guard let date else { return false }
    return abs(date.timeIntervalSince1970 - epochSeconds) < 0.000_000_5
}
