/// A line for the status bar: what just happened, kept until the next key.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, warning, error }
    public var kind: Kind
    public var text: String
    /// Why the run lacks something it would have had (its index): an answer that comes does
    /// not clear it, only a key does.
    public var outlastsAnswers: Bool

    public init(_ kind: Kind, _ text: String, outlastsAnswers: Bool = false) {
        self.kind = kind
        self.text = text
        self.outlastsAnswers = outlastsAnswers
    }

    /// Whether an answer that comes (a page loaded) clears it: a warning or an error about
    /// an earlier answer, not news or a lasting warning.
    var clearedByAnswers: Bool { kind != .info && !outlastsAnswers }

    public static func info(_ text: String) -> StatusMessage { .init(.info, text) }
    public static func warning(_ text: String) -> StatusMessage { .init(.warning, text) }
    public static func error(_ text: String) -> StatusMessage { .init(.error, text) }
}
