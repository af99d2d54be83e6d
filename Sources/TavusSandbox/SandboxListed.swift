/// An item of a kind the sandbox keeps as JSON (documents, guardrails, objectives, tools), by
/// what a test looks for on screen.
public struct SandboxListed: Sendable, Hashable {
    public let id: String
    public let name: String
    /// Its `status`, or empty for a kind without one.
    public let status: String
    /// Its URL, if it has one.
    public let url: String?
    /// Its `tags`, for a kind that has them.
    public let tags: [String]

    init(_ value: SandboxValue, id: String, name: String, url: String? = nil) {
        self.id = value[id]?.text ?? ""
        self.name = value[name]?.text ?? ""
        status = value["status"]?.text ?? ""
        self.url = url.flatMap { value[$0]?.text }
        if case .array(let tags)? = value["tags"] { self.tags = tags.compactMap(\.text) } else { tags = [] }
    }
}
