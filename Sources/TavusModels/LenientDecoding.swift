extension KeyedDecodingContainer {
    /// A field the docs call a string, read leniently: missing or null gives nil, and a number
    /// or a boolean is kept as its text rather than failing the whole page.
    func lenientString(_ key: Key) -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        if let number = try? decodeIfPresent(Int.self, forKey: key) { return String(number) }
        if let number = try? decodeIfPresent(Double.self, forKey: key) { return String(number) }
        if let flag = try? decodeIfPresent(Bool.self, forKey: key) { return String(flag) }
        return nil
    }

    /// An array of strings, read leniently: missing, null or not an array gives none, and
    /// items that are not text are left out.
    func lenientStrings(_ key: Key) -> [String] {
        ((try? decodeIfPresent([JSONValue].self, forKey: key)) ?? nil)?.compactMap(\.stringValue) ?? []
    }
}

/// Counts from a server: whole numbers in a plausible range, anything else treated as missing.
public enum Count {
    /// More conversations than any account holds; a larger count is a server's mistake.
    public static let maximum = 1_000_000_000_000
    public static let plausible = 0...maximum

    /// `"42"`, `"42.0"` or a JSON number as its text; nil for negative, fractional, huge,
    /// non-finite or non-numeric values.
    public static func read(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let whole = Int(text) { return plausible.contains(whole) ? whole : nil }
        guard let number = Double(text), number.isFinite, number == number.rounded(),
              number >= 0, number <= Double(maximum) else { return nil }
        return Int(number)
    }
}
