import Foundation

/// Runs `api_key_command` through `/bin/sh -c` and takes the first line of its output as the
/// key. Its environment is ours without `TAVUS_API_KEY`, so a key we hold never reaches it;
/// a failure reports the command's status and stderr, never its output, which may be the key.
public enum KeyCommand {
    public static let timeLimit: Double = 10

    public static func run(_ command: String, environment: [String: String], timeLimit: Double = timeLimit) throws(ConfigError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = environment
        env["TAVUS_API_KEY"] = nil
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let collected = Collected()
        let readers = DispatchGroup()
        // Threads of their own: a reader blocks until every writer of its pipe is gone, and on
        // the shared dispatch pool blocked readers could starve the others.
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            readers.enter()
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOutput: isOutput)
                readers.leave()
            }
        }
        do {
            try process.run()
        } catch {
            throw ConfigError("The key command could not be started: \(error.localizedDescription)")
        }
        guard done.wait(timeout: .now() + timeLimit) == .success else {
            // Foundation starts the shell as the leader of a process group of its own: the whole
            // group goes, so nothing the command started lives on holding the pipes.
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            throw ConfigError("The key command gave no key within \(Int(timeLimit)) s: \(command)")
        }
        // A child that keeps the pipes open after the shell exits must not hold us up.
        _ = readers.wait(timeout: .now() + 1)
        let (out, err) = collected.get()
        let stderr = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = stderr.isEmpty ? "" : ": " + stderr
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with status" : "was killed by signal"
            throw ConfigError("The key command \(how) \(process.terminationStatus)\(detail)")
        }
        let key = String(decoding: out, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !key.isEmpty else { throw ConfigError("The key command printed no key\(detail)") }
        return key
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()

    func set(_ data: Data, isOutput: Bool) {
        lock.withLock { if isOutput { output = data } else { errors = data } }
    }

    func get() -> (Data, Data) {
        lock.withLock { (output, errors) }
    }
}
