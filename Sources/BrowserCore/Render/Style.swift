/// What a cell means; the terminal layer picks colours and attributes for each.
public enum Style: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case bold
    case title
    case header
    /// A word in the header that must stand out (DEMO).
    case headerAccent
    case columnHeader
    case selected
    case statusActive
    case statusEnded
    case statusOther
    case key
    case error
    case warning
    case info
    case border
    case label
    case link
    case roleUser
    case roleAssistant
    case roleSystem
    case match
}
