import Foundation

/// The proxy for a URL, read from the environment as curl reads it: `HTTPS_PROXY` for https,
/// `HTTP_PROXY` for http (each also in lower case, which wins), and `NO_PROXY`: a list of host
/// names, domain suffixes (`.example.com` or `example.com`), `*` for every host, and optional
/// `:port`s. As with curl, loopback addresses are proxied too unless `NO_PROXY` names them.
public struct ProxySettings: Sendable, Hashable {
    public struct Server: Sendable, Hashable {
        public var host: String
        public var port: Int
        /// `user:password` from the proxy URL, for Basic proxy authorization.
        public var credentials: String?
    }

    public var https: Server?
    public var http: Server?
    public var noProxy: [String]

    /// No proxy at all (the local sandbox of `--demo`).
    public static let none = ProxySettings(environment: [:])

    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            let text = environment[name.lowercased()] ?? environment[name]
            return text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        https = value("HTTPS_PROXY").flatMap(Self.server)
        http = value("HTTP_PROXY").flatMap(Self.server)
        noProxy = (value("NO_PROXY") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }

    /// The proxy to use for a request to `url`, or nil to connect directly.
    public func server(for url: URL) -> Server? {
        guard let host = url.host?.lowercased() else { return nil }
        let scheme = url.scheme?.lowercased()
        guard let server = scheme == "https" ? https : scheme == "http" ? http : nil else { return nil }
        if bypasses(host: host, port: url.port ?? Origin.defaultPort(scheme)) { return nil }
        return server
    }

    private func bypasses(host: String, port: Int?) -> Bool {
        let bareHost = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for entry in noProxy {
            if entry == "*" { return true }
            var name = entry
            if let colon = entry.lastIndex(of: ":"), !entry.hasSuffix("]"), entry.filter({ $0 == ":" }).count == 1 {
                guard let entryPort = Int(entry[entry.index(after: colon)...]), entryPort == port else { continue }
                name = String(entry[..<colon])
            }
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            let suffix = name.hasPrefix(".") ? String(name.dropFirst()) : name
            if bareHost == suffix || bareHost.hasSuffix("." + suffix) { return true }
        }
        return false
    }

    /// `http://user:pass@proxy:3128` or `proxy:3128`.
    static func server(_ text: String) -> Server? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let url = URL(string: withScheme), let host = url.host, !host.isEmpty else { return nil }
        let scheme = url.scheme?.lowercased() ?? "http"
        guard scheme == "http" else { return nil }
        let credentials = url.user.map { user in
            (user.removingPercentEncoding ?? user) + ":" + ((url.password?.removingPercentEncoding ?? url.password) ?? "")
        }
        return Server(host: host, port: url.port ?? 80, credentials: credentials)
    }
}
