import Foundation
import Testing

/// The completion scripts cover the browser's options, with values where there is a fixed set
/// and the config file's profiles for `--profile`.
@Suite("Shell completion")
struct CompletionTests {
    @Test("bash, zsh and fish scripts offer --status values and ask the binary for profiles", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) async throws {
        let result = try await runBrowse(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for option in ["profile", "config", "base-url", "status", "limit", "watch", "no-mouse"] {
            #expect(result.standardOutput.contains(option), "\(shell): no \(option)")
        }
        #expect(result.standardOutput.contains("active") && result.standardOutput.contains("ended"))
        #expect(result.standardOutput.contains("---completion -- --profile"), "\(shell)")
    }

    @Test("--profile completes the profiles of the config file")
    func profiles() async throws {
        let home = NSTemporaryDirectory() + "tavus-browse-xdg-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/tavus-browse", withIntermediateDirectories: true)
        try "[profiles.prod]\n[profiles.staging]\n".write(toFile: home + "/tavus-browse/config.toml", atomically: true, encoding: .utf8)
        let all = try await runBrowse(["---completion", "--", "--profile", "2", "0", "tavus-browse", "--profile", ""],
                                      environment: ["XDG_CONFIG_HOME": home])
        #expect(all.standardOutput.split(separator: "\n") == ["prod", "staging"])
        let some = try await runBrowse(["---completion", "--", "--profile", "2", "2", "tavus-browse", "--profile", "st"],
                                       environment: ["XDG_CONFIG_HOME": home])
        #expect(some.standardOutput.split(separator: "\n") == ["staging"])
    }
}
