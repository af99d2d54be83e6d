/// What identifies a cached page: filter, page number and page size.
public struct PageKey: Sendable, Hashable, CustomStringConvertible {
    public var status: StatusFilter
    public var number: Int
    public var limit: Int

    public init(status: StatusFilter, number: Int, limit: Int) {
        self.status = status
        self.number = number
        self.limit = limit
    }

    public var description: String { "\(status.rawValue) page \(number) (limit \(limit))" }
}
