import Foundation

/// The `limit` and `page` of a list request, checked as every list endpoint checks them.
struct ListPaging {
    let limit: Int
    let page: Int
    /// The number of the first page: 1, or 0 for a list that counts from 0.
    let firstPage: Int
    /// The JSON text written as `total_count` instead of the true count, for the lying-total fault.
    let lyingTotal: String?

    /// With `lyingTotal`, the first page whatever page was asked for. A list counting from 1
    /// rejects page 0; one counting from 0 takes it as the first.
    init(_ query: [String: String], lyingTotal: String?, firstPage: Int = 1) throws(Rejection) {
        guard let limit = Self.wholeNumber(query["limit"], atLeast: 1, default: 10) else {
            throw Rejection(.message("limit must be a positive integer", status: 400))
        }
        guard let page = lyingTotal == nil ? Self.wholeNumber(query["page"], atLeast: firstPage, default: firstPage) : firstPage else {
            throw Rejection(.message(firstPage == 0 ? "page must be 0 or more" : "page must be a positive integer", status: 400))
        }
        self.limit = limit
        self.page = page
        self.firstPage = firstPage
        self.lyingTotal = lyingTotal
    }

    /// This page of `matching`, as `write` puts items and the `total_count` text into a body.
    func reply<Item>(_ matching: [Item], _ write: ([Item], String) -> Data) -> SandboxReply {
        let (skip, overflow) = (page - firstPage).multipliedReportingOverflow(by: limit)
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

    /// The value as a whole number of at least `minimum`, the default when absent, nil when invalid.
    private static func wholeNumber(_ text: String?, atLeast minimum: Int, default value: Int) -> Int? {
        guard let text else { return value }
        guard let number = Int(text), number >= minimum else { return nil }
        return number
    }
}
