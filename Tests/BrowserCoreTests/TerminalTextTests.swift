import BrowserCore
import Testing

@Suite("TerminalText: sanitizing")
struct SanitizeTests {
    @Test func escapeBecomesAVisiblePicture() {
        #expect(TerminalText.sanitize("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(TerminalText.sanitize("\u{1B}[2J") == "␛[2J")
    }

    @Test func c0ControlsBecomePictures() {
        #expect(TerminalText.sanitize("\u{0}") == "\u{2400}")
        #expect(TerminalText.sanitize("bell\u{7}") == "bell\u{2407}")
        #expect(TerminalText.sanitize("\u{8}\u{1F}") == "\u{2408}\u{241F}")
    }

    @Test func deleteAndC1ControlsAreReplaced() {
        #expect(TerminalText.sanitize("x\u{7F}y") == "x\u{2421}y")
        #expect(TerminalText.sanitize("\u{9B}31m") == "\u{FFFD}31m")
        #expect(TerminalText.sanitize("\u{80}\u{85}\u{9F}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func bidiOverridesAndIsolatesAreRemoved() {
        #expect(TerminalText.sanitize("\u{202E}evil") == "evil")
        #expect(TerminalText.sanitize("a\u{202A}b\u{202B}c\u{202C}d\u{202D}e") == "abcde")
        #expect(TerminalText.sanitize("\u{2066}x\u{2067}y\u{2068}z\u{2069}") == "xyz")
        #expect(TerminalText.sanitize("left\u{200E}right\u{200F}") == "leftright")
    }

    @Test func joinersAndOtherInvisibleFormatCharactersAreRemoved() {
        #expect(TerminalText.sanitize("👨\u{200D}👩\u{200D}👧") == "👨👩👧")
        #expect(TerminalText.sanitize("zero\u{200B}width\u{200C}") == "zerowidth")
        #expect(TerminalText.sanitize("\u{FEFF}bom") == "bom")
        #expect(TerminalText.sanitize("soft\u{AD}hyphen") == "softhyphen")
        #expect(TerminalText.sanitize("❤\u{FE0F}") == "❤")
    }

    @Test func tabsAndLineBreaksBecomeSpaces() {
        #expect(TerminalText.sanitize("a\tb") == "a b")
        #expect(TerminalText.sanitize("line1\nline2") == "line1 line2")
        #expect(TerminalText.sanitize("a\r\nb") == "a  b")
        #expect(TerminalText.sanitize("a\rb") == "a b")
    }

    @Test(arguments: ["", "plain", "Hello, World! ~ {}[]|\\^`'\"<>", "0123456789 !#$%&()*+,-./:;=?@_"])
    func plainASCIIIsUntouched(_ text: String) {
        #expect(TerminalText.sanitize(text) == text)
        #expect(Array(TerminalText.sanitize(text).utf8) == Array(text.utf8))
    }

    @Test func printableUnicodeIsKept() {
        let text = "Café Zoë 東京 한국어 Ελληνικά 😀"
        #expect(TerminalText.sanitize(text) == text)
    }

    @Test func noControlCharacterSurvives() {
        let every = String(String.UnicodeScalarView((0...0x2FF).compactMap { Unicode.Scalar(UInt32($0)) }))
        let clean = TerminalText.sanitize(every)
        #expect(!clean.unicodeScalars.contains(where: FrameChecks.isControl))
        #expect(!clean.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200D })
    }

    @Test func keepingNewlinesSanitizesEachLine() {
        #expect(TerminalText.sanitizeKeepingNewlines("one\u{1B}\ntwo\tthree\n\u{202E}four") == "one␛\ntwo three\nfour")
    }
}

@Suite("TerminalText: widths")
struct WidthTests {
    @Test func asciiIsOneColumn() {
        #expect(TerminalText.width("a") == 1)
        #expect(TerminalText.width("hello world") == 11)
        #expect(TerminalText.width("") == 0)
    }

    @Test func cjkIsTwoColumns() {
        #expect(TerminalText.width(of: Character("東")) == 2)
        #expect(TerminalText.width("東京") == 4)
        #expect(TerminalText.width("한국어") == 6)
        #expect(TerminalText.width("オフィス") == 8)
        #expect(TerminalText.width("ＡＢ") == 4)
    }

    @Test func emojiIsTwoColumns() {
        #expect(TerminalText.width(of: Character("😀")) == 2)
        #expect(TerminalText.width("🚀") == 2)
        #expect(TerminalText.width("a🎉b") == 4)
    }

    @Test func combiningMarkIsZeroColumns() {
        #expect(TerminalText.width(of: Unicode.Scalar(0x301)!) == 0)
        #expect(TerminalText.width(of: Character("e\u{301}")) == 1)
        #expect(TerminalText.width("e\u{301}e\u{301}") == 2)
        #expect(TerminalText.width("Zoe\u{308}") == 3)
    }

    @Test func otherScriptsAreOneColumn() {
        #expect(TerminalText.width("Ελληνικά") == 8)
        #expect(TerminalText.width("Привет") == 6)
        #expect(TerminalText.width("…─│") == 3)
    }
}

@Suite("TerminalText: truncate, fit and wrap")
struct TruncateFitWrapTests {
    @Test func shortTextIsKept() {
        #expect(TerminalText.truncate("hello", to: 5) == "hello")
        #expect(TerminalText.truncate("hello", to: 80) == "hello")
        #expect(TerminalText.truncate("東京", to: 4) == "東京")
    }

    @Test func longTextEndsWithAnEllipsisAtExactlyTheWidth() {
        #expect(TerminalText.truncate("hello world", to: 5) == "hell…")
        #expect(TerminalText.truncate("hello world", to: 10) == "hello wor…")
        for columns in 1...11 {
            let cut = TerminalText.truncate("hello world!", to: columns)
            #expect(TerminalText.width(cut) == columns)
            #expect(cut.hasSuffix("…"))
        }
    }

    @Test func zeroOrNegativeColumnsGiveNothing() {
        #expect(TerminalText.truncate("hello", to: 0) == "")
        #expect(TerminalText.truncate("hello", to: -3) == "")
        #expect(TerminalText.fit("hello", to: 0) == "")
    }

    @Test func oneColumnIsJustTheEllipsis() {
        #expect(TerminalText.truncate("ab", to: 1) == "…")
        #expect(TerminalText.truncate("東", to: 1) == "…")
        #expect(TerminalText.truncate("a", to: 1) == "a")
    }

    @Test func wideCharactersThatDoNotFitAreLeftOut() {
        // 5 columns: 東京 (4) and the ellipsis.
        #expect(TerminalText.truncate("東京大阪", to: 5) == "東京…")
        // 4 columns: 京 would end at column 4, leaving no room for the ellipsis.
        #expect(TerminalText.truncate("東京大阪", to: 4) == "東…")
        #expect(TerminalText.width(TerminalText.truncate("東京大阪", to: 4)) == 3)
        #expect(TerminalText.truncate("a東京", to: 3) == "a…")
        #expect(TerminalText.truncate("😀😀😀", to: 4) == "😀…")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}"
        #expect(TerminalText.truncate(text, to: 4) == text)
        #expect(TerminalText.truncate(text, to: 3) == "e\u{301}e\u{301}…")
    }

    @Test func fitPadsOrCutsToExactlyTheWidth() {
        #expect(TerminalText.fit("ab", to: 5) == "ab   ")
        #expect(TerminalText.fit("hello world", to: 5) == "hell…")
        #expect(TerminalText.fit("東京大阪", to: 4) == "東… ")
        #expect(TerminalText.fit("東京", to: 5) == "東京 ")
        for columns in 0...12 {
            for text in ["", "abc", "東京大阪", "a😀b😀c", "Café Zoë"] {
                #expect(TerminalText.width(TerminalText.fit(text, to: columns)) == columns, "\(text) to \(columns)")
            }
        }
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(TerminalText.wrap("hello world foo", to: 11) == ["hello world", "foo"])
        #expect(TerminalText.wrap("hello world foo", to: 5) == ["hello", "world", "foo"])
        #expect(TerminalText.wrap("hello world", to: 80) == ["hello world"])
    }

    @Test func wrapCutsWordsLongerThanALine() {
        #expect(TerminalText.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TerminalText.wrap("ab cdefgh", to: 4) == ["ab", "cdef", "gh"])
    }

    @Test func wrapCountsWideCharacters() {
        #expect(TerminalText.wrap("東京大阪", to: 3) == ["東", "京", "大", "阪"])
        #expect(TerminalText.wrap("東京 大阪 名古屋", to: 9) == ["東京 大阪", "名古屋"])
    }

    @Test func wrapKeepsParagraphs() {
        #expect(TerminalText.wrap("one\n\ntwo", to: 10) == ["one", "", "two"])
        #expect(TerminalText.wrap("", to: 10) == [""])
        #expect(TerminalText.wrap("anything", to: 0) == [])
    }

    @Test func wrappedLinesFitTheWidth() {
        let text = "The participant smiled 😀 and spoke about 東京オフィス and Café Zoë at some length, verylongwordwithoutanyspaces."
        for columns in 2...40 {
            for line in TerminalText.wrap(text, to: columns) {
                #expect(TerminalText.width(line) <= columns, "\(line) at \(columns)")
            }
        }
    }
}
