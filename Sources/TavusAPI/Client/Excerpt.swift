import Foundation

/// Short, printable excerpts of untrusted text for error messages.
public enum Excerpt {
    /// The start of a body as one clean line: invalid UTF-8 replaced, controls turned to spaces.
    public static func of(_ data: Data, limit: Int = 60) -> String {
        clean(String(decoding: data.prefix(limit * 4), as: UTF8.self), limit: limit)
    }

    /// For a body that is an HTML page (a proxy's or gateway's error page): its title, or
    /// "untitled"; nil for anything else.
    static func htmlPage(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        let start = head.drop { $0.isWhitespace }.prefix(14).lowercased()
        guard ["<!doctype html", "<html", "<head", "<body"].contains(where: start.hasPrefix) else { return nil }
        guard let open = head.range(of: "<title>", options: .caseInsensitive),
              let close = head.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<head.endIndex) else {
            return "untitled"
        }
        let title = clean(String(head[open.upperBound..<close.lowerBound]), limit: 60)
        return title.isEmpty ? "untitled" : title
    }

    public static func clean(_ text: String, limit: Int) -> String {
        var out = ""
        var count = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            if isControl || scalar == " " {
                if !lastWasSpace, !out.isEmpty { out.unicodeScalars.append(" "); count += 1 }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
                count += 1
            }
            if count >= limit { return out.trimmingCharacters(in: .whitespaces) + "…" }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
