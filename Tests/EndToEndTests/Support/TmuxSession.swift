import Foundation

/// A value shared between tasks under a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func get() -> Value { lock.withLock { value } }

    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}

/// The program under test, running in a detached tmux session on a server of its own.
///
/// The program runs through `sh -c` so that its exit status lands in a file when it ends; the
/// shell then sleeps, so the pane (and what the program left on it) stays to be inspected.
final class TmuxSession: Sendable {
    static let sessionName = "e2e"
    static let pollInterval = Duration.milliseconds(50)

    /// 50 ms at first; longer once a wait drags on, so that a loaded machine is not loaded
    /// further by a capture every 50 ms from every test.
    static func pollDelay(after elapsed: Duration) -> Duration {
        if elapsed < .seconds(2) { return pollInterval }
        return elapsed < .seconds(6) ? .milliseconds(100) : .milliseconds(250)
    }
    static let defaultTimeout = Duration.seconds(20)

    let tmux: String
    let socket: String
    let directory: TemporaryDirectory
    private let statusFile: String
    /// The server's socket file, which tmux leaves behind when it exits.
    private let socketPath = Locked<String?>(nil)

    private init(tmux: String, socket: String, directory: TemporaryDirectory) {
        self.tmux = tmux
        self.socket = socket
        self.directory = directory
        self.statusFile = directory.file("exit-status")
    }

    /// Starts `binary arguments` in a `columns`×`rows` pane. `environment` is added to the
    /// program's environment, which never holds `TAVUS_API_KEY` or `BROWSER` unless given here.
    static func start(
        _ binary: String, _ arguments: [String], environment: [String: String] = [:],
        columns: Int = 100, rows: Int = 30
    ) async throws -> TmuxSession {
        let tmux = try Programs.tmux()
        let directory = try TemporaryDirectory(prefix: "tmux")
        let socket = "tavus-e2e-\(getpid())-\(UUID().uuidString.prefix(12).lowercased())"
        let session = TmuxSession(tmux: tmux, socket: socket, directory: directory)

        let wrapper = """
            status_file=$1; shift
            "$@"
            code=$?
            printf '%s\\n' "$code" > "$status_file.tmp" && mv "$status_file.tmp" "$status_file"
            exec sleep 86400
            """
        var command = ["env"]
        for name in ["LINES", "COLUMNS", "TAVUS_API_KEY", "BROWSER", "NO_COLOR", "LC_ALL", "TMUX_TMPDIR"] {
            command += ["-u", name]
        }
        command += ["NCURSES_NO_UTF8_ACS=1", "TZ=UTC", "LANG=\(Programs.utf8Locale)"]
        command += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        command += ["sh", "-c", wrapper, "tavus-e2e-wrapper", session.statusFile, binary] + arguments

        do {
            try await session.command(["-f", "/dev/null", "new-session", "-d", "-s", sessionName,
                                       "-x", String(columns), "-y", String(rows)] + command)
            session.socketPath.set(try await session.command(["display-message", "-p", "#{socket_path}"])
                .trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            await session.kill()
            throw error
        }
        return session
    }

    /// Runs a tmux command against this session's server; throws when tmux fails.
    @discardableResult
    func command(_ arguments: [String]) async throws -> String {
        let result = try await ProcessRunner.run(tmux, ["-L", socket] + arguments,
                                                 environment: Programs.cleanEnvironment(), timeout: .seconds(20))
        guard result.status == 0, !result.killedBySignal else {
            throw HarnessError("tmux \(arguments.joined(separator: " ")) failed with status \(result.status): \(result.standardError)")
        }
        return result.standardOutput
    }

    // MARK: Looking

    /// The pane as text (`colors`: with the escape sequences of its colours and attributes).
    func capture(colors: Bool = false) async throws -> Screen {
        Screen(try await command(["capture-pane", "-p"] + (colors ? ["-e"] : []) + ["-t", Self.sessionName]))
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`.
    func display(_ format: String) async throws -> String {
        try await command(["display-message", "-p", "-t", Self.sessionName, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `predicate` holds and returns that screen. On timeout it throws
    /// with the last screen, so the failure shows what was there instead.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = defaultTimeout, _ predicate: (Screen) -> Bool
    ) async throws -> Screen {
        let start = ContinuousClock.now
        let deadline = start + timeout
        var screen = try await capture()
        while !predicate(screen) {
            guard ContinuousClock.now < deadline else {
                let exited = exitStatus().map { "\nThe program has exited with status \($0)." } ?? ""
                throw HarnessError("Timed out after \(timeout) waiting for \(what).\(exited)\nThe screen:\n\(screen)")
            }
            try await Task.sleep(for: Self.pollDelay(after: ContinuousClock.now - start))
            screen = try await capture()
        }
        return screen
    }

    /// Waits until the text is on screen.
    @discardableResult
    func waitFor(text: String, timeout: Duration = defaultTimeout) async throws -> Screen {
        try await waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the regular expression matches somewhere on screen.
    @discardableResult
    func waitFor(regex pattern: String, timeout: Duration = defaultTimeout) async throws -> Screen {
        _ = try Regex(pattern)
        return try await waitFor("/\(pattern)/", timeout: timeout) { $0.matches(pattern) }
    }

    // MARK: Acting

    /// Sends keys by tmux name (`Enter`, `Escape`, `Up`) or single characters (`n`, `?`).
    func press(_ keys: String...) async throws {
        try await command(["send-keys", "-t", Self.sessionName] + keys)
    }

    /// Sends bytes as they are, as a terminal sends a sequence in one write.
    func send(bytes: [UInt8]) async throws {
        try await command(["send-keys", "-t", Self.sessionName, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Resizes the window (and so the pane) as a user resizing the terminal would.
    func resize(columns: Int, rows: Int) async throws {
        try await command(["resize-window", "-t", Self.sessionName, "-x", String(columns), "-y", String(rows)])
    }

    /// The pid of the program: the child of the wrapper shell that is the pane's process.
    func programPID() async throws -> pid_t {
        let pids = try await programPIDs()
        guard pids.count == 1, let pid = pids.first else {
            throw HarnessError("expected one child of the pane's shell, found \(pids)")
        }
        return pid
    }

    // MARK: Ending

    /// The program's exit status, once it has ended.
    func exitStatus() -> Int32? {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(timeout: Duration = defaultTimeout) async throws -> Int32 {
        let start = ContinuousClock.now
        let deadline = start + timeout
        while true {
            if let status = exitStatus() { return status }
            guard ContinuousClock.now < deadline else {
                let screen = (try? await capture()).map { "\n\($0)" } ?? ""
                throw HarnessError("Timed out after \(timeout) waiting for the program to exit.\(screen)")
            }
            try await Task.sleep(for: Self.pollDelay(after: ContinuousClock.now - start))
        }
    }

    /// Ends the tmux server (its hang-up ends the program) and removes the temporary files.
    /// Never throws: it runs on the way out of failing tests too.
    func kill() async {
        let children = try? await programPIDs()
        _ = try? await ProcessRunner.run(tmux, ["-L", socket, "kill-server"],
                                         environment: Programs.cleanEnvironment(), timeout: .seconds(10))
        for pid in children ?? [] {
            let deadline = ContinuousClock.now + .seconds(3)
            while Self.isRunning(pid), ContinuousClock.now < deadline {
                try? await Task.sleep(for: Self.pollInterval)
            }
            if Self.isRunning(pid) { Foundation.kill(pid, SIGKILL) }
        }
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        let path = socketPath.get() ?? "\(directory)/tmux-\(getuid())/\(socket)"
        if path.hasSuffix("/" + socket) { unlink(path) }
        self.directory.remove()
    }

    /// Whether the process exists and is not a zombie waiting to be reaped.
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return Foundation.kill(pid, 0) == 0 }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// The children of the pane's shell: the program while it runs.
    private func programPIDs() async throws -> [pid_t] {
        let shell = try await display("#{pane_pid}")
        let pgrep = ProcessRunner.which("pgrep") ?? "/usr/bin/pgrep"
        let result = try await ProcessRunner.run(pgrep, ["-P", shell], environment: Programs.cleanEnvironment())
        return result.standardOutput.split(whereSeparator: \.isNewline).compactMap { pid_t($0) }
    }
}
