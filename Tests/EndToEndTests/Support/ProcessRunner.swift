import Foundation

/// What a finished child process left behind.
struct ProcessResult: Sendable {
    let status: Int32
    /// True when the child was killed by a signal (`status` is then the signal number).
    let killedBySignal: Bool
    let stdout: Data
    let stderr: Data

    /// From the raw status `waitpid` gives.
    init(waitStatus: Int32, stdout: Data, stderr: Data) {
        let signal = waitStatus & 0x7F
        self.status = signal == 0 ? (waitStatus >> 8) & 0xFF : signal
        self.killedBySignal = signal != 0
        self.stdout = stdout
        self.stderr = stderr
    }

    var standardOutput: String { String(decoding: stdout, as: UTF8.self) }
    var standardError: String { String(decoding: stderr, as: UTF8.self) }
}

/// Failures of the harness itself, with everything needed to see what went wrong.
struct HarnessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs programs without blocking a thread of the cooperative pool while they run: the
/// in-process sandbox shares that pool, so a blocked wait could starve it.
///
/// Children are started with `posix_spawn` directly, with an empty signal mask and default
/// signal actions: a child must not inherit the mask of the (dispatch) thread that starts it,
/// or a tmux server started from here could never see SIGCHLD or SIGTERM.
enum ProcessRunner {
    /// Runs `executable` to the end with exactly `environment` and standard input on /dev/null.
    /// Output goes through temporary files, so a chatty child can never fill a pipe and stall.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        timeout: Duration = .seconds(60)
    ) async throws -> ProcessResult {
        let directory = try TemporaryDirectory(prefix: "run")
        defer { directory.remove() }
        let outPath = directory.file("stdout")
        let errPath = directory.file("stderr")

        let pid = try spawn(executable, arguments, environment: environment, stdout: outPath, stderr: errPath)
        let child = ChildWait(pid)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            child.killForTimeout()
        }
        let status = await child.wait()
        watchdog.cancel()

        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let stderr = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        if child.didTimeOut {
            throw HarnessError("""
                \(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)
                stdout: \(String(decoding: stdout, as: UTF8.self))
                stderr: \(String(decoding: stderr, as: UTF8.self))
                """)
        }
        return ProcessResult(waitStatus: status, stdout: stdout, stderr: stderr)
    }

    /// Runs `executable` as `run` does, and sends it `signal` (SIGKILL unless told) as soon as
    /// `until` holds (asked every 20 ms); the result says whether it was killed or finished first.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], signal: Int32 = SIGKILL,
        killWhen until: @escaping @Sendable () -> Bool, timeout: Duration = .seconds(60)
    ) async throws -> ProcessResult {
        let directory = try TemporaryDirectory(prefix: "kill")
        defer { directory.remove() }
        let pid = try spawn(executable, arguments, environment: environment,
                            stdout: directory.file("stdout"), stderr: directory.file("stderr"))
        let child = ChildWait(pid)
        let killer = Task {
            let deadline = ContinuousClock.now + timeout
            while !until(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            child.send(signal)
        }
        let status = await child.wait()
        killer.cancel()
        let stdout = (try? Data(contentsOf: URL(fileURLWithPath: directory.file("stdout")))) ?? Data()
        let stderr = (try? Data(contentsOf: URL(fileURLWithPath: directory.file("stderr")))) ?? Data()
        return ProcessResult(waitStatus: status, stdout: stdout, stderr: stderr)
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String],
        stdout: String, stderr: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in 1..<32 where number != SIGKILL && number != SIGSTOP {
            sigaddset(&defaults, Int32(number))
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw HarnessError("cannot run \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// The full path of a program found on `PATH`, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Waits for one child on a thread of its own (never on the cooperative pool).
private final class ChildWait: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var finished = false
    private var timedOut = false

    init(_ pid: pid_t) {
        self.pid = pid
    }

    var didTimeOut: Bool { lock.withLock { timedOut } }

    /// The raw wait status.
    func wait() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let thread = Thread { [self] in
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                lock.withLock { finished = true }
                continuation.resume(returning: status)
            }
            thread.start()
        }
    }

    /// Sends `signal` unless the child has already been waited for.
    func send(_ signal: Int32) {
        lock.withLock {
            guard !finished else { return }
            _ = kill(pid, signal)
        }
    }

    func killForTimeout() {
        lock.withLock {
            guard !finished else { return }
            timedOut = true
            kill(pid, SIGKILL)
        }
    }
}

/// A fresh directory under the system's temporary directory, with a path free of spaces and
/// colons (it may end up in `$BROWSER`, which is split on both).
struct TemporaryDirectory: Sendable {
    let url: URL

    init(prefix: String) throws {
        let name = "tavus-e2e-\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        url = URL(fileURLWithPath: "/tmp").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A script `name` in the folder, made executable. Its file is opened close-on-exec: a
    /// file written the usual way stays open for writing in every program another test starts
    /// meanwhile, and cannot be run ("text file busy") for as long as that program runs.
    func executable(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw HarnessError("cannot make \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw HarnessError("cannot write \(path): \(String(cString: strerror(errno)))") }
            written += count
        }
        return path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
