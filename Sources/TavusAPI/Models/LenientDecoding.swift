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
}
