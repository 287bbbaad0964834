"""Review sheets: docs/art/contact_sheet.png and docs/art/palette.png."""

from __future__ import annotations

import pygame

from game.render.palette import (
    PALETTE,
    RAMPS,
    RES_COLORS,
    UI_ACCENT,
    UI_BAD,
    UI_DIM,
    UI_GOOD,
    UI_PANEL,
    UI_TEXT,
)

from .canvas import Canvas
from .io import to_surface

BG = PALETTE["ink"]
LABEL = PALETTE["stone_4"]
DIM = PALETTE["stone_3"]


def _scale(surf: pygame.Surface, k: int) -> pygame.Surface:
    return pygame.transform.scale(surf, (surf.get_width() * k, surf.get_height() * k))


class Board:
    """Lays out canvases and labels top to bottom, then scales the whole board."""

    def __init__(self, font, width: int) -> None:
        self.font = font
        self.width = width
        self.items: list[tuple[pygame.Surface, int, int]] = []
        self.y = 4

    def text(self, s: str, x: int = 4, colour=LABEL, dy: int | None = None) -> None:
        surf = self.font.render(s, colour, shadow=PALETTE["stone_0"])
        self.items.append((surf, x, self.y))
        self.y += surf.get_height() + 1 if dy is None else dy

    def image(self, surf: pygame.Surface, x: int, y: int | None = None) -> None:
        self.items.append((surf, x, self.y if y is None else y))

    def render(self, k: int, backdrop: pygame.Surface | None = None) -> pygame.Surface:
        out = pygame.Surface((self.width, self.y + 4))
        out.fill(BG)
        for surf, x, y in self.items:
            out.blit(surf, (x, y))
        return _scale(out, k)


def checker(w: int, h: int) -> pygame.Surface:
    """A dim checkerboard so transparent sprite pixels are visible."""
    s = pygame.Surface((w, h))
    a, b = PALETTE["stone_0"], PALETTE["stone_1"]
    for y in range(0, h, 4):
        for x in range(0, w, 4):
            s.fill(a if (x // 4 + y // 4) % 2 else b, (x, y, 4, 4))
    return s


def on_checker(c: Canvas) -> pygame.Surface:
    s = checker(c.w, c.h)
    s.blit(to_surface(c), (0, 0))
    return s


def contact_sheet(font, tiles: list[Canvas], tile_names: dict[int, str],
                  sprites: list[tuple[str, Canvas, str]], portraits: list[tuple[str, Canvas]],
                  font_sheet: Canvas) -> pygame.Surface:
    board = Board(font, 520)
    board.text("RECLAIM 2147 — art contact sheet (x3)", colour=PALETTE["amber_2"])
    board.text("tiles: assets/tiles/city.png  (id under each tile)", colour=DIM)
    top = board.y
    for i, t in enumerate(tiles):
        x = 4 + (i % 16) * 32
        y = top + (i // 16) * 30
        board.image(to_surface(t), x + 8, y)
        label = font.render(str(i), DIM)
        board.image(label, x + 16 - label.get_width() // 2, y + 17)
    board.y = top + ((len(tiles) + 15) // 16) * 30 + 2
    for j in range(0, 40, 8):
        names = ", ".join(f"{k} {tile_names[k]}" for k in range(j, j + 8))
        board.text(names, colour=PALETTE["stone_3"])
    board.text("40..55 grass_edge_<mask>: grass with a lip on each side whose neighbour is not "
               "grass (N=1, E=2, S=4, W=8)", colour=PALETTE["stone_3"])
    board.y += 4
    # sprites, flowing left to right
    x, row_h = 4, 0
    for name, canvas, note in sprites:
        label = font.render(name, LABEL, shadow=PALETTE["stone_0"])
        sub = font.render(note, DIM) if note else None
        w = max(canvas.w, label.get_width(), sub.get_width() if sub else 0)
        h = canvas.h + label.get_height() + (sub.get_height() if sub else 0) + 2
        if x + w > board.width - 4:
            x = 4
            board.y += row_h + 6
            row_h = 0
        board.image(label, x)
        yy = board.y + label.get_height()
        if sub:
            board.image(sub, x, yy)
            yy += sub.get_height()
        board.image(on_checker(canvas), x, yy + 1)
        x += w + 10
        row_h = max(row_h, h)
    board.y += row_h + 8
    board.text("portraits: assets/portraits/*.png (48x48)")
    for i, (name, p) in enumerate(portraits):
        board.image(to_surface(p), 4 + i * 60, board.y)
        board.image(font.render(name, DIM), 4 + i * 60, board.y + 50)
    board.y += 64
    board.text("font: assets/fonts/pixel_font.png")
    board.image(on_checker(font_sheet), 4)
    fx = 4 + font_sheet.w + 12
    sample = [
        ("The quick brown fox jumps over the lazy dog.", UI_TEXT),
        ("THE CITY IS YOURS TO DRAW — 0123456789", UI_ACCENT),
        ("Waste-to-Life node → biomass ×3 … café", UI_GOOD),
        ("Enforcer drones inbound! Wave 4/12 · 1:07.350", UI_BAD),
        ("{[(<@#$%&*+=~^|\\/_'\";:?!>)]}`", UI_DIM),
    ]
    sy = board.y
    for s, col in sample:
        board.image(font.render(s, col, shadow=PALETTE["ink"]), fx, sy)
        sy += 11
    panel = pygame.Surface((150, 26), pygame.SRCALPHA)
    panel.fill((*UI_PANEL, 210))
    font.draw(panel, "Elara: Let's grow something.", (4, 3), UI_TEXT, shadow=PALETTE["ink"])
    font.draw(panel, "scale 1, on UI_PANEL", (4, 14), UI_DIM)
    board.image(panel, fx, sy + 2)
    big = font.render("Reclaim", PALETTE["amber_2"], scale=2, shadow=PALETTE["soil_0"])
    board.image(big, fx + 160, sy + 2)
    board.y += max(font_sheet.h, sy - board.y + 30) + 4
    return board.render(3)


def palette_sheet(font) -> pygame.Surface:
    board = Board(font, 260)
    board.text(f"game/palette.py — {len(PALETTE)} colours, ramps dark to light",
               colour=PALETTE["amber_2"])
    for name, ramp in RAMPS.items():
        board.image(font.render(name, LABEL), 4, board.y + 3)
        for i, col in enumerate(ramp):
            sw = pygame.Surface((16, 14))
            sw.fill(PALETTE["stone_2"])
            sw.fill(col, (1, 1, 14, 12))
            board.image(sw, 44 + i * 18)
        board.y += 16
    board.y += 4
    board.text("UI and resources", colour=PALETTE["amber_2"])
    named = [("PANEL", UI_PANEL), ("TEXT", UI_TEXT), ("DIM", UI_DIM), ("GOOD", UI_GOOD),
             ("BAD", UI_BAD), ("ACCENT", UI_ACCENT)] + list(RES_COLORS.items())
    for i, (name, col) in enumerate(named):
        x, y = 4 + (i % 6) * 42, board.y + (i // 6) * 28
        sw = pygame.Surface((38, 14))
        sw.fill(col)
        board.image(sw, x, y)
        board.image(font.render(name, DIM), x, y + 15)
    board.y += 60
    return board.render(3)
