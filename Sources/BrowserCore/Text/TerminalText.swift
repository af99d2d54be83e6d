import Foundation

/// Untrusted text made safe and measurable for a terminal.
///
/// Widths follow the terminal's cell model: East Asian wide characters and emoji take two
/// columns, combining marks none. Joiners and variation selectors are dropped so that every
/// terminal agrees on the width of what is left.
public enum TerminalText {
    /// Control characters become visible pictures (ESC shows as ␛), newlines and tabs become
    /// spaces, and invisible format characters (bidirectional overrides, joiners) are removed.
    public static func sanitize(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value >= 0x7F {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            case 0x1F3FB...0x1F3FF: continue // skin-tone modifiers: terminals disagree on their width
            default:
                if isInvisibleFormat(scalar) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Bidirectional controls, zero-width joiners/spaces, variation selectors, BOM and other
    /// format characters that a terminal may draw with a width of its own choosing.
    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x0600...0x0605, 0x061C, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x180E,
             0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF, 0xFFF9...0xFFFB,
             0x110BD, 0x110CD, 0x13430...0x1343F, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0000...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    /// Columns a scalar takes: 0 for combining marks, 2 for wide and emoji, else 1.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        if v >= 0x2010, v < 0x2E80, !(0x20D0...0x20FF).contains(v) { return isWide(v) ? 2 : 1 }
        if v >= 0x3100, v < 0xA000 { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    /// Columns a grapheme takes: its widest scalar.
    public static func width(of character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            widest = max(widest, width(of: scalar))
        }
        return widest
    }

    /// Columns a sanitized string takes: the sum of its scalars' widths, as the terminal counts.
    public static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += scalar.value < 0x300 ? 1 : width(of: scalar)
        }
        return total
    }

    /// The end of a sanitized string that fits in `columns` columns: what a prompt shows of a
    /// long text, the newest typing last.
    public static func lastColumns(of text: String, _ columns: Int) -> String {
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars.reversed() {
            let width = width(of: scalar)
            if used + width > columns { break }
            used += width
            kept.append(scalar)
        }
        return String(String.UnicodeScalarView(kept.reversed()))
    }

    /// Cuts to at most `columns` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if text.utf8.count <= columns { return text }
        guard width(text) > columns else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = width(of: scalar)
            if used + w > columns - 1 { break }
            out.append(scalar)
            used += w
        }
        return String(out) + "…"
    }

    /// Pads with spaces (or cuts) to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let pad = columns - width(cut)
        return pad > 0 ? cut + String(repeating: " ", count: pad) : cut
    }

    /// Wraps to lines of at most `columns` columns, breaking at spaces where it can.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let wordWidth = width(String(word))
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= columns {
                    if gap == 1 { line.append(" ") }
                    line += word
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                var scalars = String.UnicodeScalarView()
                lineWidth = 0
                for scalar in word.unicodeScalars {
                    let w = width(of: scalar)
                    if lineWidth + w > columns {
                        lines.append(String(scalars))
                        scalars = String.UnicodeScalarView()
                        lineWidth = 0
                    }
                    scalars.append(scalar)
                    lineWidth += w
                }
                line = String(scalars)
            }
            lines.append(line)
        }
        return lines
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
             0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E,
             0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
             0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC,
             0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension TerminalText {
    /// Like `sanitize`, but keeps line breaks for text that is wrapped line by line.
    /// `text` cut into lines of at most `columns`, each as it is, leading spaces kept (code,
    /// JSON): where `wrap` breaks between words, this breaks anywhere.
    public static func hardWrap(_ text: String, to columns: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var width = 0
        for character in text {
            let next = Self.width(of: character)
            if width + next > max(1, columns), !line.isEmpty {
                lines.append(line)
                line = ""
                width = 0
            }
            line.append(character)
            width += next
        }
        lines.append(line)
        return lines
    }

    public static func sanitizeKeepingNewlines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(separator: "\n")
    }
}
