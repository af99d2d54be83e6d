import Foundation

/// Where an account's index lives: one file per account and address, named by a hash of the
/// base URL and the key, so the key itself is written nowhere.
public enum IndexLocation {
    /// `$XDG_CACHE_HOME/tavus-browse`, else `~/.cache/tavus-browse`.
    public static func defaultFolder(environment: [String: String]) -> String {
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            return (cache as NSString).appendingPathComponent("tavus-browse")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/tavus-browse")
    }

    /// `index-<16 hex digits>.sqlite`: the first 8 bytes of SHA-256 of the base URL, a newline
    /// and the key.
    public static func fileName(baseURL: String, apiKey: String) -> String {
        let digest = SHA256.hash(Array((baseURL + "\n" + apiKey).utf8))
        let hex = digest.prefix(8).map { String(format: "%02x", $0) }.joined()
        return "index-\(hex).sqlite"
    }

    /// The default file of an account.
    public static func defaultPath(baseURL: String, apiKey: String, environment: [String: String]) -> String {
        (defaultFolder(environment: environment) as NSString).appendingPathComponent(fileName(baseURL: baseURL, apiKey: apiKey))
    }
}
