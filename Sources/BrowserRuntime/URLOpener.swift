import Foundation
import BrowserCore

/// Hands a URL to `$BROWSER` or `xdg-open`: spawned directly (never through a shell), with its
/// input and output on /dev/null and without the API key in its environment.
public enum URLOpener {
    /// How long to wait for the opener's verdict. `xdg-open` and a browser that hands the URL to
    /// a running one exit at once; a browser that stays open is taken as a success.
    static let verdictWait = DispatchTimeInterval.milliseconds(1500)

    /// nil when a browser was started and did not fail; otherwise what to tell the user.
    /// Blocks for up to `verdictWait`: call it off the screen's thread.
    @Sendable public static func open(_ url: String) -> String? {
        guard case .success(let safe) = URLSafety.check(url) else { return "Not opened: the URL is not a plain http(s) URL" }
        let environment = ProcessInfo.processInfo.environment
        guard let argv = command(for: safe, environment: environment) else { return "No browser found (set $BROWSER): \(safe)" }
        return spawn(argv, environment: environment)
    }

    /// `$BROWSER` may hold several commands separated by `:`; the first one found is used, with
    /// `%s` replaced by the URL or the URL added at the end.
    static func command(for url: String, environment: [String: String]) -> [String]? {
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

    /// How often a start that failed with "text file busy" is tried again, 20 ms apart.
    static let busyRetries = 10

    static func spawn(_ argv: [String], environment: [String: String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let childEnvironment = environment
            .filter { $0.key != "TAVUS_API_KEY" }
            .map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = childEnvironment.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid = pid_t()
        var result = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        // A program file that another process still holds open for writing (one just written,
        // while a fork elsewhere inherited its descriptor) cannot run yet: try again shortly.
        for _ in 0..<Self.busyRetries where result == ETXTBSY {
            usleep(20_000)
            result = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        }
        guard result == 0 else { return "Not opened: could not start \(argv[0]): \(String(cString: strerror(result)))" }
        let verdict = ExitVerdict()
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0, errno == EINTR {}
            verdict.settle(status)
        }
        guard let status = verdict.wait(upTo: verdictWait) else { return nil }
        let program = (argv[0] as NSString).lastPathComponent
        if status & 0x7F != 0 { return "Not opened: \(program) was killed by signal \(status & 0x7F)" }
        let code = (status >> 8) & 0xFF
        return code == 0 ? nil : "Not opened: \(program) exited with status \(code)"
    }
}

/// A child's wait status, handed from the thread that reaps it to the one that asked.
private final class ExitVerdict: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var status: Int32 = 0

    func settle(_ status: Int32) {
        self.status = status
        done.signal()
    }

    /// The status, or nil when the child is still running after `wait`.
    func wait(upTo wait: DispatchTimeInterval) -> Int32? {
        done.wait(timeout: .now() + wait) == .success ? status : nil
    }
}
