#!/usr/bin/env python3
"""Renders a terminal capture to a PNG on an exact character grid.

Input is what `tmux capture-pane -p -e` prints: text with SGR colour sequences, whose
attributes carry over from one line to the next.

    scripts/screenshot.py capture.ans -o shot.png --cols 110 --rows 32 [--font-size 18]

Every cell sits on a fixed grid. Wide characters (CJK, emoji) take exactly two cells, light
box-drawing lines are drawn as geometry so borders join without gaps, emoji come from
Noto Color Emoji and CJK from Noto Sans Mono CJK when those fonts are installed.

Needs:  pip install pillow
        apt-get install -y fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
MONO = {
    (False, False): DEJAVU + "DejaVuSansMono.ttf",
    (True, False): DEJAVU + "DejaVuSansMono-Bold.ttf",
    (False, True): DEJAVU + "DejaVuSansMono-Oblique.ttf",
    (True, True): DEJAVU + "DejaVuSansMono-BoldOblique.ttf",
}
SANS = DEJAVU + "DejaVuSans.ttf"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_FACE = "Noto Sans Mono CJK JP"
EMOJI = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
EMOJI_SIZE = 109  # a bitmap font: this is its only size

# A dark theme: background, foreground and the 16 ANSI colours.
BACKGROUND = (0x1E, 0x1E, 0x1E)
FOREGROUND = (0xCC, 0xCC, 0xCC)
ANSI = [
    (0x00, 0x00, 0x00), (0xCD, 0x31, 0x31), (0x0D, 0xBC, 0x79), (0xE5, 0xE5, 0x10),
    (0x24, 0x72, 0xC8), (0xBC, 0x3F, 0xBC), (0x11, 0xA8, 0xCD), (0xE5, 0xE5, 0xE5),
    (0x66, 0x66, 0x66), (0xF1, 0x4C, 0x4C), (0x23, 0xD1, 0x8B), (0xF5, 0xF5, 0x43),
    (0x3B, 0x8E, 0xEA), (0xD6, 0x70, 0xD6), (0x29, 0xB8, 0xDB), (0xFF, 0xFF, 0xFF),
]

# DEC special graphics, for cells tmux marks as line drawing (between SO and SI).
DEC_GRAPHICS = dict(zip("jklmnqtuvwx`afgy z{|}~", "┘┐┌└┼─├┤┴┬│◆▒°±≤ ≥π≠£·"))

# Light box-drawing characters as the cell edges they join: up, down, left, right.
BOX = {
    "─": "lr", "│": "ud", "┌": "dr", "┐": "dl", "└": "ur", "┘": "ul",
    "├": "udr", "┤": "udl", "┬": "dlr", "┴": "ulr", "┼": "udlr",
    "╴": "l", "╵": "u", "╶": "r", "╷": "d",
}


def color256(n: int) -> tuple[int, int, int]:
    if n < 16:
        return ANSI[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    level = 8 + (n - 232) * 10
    return level, level, level


def cell_width(ch: str) -> int:
    """Columns a character takes, as terminals count them."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


class Cell:
    __slots__ = ("text", "fg", "bg", "bold", "dim", "italic", "underline", "reverse", "wide")

    def __init__(self, text=" ", style=None, wide=False):
        self.text = text
        self.wide = wide
        style = style or Style()
        self.fg, self.bg = style.fg, style.bg
        self.bold, self.dim, self.italic = style.bold, style.dim, style.italic
        self.underline, self.reverse = style.underline, style.reverse


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def apply(self, params: str):
        codes = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = ANSI[c - 30]
            elif 90 <= c <= 97:
                self.fg = ANSI[c - 90 + 8]
            elif c == 39:
                self.fg = None
            elif 40 <= c <= 47:
                self.bg = ANSI[c - 40]
            elif 100 <= c <= 107:
                self.bg = ANSI[c - 100 + 8]
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                value = None
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    value = color256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    value = tuple(codes[i + 2:i + 5])
                    i += 4
                if c == 38:
                    self.fg = value
                else:
                    self.bg = value
            i += 1


TOKEN = re.compile(r"\x1b\[([0-9;:?]*)([A-Za-z])|\x1b[()][0-9A-Za-z]|\x1b.|[\x0e\x0f]|.", re.S)


def parse(capture: str, cols: int, rows: int) -> list[list[Cell]]:
    """The grid of cells a capture describes; attributes carry across lines as tmux writes them."""
    grid = [[Cell() for _ in range(cols)] for _ in range(rows)]
    style = Style()
    shifted = False
    for y, line in enumerate(capture.rstrip("\n").split("\n")[:rows]):
        x = 0
        for match in TOKEN.finditer(line):
            token = match.group(0)
            if match.group(2) is not None:
                if match.group(2) == "m":
                    style.apply(match.group(1))
                continue
            if token == "\x0e":
                shifted = True
                continue
            if token == "\x0f":
                shifted = False
                continue
            if token.startswith("\x1b") or token < " ":
                continue
            ch = DEC_GRAPHICS.get(token, token) if shifted else token
            width = cell_width(ch)
            if width == 0:
                if x > 0:
                    grid[y][x - 1].text += ch
                continue
            if x + width > cols:
                break
            grid[y][x] = Cell(ch, style, wide=width == 2)
            if width == 2:
                grid[y][x + 1] = Cell("", style)
            x += width
    return grid


class Renderer:
    def __init__(self, font_size: int = 18):
        self.size = font_size
        self.mono = {key: ImageFont.truetype(path, font_size) for key, path in MONO.items()}
        regular = self.mono[(False, False)]
        self.fallbacks = [regular]
        if os.path.exists(SANS):
            self.fallbacks.append(ImageFont.truetype(SANS, font_size))
        cjk = self._cjk_font(font_size)
        if cjk:
            self.fallbacks.append(cjk)
        self.emoji = ImageFont.truetype(EMOJI, EMOJI_SIZE) if os.path.exists(EMOJI) else None
        ascent, descent = regular.getmetrics()
        self.cw = round(regular.getlength("M"))
        self.ch = ascent + descent + 2
        self.baseline = ascent + 1
        self.stroke = max(1, round(font_size / 12))

    @staticmethod
    def _cjk_font(size):
        if not os.path.exists(CJK):
            return None
        for index in range(12):
            try:
                font = ImageFont.truetype(CJK, size, index=index)
            except OSError:
                break
            if font.getname()[0] == CJK_FACE:
                return font
        return ImageFont.truetype(CJK, size)

    @staticmethod
    def _shape(font, ch: str) -> bytes:
        """The glyph's pixels, to tell a real glyph from the font's missing-glyph box."""
        left, top, right, bottom = font.getbbox(ch)
        image = Image.new("L", (max(1, right - left) + 2, max(1, bottom - top) + 2), 0)
        ImageDraw.Draw(image).text((1 - left, 1 - top), ch, font=font, fill=255)
        return repr(image.size).encode() + image.tobytes()

    @functools.lru_cache(maxsize=None)
    def covers(self, font, ch: str) -> bool:
        if ch.isspace():
            return True
        return self._shape(font, ch) != self._shape(font, "\U0010FFFD")

    def font_for(self, ch: str, bold: bool, italic: bool):
        mono = self.mono[(bold, italic)]
        if self.covers(mono, ch):
            return mono
        for font in self.fallbacks[1:]:
            if self.covers(font, ch):
                return font
        return mono

    @functools.lru_cache(maxsize=4096)
    def glyph(self, text: str, bold: bool, italic: bool, span: int) -> Image.Image:
        """A greyscale mask exactly `span` cells wide, squeezed if the glyph is wider."""
        font = self.font_for(text[0], bold, italic)
        width = span * self.cw
        advance = max(1, round(font.getlength(text)))
        image = Image.new("L", (advance + 8, self.ch), 0)
        ImageDraw.Draw(image).text((4, self.baseline), text, font=font, fill=255, anchor="ls")
        image = image.crop((4, 0, 4 + advance, self.ch))
        if advance > width:
            image = image.resize((width, self.ch), Image.LANCZOS)
        out = Image.new("L", (width, self.ch), 0)
        out.paste(image, ((width - image.width) // 2, 0))
        return out

    def is_emoji(self, text: str, span: int) -> bool:
        if self.emoji is None:
            return False
        code = ord(text[0])
        return (span == 2 or "\ufe0f" in text) and code > 0x2000 and self.covers(self.emoji, text[0]) \
            and not ("\u2E80" <= text[0] <= "\uFFEF")

    @functools.lru_cache(maxsize=512)
    def emoji_image(self, text: str, span: int) -> Image.Image:
        big = Image.new("RGBA", (EMOJI_SIZE * 2 * len(text), EMOJI_SIZE * 2), (0, 0, 0, 0))
        ImageDraw.Draw(big).text((0, 0), text, font=self.emoji, embedded_color=True)
        big = big.crop(big.getbbox() or (0, 0, 1, 1))
        width, height = span * self.cw, self.ch
        scale = min(width / big.width, height * 0.9 / big.height)
        small = big.resize((max(1, round(big.width * scale)), max(1, round(big.height * scale))), Image.LANCZOS)
        out = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        out.paste(small, ((width - small.width) // 2, (height - small.height) // 2))
        return out

    def draw_box(self, draw, x: int, y: int, ch: str, color) -> bool:
        if ch == "█":
            draw.rectangle([x, y, x + self.cw - 1, y + self.ch - 1], fill=color)
            return True
        edges = BOX.get(ch)
        if edges is None:
            return False
        t = self.stroke
        cx, cy = x + self.cw // 2, y + self.ch // 2
        lo, hi = -(t // 2), t - t // 2 - 1
        if "l" in edges:
            draw.rectangle([x, cy + lo, cx + hi, cy + hi], fill=color)
        if "r" in edges:
            draw.rectangle([cx + lo, cy + lo, x + self.cw - 1, cy + hi], fill=color)
        if "u" in edges:
            draw.rectangle([cx + lo, y, cx + hi, cy + hi], fill=color)
        if "d" in edges:
            draw.rectangle([cx + lo, cy + lo, cx + hi, y + self.ch - 1], fill=color)
        return True

    def render(self, grid: list[list[Cell]], pad: int = 16) -> Image.Image:
        rows, cols = len(grid), len(grid[0])
        image = Image.new("RGB", (cols * self.cw + 2 * pad, rows * self.ch + 2 * pad), BACKGROUND)
        draw = ImageDraw.Draw(image)
        glyphs = []
        for y, row in enumerate(grid):
            for x, cell in enumerate(row):
                fg = cell.fg or FOREGROUND
                bg = cell.bg or BACKGROUND
                if cell.reverse:
                    fg, bg = bg, fg
                if cell.dim:
                    fg = tuple(round(f * 0.6 + b * 0.4) for f, b in zip(fg, bg))
                px, py = pad + x * self.cw, pad + y * self.ch
                if bg != BACKGROUND:
                    draw.rectangle([px, py, px + self.cw - 1, py + self.ch - 1], fill=bg)
                if cell.text and cell.text != " ":
                    glyphs.append((px, py, cell, fg))
        # Glyphs after all backgrounds, so a wide glyph is not covered by its second cell.
        for px, py, cell, fg in glyphs:
            span = 2 if cell.wide else 1
            text = unicodedata.normalize("NFC", cell.text)
            if self.draw_box(draw, px, py, text[0], fg):
                pass
            elif self.is_emoji(text, span):
                emoji = self.emoji_image(text, span)
                image.paste(emoji, (px, py), emoji)
            else:
                mask = self.glyph(text, cell.bold, cell.italic, span)
                image.paste(Image.new("RGB", mask.size, fg), (px, py), mask)
            if cell.underline:
                uy = py + self.baseline + self.stroke
                draw.rectangle([px, uy, px + span * self.cw - 1, uy + self.stroke - 1], fill=fg)
        return image


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("capture", help="a `tmux capture-pane -p -e` dump; - for standard input")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--cols", type=int, required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--font-size", type=int, default=18)
    args = parser.parse_args(argv)
    capture = sys.stdin.read() if args.capture == "-" else open(args.capture, encoding="utf-8").read()
    grid = parse(capture, args.cols, args.rows)
    Renderer(args.font_size).render(grid).save(args.output, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
