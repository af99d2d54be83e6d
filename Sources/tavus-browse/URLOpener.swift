import Foundation
import BrowserCore

/// Hands a URL to `$BROWSER` or `xdg-open`: spawned directly (never through a shell), with its
/// input and output on /dev/null and without the API key in its environment.
enum URLOpener {
    /// nil when a browser was started; otherwise what to tell the user.
    static func open(_ url: String) -> String? {
        guard case .success(let safe) = URLSafety.check(url) else { return "Not opened: the URL is not a plain http(s) URL" }
        guard let argv = command(for: safe) else { return "No browser found (set $BROWSER): \(safe)" }
        return spawn(argv)
    }

    /// `$BROWSER` may hold several commands separated by `:`; the first one found is used, with
    /// `%s` replaced by the URL or the URL added at the end.
    static func command(for url: String) -> [String]? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [[String]] = []
        if let browser = environment["BROWSER"], !browser.isEmpty {
            for entry in browser.split(separator: ":") {
                let words = entry.split(separator: " ").map(String.init)
                if !words.isEmpty { candidates.append(words) }
            }
        }
        candidates.append(["xdg-open"])
        for words in candidates {
            guard let program = resolve(words[0], path: environment["PATH"] ?? "/usr/bin:/bin") else { continue }
            var argv = [program] + words.dropFirst()
            if argv.contains(where: { $0.contains("%s") }) {
                argv = argv.map { $0.replacingOccurrences(of: "%s", with: url) }
            } else {
                argv.append(url)
            }
            return argv
        }
        return nil
    }

    static func resolve(_ program: String, path: String) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private static func spawn(_ argv: [String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let environment = ProcessInfo.processInfo.environment
            .filter { $0.key != "TAVUS_API_KEY" }
            .map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        guard result == 0 else { return "Could not start \(argv[0]): \(String(cString: strerror(result)))" }
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        return nil
    }
}
