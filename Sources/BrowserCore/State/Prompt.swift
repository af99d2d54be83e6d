/// A one-line question at the bottom of the screen that takes the keys until it is answered.
public enum Prompt: Sendable, Hashable {
    /// `/`: filter the loaded rows by name or id as the user types.
    case search(String)
    /// `:`: a page number, a view (`personas`, `replicas`, `conversations`) or `profile NAME`.
    case command(String)
    /// `E`: end this conversation? y/n.
    case confirmEnd(id: String, name: String)
}
