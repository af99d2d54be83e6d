import BrowserCore
import Foundation

/// Writes the man page tavus-browse(1) to standard output:
///
///     tavus-man TAVUS_BROWSE_BINARY TEMPLATE
///
/// The template (`man/tavus-browse.1.in`) holds the hand-written sections in man(7) macros.
/// Its placeholders are filled from the program itself, so the page cannot disagree with it:
/// `@VERSION@` from `--version`, `@ABSTRACT@`, `@SYNOPSIS@`, `@OPTIONS@` and `@OPTIONS list@`
/// from the argument definitions (`--experimental-dump-help`), `@KEYS@` from the key table.
/// The page carries no date, so the same program always gives the same page.

struct ManualError: Error, CustomStringConvertible {
    let description: String
}

func main() throws {
    let arguments = CommandLine.arguments.dropFirst()
    guard arguments.count == 2, let binary = arguments.first, let templatePath = arguments.last else {
        throw ManualError(description: "usage: tavus-man TAVUS_BROWSE_BINARY TEMPLATE")
    }
    let tool = try JSONDecoder().decode(ToolInfo.self, from: try run(binary, ["--experimental-dump-help"]))
    let versionLine = String(decoding: try run(binary, ["--version"]), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let version = versionLine.split(separator: " ").last else {
        throw ManualError(description: "\(binary) --version printed nothing")
    }
    let template = try String(contentsOfFile: templatePath, encoding: .utf8)
    let page = try Manual(command: tool.command, version: String(version)).fill(template)
    FileHandle.standardOutput.write(Data(page.utf8))
}

/// Runs `binary` with `arguments` and returns its standard output; a failure is an error.
func run(_ binary: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = "/nonexistent/tavus-man"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ManualError(description: "\(binary) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
    }
    return data
}

/// The part of ArgumentParser's `--experimental-dump-help` JSON that the page uses.
struct ToolInfo: Decodable {
    var command: CommandInfo
}

struct CommandInfo: Decodable {
    var commandName: String
    var abstract: String?
    var shouldDisplay: Bool?
    var subcommands: [CommandInfo]?
    var arguments: [ArgumentInfo]?

    /// The arguments shown in `--help`, in its order.
    var shown: [ArgumentInfo] { (arguments ?? []).filter(\.shouldDisplay) }
}

struct ArgumentInfo: Decodable {
    struct Name: Decodable, Equatable {
        var kind: String
        var name: String

        var spelled: String {
            kind == "long" ? "--" + name : "-" + name
        }
    }

    var kind: String
    var shouldDisplay: Bool
    var isOptional: Bool
    var names: [Name]?
    var preferredName: Name?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    var abstract: String?
    var discussion: String?

    var spelledName: String { (preferredName ?? names?.first).map(\.spelled) ?? "<\(valueName ?? "value")>" }

    /// `--limit n` in bold and italics.
    var term: String {
        let name = names?.map { bold(roff($0.spelled)) }.joined(separator: ", ") ?? italic(roff(valueName ?? "value"))
        guard kind == "option", let valueName else { return name }
        return name + " " + italic(roff(valueName))
    }

    /// The help text, with the default and the values as `--help` gives them.
    var help: String {
        var text = abstract ?? ""
        var notes: [String] = []
        if let allValues, !allValues.allSatisfy({ text.contains($0) }) {
            notes.append("values: " + allValues.joined(separator: ", "))
        }
        if let defaultValue, kind == "option" { notes.append("default: " + defaultValue) }
        if !notes.isEmpty { text += (text.isEmpty ? "" : " ") + "(" + notes.joined(separator: "; ") + ")" }
        if let discussion, !discussion.isEmpty { text += "\n" + discussion }
        return text
    }
}

struct Manual {
    let command: CommandInfo
    let version: String

    func fill(_ template: String) throws -> String {
        var lines = ["." + #"\" tavus-browse(1), made by scripts/man from man/tavus-browse.1.in, the program's"#,
                     "." + #"\" argument definitions and its key table. Edit those, not this file."#]
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(try expand(String(line)))
        }
        let page = lines.joined(separator: "\n")
        if let left = page.range(of: #"@[A-Z]+( [a-z-]+)?@"#, options: .regularExpression) {
            throw ManualError(description: "unknown placeholder \(page[left]) in the template")
        }
        return page.hasSuffix("\n") ? page : page + "\n"
    }

    private func expand(_ line: String) throws -> String {
        switch line {
        case "@SYNOPSIS@": return synopsis()
        case "@OPTIONS@": return options(of: command, besides: [])
        case "@KEYS@": return keys()
        default:
            if line.hasPrefix("@OPTIONS "), line.hasSuffix("@") {
                let name = String(line.dropFirst("@OPTIONS ".count).dropLast())
                guard let subcommand = command.subcommands?.first(where: { $0.commandName == name }) else {
                    throw ManualError(description: "no subcommand \(name) for \(line)")
                }
                return options(of: subcommand, besides: command.shown)
            }
            return line
                .replacingOccurrences(of: "@VERSION@", with: roff(version))
                .replacingOccurrences(of: "@ABSTRACT@", with: roff(command.abstract ?? ""))
        }
    }

    /// One paragraph a command (but ArgumentParser's own `help`, which `--help` stands for):
    /// its name and every option, each bracketed group unbroken.
    private func synopsis() -> String {
        let subcommands = (command.subcommands ?? []).filter { ($0.shouldDisplay ?? true) && $0.commandName != "help" }
        var paragraphs: [String] = []
        for (path, command) in [(command.commandName, command)] + subcommands.map({ (self.command.commandName + " " + $0.commandName, $0) }) {
            var lines = [".PP", bold(roff(path))]
            for argument in command.shown where argument.names != nil {
                var group = bold(roff(argument.spelledName))
                if argument.kind == "option", let valueName = argument.valueName { group += #"\~"# + italic(roff(valueName)) }
                lines.append(argument.isOptional ? "[" + group + "]" : group)
            }
            paragraphs.append(lines.joined(separator: "\n"))
        }
        return paragraphs.joined(separator: "\n")
    }

    /// A tagged paragraph an option; the options it shares with `shared` are named once.
    private func options(of command: CommandInfo, besides shared: [ArgumentInfo]) -> String {
        let sharedNames = shared.compactMap(\.names)
        let common = command.shown.filter { argument in argument.names.map { sharedNames.contains($0) } ?? false }
        let own = command.shown.filter { argument in !(argument.names.map { sharedNames.contains($0) } ?? false) }
        var lines: [String] = []
        if !common.isEmpty {
            lines += [".PP", "Takes " + common.map { bold(roff($0.spelledName)) }.joined(separator: ", ") + " as above, and:"]
        }
        for argument in own {
            lines += [".TP", argument.term]
            lines += argument.help.split(separator: "\n").map { textLine(String($0)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The key table, a subsection a context, as the help overlay shows it.
    private func keys() -> String {
        var lines: [String] = []
        for context in KeyContext.allCases {
            lines += [".SS " + roff(context.title)]
            for binding in KeyMap.bindings where binding.contexts.contains(context) {
                lines += [".TP", bold(roff(binding.label)), textLine(binding.summary)]
            }
        }
        return lines.joined(separator: "\n")
    }
}

func bold(_ text: String) -> String { #"\fB"# + text + #"\fR"# }
func italic(_ text: String) -> String { #"\fI"# + text + #"\fR"# }

/// A line of running text: escaped, and kept from being read as a request.
func textLine(_ text: String) -> String {
    let escaped = roff(text)
    return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? #"\&"# + escaped : escaped
}

/// Text escaped for roff: backslashes, minus signs (so that options copy as typed) and every
/// character outside ASCII as a named Unicode escape, which keeps the page plain ASCII.
func roff(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += #"\e"#
        case "-": out += #"\-"#
        case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
        default: out += #"\[u"# + String(format: "%04X", scalar.value) + "]"
        }
    }
    return out
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("tavus-man: \(error)\n".utf8))
    exit(1)
}
