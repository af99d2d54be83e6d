import Foundation

/// The programs the end-to-end tests drive: the built `tavus-browse` and tmux.
enum Programs {
    /// `TAVUS_BROWSE_BIN` when set; otherwise `tavus-browse` next to the running test bundle,
    /// which SwiftPM builds into the same directory (`.build/<triple>/debug`).
    static func browseBinary() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TAVUS_BROWSE_BIN"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw HarnessError("TAVUS_BROWSE_BIN is \(explicit), which is not an executable file")
            }
            return explicit
        }
        return try builtBinary("tavus-browse", hint: "Build it with `swift build`, or set TAVUS_BROWSE_BIN to its path.")
    }

    /// The executable `name` that SwiftPM built next to the running test bundle.
    static func builtBinary(_ name: String, hint: String = "Build it with `swift build`.") throws -> String {
        var searched: [String] = []
        for directory in candidateDirectories() {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            searched.append(candidate)
        }
        throw HarnessError("The \(name) binary was not found (looked at: \(searched.joined(separator: ", "))). \(hint)")
    }

    /// Directories that may hold the test bundle: from argv[0] and from the main bundle,
    /// with symbolic links resolved, walking out of a `.xctest` bundle directory if needed.
    private static func candidateDirectories() -> [URL] {
        var executables: [URL] = []
        if let first = CommandLine.arguments.first, !first.isEmpty {
            let url = URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            executables.append(url.absoluteURL)
        }
        if let url = Bundle.main.executableURL { executables.append(url) }
        executables.append(Bundle.main.bundleURL)
        var directories: [URL] = []
        for executable in executables {
            for url in [executable, executable.resolvingSymlinksInPath()] {
                var directory = url.deletingLastPathComponent()
                while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
                if !directories.contains(directory) { directories.append(directory) }
            }
        }
        return directories
    }

    /// tmux from `PATH`; the end-to-end tests fail (not skip) without it.
    static func tmux() throws -> String {
        guard let path = ProcessRunner.which("tmux") else {
            throw HarnessError("tmux is not installed (not found on PATH); the end-to-end tests need it: apt-get install -y tmux")
        }
        return path
    }

    /// The UTF-8 locale for the terminal. glibc accepts `C.UTF-8` for the `C.utf8` that
    /// `locale -a` lists.
    static let utf8Locale = "C.UTF-8"

    /// The cache folder of this test process, removed when it exits.
    private static let cacheFolder: String = {
        atexit { try? FileManager.default.removeItem(atPath: "/tmp/tavus-e2e-cache-\(getpid())") }
        return "/tmp/tavus-e2e-cache-\(getpid())"
    }()

    /// The environment of this test process without what would change the program's
    /// behaviour or tmux's: terminal size overrides, an enclosing tmux, the key, the browser.
    static func cleanEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["TMUX", "TMUX_PANE", "LINES", "COLUMNS", "TAVUS_API_KEY", "BROWSER", "NO_COLOR", "LC_ALL", "LANGUAGE", "TAVUS_PROFILE"] {
            environment[name] = nil
        }
        // The developer's own config file must not change what a test sees.
        environment["XDG_CONFIG_HOME"] = "/nonexistent/tavus-browse-tests"
        // Nor may a test write into the developer's cache: `list` writes its pages into the index.
        environment["XDG_CACHE_HOME"] = cacheFolder
        environment["LANG"] = utf8Locale
        environment["TZ"] = "UTC"
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        return environment
    }
}
