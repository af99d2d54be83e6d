/// Who made a persona or replica: the account (`user`) or Tavus, as stock (`system`); the
/// `persona_type` and `replica_type` of the API.
public enum SandboxOwner: String, Sendable, Hashable, CaseIterable {
    case user
    case system
}
