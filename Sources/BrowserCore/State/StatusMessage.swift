/// A line for the status bar: what just happened, kept until the next key.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, warning, error }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func info(_ text: String) -> StatusMessage { .init(.info, text) }
    public static func warning(_ text: String) -> StatusMessage { .init(.warning, text) }
    public static func error(_ text: String) -> StatusMessage { .init(.error, text) }
}
