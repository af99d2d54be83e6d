import CNCurses
import BrowserCore

/// The colours and attributes of each style; without colour, attributes alone.
struct Palette {
    private var attributes: [Style: (attr_t, Int16)] = [:]

    init(colors: Bool) {
        for style in Style.allCases {
            attributes[style] = (Self.attribute(style, colors: colors), colors ? Self.pair(style) : 0)
        }
    }

    subscript(style: Style) -> (attr_t, Int16) { attributes[style] ?? (cnc_a_normal(), 0) }

    /// Sets up the colour pairs, on the terminal's own background.
    static func startColors() -> Bool {
        guard has_colors() else { return false }
        start_color()
        use_default_colors()
        for style in Style.allCases {
            let (foreground, background) = colors(style)
            init_pair(pair(style), foreground, background)
        }
        return true
    }

    private static func pair(_ style: Style) -> Int16 { Int16(style.rawValue) + 1 }

    private static func colors(_ style: Style) -> (Int16, Int16) {
        let fallback: Int16 = -1
        switch style {
        case .header: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .headerAccent: return (Int16(COLOR_YELLOW), Int16(COLOR_BLUE))
        case .title: return (Int16(COLOR_CYAN), fallback)
        case .selected: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .statusActive: return (Int16(COLOR_GREEN), fallback)
        case .statusEnded: return (Int16(COLOR_BLUE), fallback)
        case .statusOther, .warning: return (Int16(COLOR_YELLOW), fallback)
        case .error: return (Int16(COLOR_RED), fallback)
        case .info, .link: return (Int16(COLOR_CYAN), fallback)
        case .key: return (Int16(COLOR_YELLOW), fallback)
        case .border: return (Int16(COLOR_CYAN), fallback)
        case .label, .columnHeader: return (Int16(COLOR_MAGENTA), fallback)
        case .roleUser: return (Int16(COLOR_GREEN), fallback)
        case .roleAssistant: return (Int16(COLOR_CYAN), fallback)
        case .roleSystem: return (Int16(COLOR_YELLOW), fallback)
        case .match: return (Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        case .normal, .dim, .bold: return (fallback, fallback)
        }
    }

    private static func attribute(_ style: Style, colors: Bool) -> attr_t {
        switch style {
        case .title, .bold, .columnHeader, .key, .error: return cnc_a_bold()
        case .header, .headerAccent: return colors ? cnc_a_bold() : cnc_a_reverse()
        case .selected: return colors ? cnc_a_bold() : cnc_a_reverse()
        case .dim, .statusEnded: return cnc_a_dim()
        case .link: return cnc_a_underline()
        case .match: return colors ? cnc_a_normal() : cnc_a_underline()
        default: return cnc_a_normal()
        }
    }
}
