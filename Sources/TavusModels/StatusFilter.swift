/// The status filter the list endpoint understands; `all` sends no filter.
public enum StatusFilter: String, Sendable, Hashable, CaseIterable {
    case all
    case active
    case ended

    /// The value of the `status` query parameter, or nil for no filter.
    public var queryValue: String? { self == .all ? nil : rawValue }

    /// all → active → ended → all.
    public var next: StatusFilter {
        switch self {
        case .all: .active
        case .active: .ended
        case .ended: .all
        }
    }
}
