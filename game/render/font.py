"""The game's bitmap font (assets/fonts/pixel_font.png, drawn by tools/gen_assets.py).

The sheet is white glyphs on transparency in CELL_W x CELL_H cells, SHEET_COLUMNS per row,
in the order of CHARS. Glyphs are left-aligned in their cell; advance widths are measured
from the sheet when it is loaded, so the font is proportional.
"""

from __future__ import annotations

from pathlib import Path

import pygame

CELL_W = 6
CELL_H = 10
SHEET_COLUMNS = 16
CHARS = "".join(chr(c) for c in range(32, 127)) + "×—·→…é"
SPACE_ADVANCE = 3  # width of " " (and of any glyph cell that happens to be empty)
LETTER_SPACING = 1  # blank columns after each glyph
FALLBACK = "?"
_CACHE_LIMIT = 512
# Every string drawn is cut to this (a map's 15 MB objective once crashed SDL): the screen
# is 640 px wide, so no line shows more than ~200 glyphs anyway.
MAX_LINE_CHARS = 200
MAX_LINES = 40
ELLIPSIS = "…"
MAX_TEXT_CHARS = MAX_LINES * MAX_LINE_CHARS  # what a word wrapper needs to look at


def clip(text: str) -> str:
    """`text` cut to what can be drawn: at most MAX_LINES lines of MAX_LINE_CHARS
    characters, a cut shown with an ellipsis. Cheap on any input (looks at a prefix)."""
    head = text[:MAX_LINES * (MAX_LINE_CHARS + 1) + 1]
    lines = head.split("\n")
    cut = len(head) < len(text) or len(lines) > MAX_LINES
    lines = lines[:MAX_LINES]
    out = [line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS - 1] + ELLIPSIS
           for line in lines]
    if cut and not out[-1].endswith(ELLIPSIS):
        out[-1] = out[-1][:MAX_LINE_CHARS - 1] + ELLIPSIS
    return "\n".join(out)


def _default_path() -> Path:
    from game.paths import asset

    return asset("fonts", "pixel_font.png")


class BitmapFont:
    """Renders text with the pixel font: render() gives a cached surface, draw() blits it."""

    line_height: int

    def __init__(self, sheet: pygame.Surface) -> None:
        self.line_height = CELL_H
        self._glyphs: dict[str, pygame.Surface] = {}
        self._advance: dict[str, int] = {}
        self._cache: dict[tuple, pygame.Surface] = {}
        sw, sh = sheet.get_size()
        for i, ch in enumerate(CHARS):
            rect = pygame.Rect((i % SHEET_COLUMNS) * CELL_W, (i // SHEET_COLUMNS) * CELL_H,
                               CELL_W, CELL_H)
            if rect.right > sw or rect.bottom > sh:
                break
            glyph = sheet.subsurface(rect).copy()
            bounds = glyph.get_bounding_rect()
            self._glyphs[ch] = glyph
            self._advance[ch] = bounds.right + LETTER_SPACING if bounds.width else SPACE_ADVANCE
        if FALLBACK not in self._glyphs:
            raise ValueError("font sheet is too small: it lacks the fallback glyph '?'")

    @classmethod
    def load(cls, path: Path | None = None) -> BitmapFont:
        """Load the sheet (default assets/fonts/pixel_font.png); works without a display."""
        sheet = pygame.image.load(str(path or _default_path()))
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            sheet = sheet.convert_alpha()
        elif sheet.get_flags() & pygame.SRCALPHA == 0:
            sheet = sheet.copy()
        return cls(sheet)

    # -- measuring --------------------------------------------------------------------------
    def _char(self, ch: str) -> str:
        return ch if ch in self._glyphs else FALLBACK

    def line_width(self, line: str) -> int:
        """Width in pixels of one line at scale 1 (no trailing letter spacing)."""
        if not line:
            return 0
        w = sum(self._advance[self._char(ch)] for ch in line)
        last = self._char(line[-1])
        return w - (LETTER_SPACING if last != " " else 0)

    def fit(self, text: str, width: int, scale: int = 1) -> str:
        """The first line of `text` cut to `width` pixels, a cut shown with an ellipsis."""
        line = clip(text.replace("\r", "")).split("\n")[0]
        if self.line_width(line) * scale <= width:
            return line
        room = width // scale - self.line_width(ELLIPSIS)
        total = 0
        for i, ch in enumerate(line):
            total += self._advance[self._char(ch)]
            if total > room:
                return line[:i].rstrip() + ELLIPSIS
        return line

    def size(self, text: str, scale: int = 1) -> tuple[int, int]:
        lines = clip(text.replace("\r", "")).split("\n")
        w = max(self.line_width(line) for line in lines)
        return (w * scale, len(lines) * self.line_height * scale)

    # -- drawing ----------------------------------------------------------------------------
    def _white(self, text: str) -> pygame.Surface:
        lines = text.split("\n")
        w = max(1, max(self.line_width(line) for line in lines))
        surf = pygame.Surface((w, len(lines) * self.line_height), pygame.SRCALPHA)
        for row, line in enumerate(lines):
            x = 0
            for ch in line:
                ch = self._char(ch)
                surf.blit(self._glyphs[ch], (x, row * self.line_height))
                x += self._advance[ch]
        return surf

    def render(self, text: str, color: tuple[int, int, int], scale: int = 1,
               shadow: tuple[int, int, int] | None = None) -> pygame.Surface:
        """Text as a surface (cached). With shadow, a 1px (x scale) drop shadow down-right."""
        text = clip(text.replace("\r", ""))
        key = (text, tuple(color), scale, tuple(shadow) if shadow else None)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        white = self._white(text)
        fg = white.copy()
        fg.fill((*color[:3], 255), special_flags=pygame.BLEND_RGBA_MULT)
        if shadow is not None:
            out = pygame.Surface((white.get_width() + 1, white.get_height() + 1),
                                 pygame.SRCALPHA)
            bg = white.copy()
            bg.fill((*shadow[:3], 255), special_flags=pygame.BLEND_RGBA_MULT)
            out.blit(bg, (1, 1))
            out.blit(fg, (0, 0))
        else:
            out = fg
        if scale != 1:
            out = pygame.transform.scale(out, (out.get_width() * scale,
                                               out.get_height() * scale))
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = out
        return out

    def draw(self, surface: pygame.Surface, text: str, pos: tuple[int, int],
             color: tuple[int, int, int], scale: int = 1,
             shadow: tuple[int, int, int] | None = None, align: str = "left") -> pygame.Rect:
        """Blit text with its top at pos[1]; align is left/center/right relative to pos[0].

        Multi-line text is aligned line by line. Returns the rectangle that was drawn.
        """
        x, y = int(pos[0]), int(pos[1])
        text = clip(text.replace("\r", ""))
        if align != "left" and "\n" in text:
            rect: pygame.Rect | None = None
            for i, line in enumerate(text.split("\n")):
                r = self.draw(surface, line, (x, y + i * self.line_height * scale), color,
                              scale, shadow, align)
                rect = r if rect is None else rect.union(r)
            assert rect is not None
            return rect
        surf = self.render(text, color, scale, shadow)
        w = self.size(text, scale)[0]
        if align == "center":
            x -= w // 2
        elif align == "right":
            x -= w
        elif align != "left":
            raise ValueError(f"align must be left, center or right, not {align!r}")
        return surface.blit(surf, (x, y))
