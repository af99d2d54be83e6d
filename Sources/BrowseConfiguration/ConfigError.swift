/// Why the configuration cannot be used; the message names the file and never a key.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
