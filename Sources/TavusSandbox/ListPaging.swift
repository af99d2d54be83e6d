import Foundation

/// The `limit` and `page` of a list request, checked as every list endpoint checks them.
struct ListPaging {
    let limit: Int
    let page: Int
    /// The JSON text written as `total_count` instead of the true count, for the lying-total fault.
    let lyingTotal: String?

    /// With `lyingTotal`, page 1 whatever page was asked for.
    init(_ query: [String: String], lyingTotal: String?) throws(Rejection) {
        guard let limit = Self.positiveInteger(query["limit"], default: 10) else {
            throw Rejection(.message("limit must be a positive integer", status: 400))
        }
        guard let page = lyingTotal == nil ? Self.positiveInteger(query["page"], default: 1) : 1 else {
            throw Rejection(.message("page must be a positive integer", status: 400))
        }
        self.limit = limit
        self.page = page
        self.lyingTotal = lyingTotal
    }

    /// This page of `matching`, as `write` puts items and the `total_count` text into a body.
    func reply<Item>(_ matching: [Item], _ write: ([Item], String) -> Data) -> SandboxReply {
        let (skip, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        let items = overflow || skip >= matching.count ? [] : Array(matching[skip...].prefix(limit))
        return SandboxReply(status: 200, contentType: SandboxReply.jsonType, body: write(items, lyingTotal ?? String(matching.count)))
    }

    /// The `persona_type` or `replica_type` filter: nil when absent, 400 when neither `user` nor `system`.
    static func owner(_ query: [String: String], _ parameter: String) throws(Rejection) -> SandboxOwner? {
        guard let text = query[parameter] else { return nil }
        guard let owner = SandboxOwner(rawValue: text) else {
            throw Rejection(.error("Invalid \(parameter)", status: 400))
        }
        return owner
    }

    /// The value as a whole number of at least 1, the default when absent, nil when invalid.
    private static func positiveInteger(_ text: String?, default value: Int) -> Int? {
        guard let text else { return value }
        guard let number = Int(text), number >= 1 else { return nil }
        return number
    }
}
