import Foundation

/// Copying through the terminal itself (OSC 52), which works over SSH and inside tmux.
public enum Clipboard {
    /// The escape sequence that asks the terminal to put `text` on the clipboard.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
