/// Where a profile's API key comes from.
public enum KeySource: Equatable, Sendable {
    /// The key itself, written in the config file.
    case literal(String)
    /// A file whose first non-empty line is the key.
    case file(String)
    /// A shell command whose first line of output is the key.
    case command(String)
}

/// One `[profiles.NAME]` table: defaults for the options of the same names.
public struct Profile: Equatable, Sendable {
    public var name: String
    public var baseURL: String?
    public var key: KeySource?
    public var timeout: Double?
    public var limit: Int?
    public var status: String?
    public var watch: Double?

    public init(name: String, baseURL: String? = nil, key: KeySource? = nil, timeout: Double? = nil,
                limit: Int? = nil, status: String? = nil, watch: Double? = nil) {
        self.name = name
        self.baseURL = baseURL
        self.key = key
        self.timeout = timeout
        self.limit = limit
        self.status = status
        self.watch = watch
    }

    /// The longest interval an option or a profile may give, in seconds (24 hours): past it a
    /// timer's milliseconds would no longer fit the terminal's wait.
    public static let longestInterval: Double = 86_400

    /// The keys a profile may hold, in the order the man page lists them.
    public static let knownKeys = ["base_url", "api_key", "api_key_file", "api_key_command", "timeout", "limit", "status", "watch"]
}
