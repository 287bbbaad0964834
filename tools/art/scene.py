"""A small test scene built from the tileset and sprites (for looking at, not for the game)."""

from __future__ import annotations

from .canvas import Canvas

SCENE = [
    "gTggggcggTgpLppwwwww",
    "ggfgOOGOgggpppppwwww",
    "gcggOSVOgTgppXppBBBw",
    "gggfNIDNglgpppppwwww",
    "ppppppppppppmppppwww",
    "rrrrrRrrrrrrrrRrrrrr",
    "hhhhhhhhhhhhhhhhhhhh",
    "rrrrrrrrrrrrRrrrrrrr",
    "pppdppKpppbppppHHHpp",
    "ggggPPQPgggFFgpUpppg",
    "gcggPQPPgggggTpppggg",
    "gggggggglgggggMMpggf",
]
CODES = {
    "g": 0, "f": 1, "c": 2, "l": 3, "p": 4, "k": 5, "m": 6, "d": 7, "r": 8, "R": 9, "h": 10,
    "v": 11, "P": 12, "Q": 13, "M": 14, "B": 15, "O": 16, "G": 17, "S": 18, "V": 19, "W": 20,
    "N": 21, "I": 22, "D": 23, "w": 24, "T": 28, "F": 30, "L": 32, "b": 34, "K": 35, "H": 36,
    "U": 37, "X": 38,
}
GRASSY = set("gfclT")


def tile_id(rows: list[str], x: int, y: int) -> int:
    ch = rows[y][x]
    if ch != "g":
        return CODES[ch]
    mask = 0
    for bit, (dx, dy) in zip((1, 2, 4, 8), ((0, -1), (1, 0), (0, 1), (-1, 0)), strict=True):
        nx, ny = x + dx, y + dy
        if 0 <= ny < len(rows) and 0 <= nx < len(rows[0]) and rows[ny][nx] not in GRASSY:
            mask |= bit
    return 40 + mask


def compose(tiles: list[Canvas], sprites: list[tuple[Canvas, int, int]],
            rows: list[str] = SCENE) -> Canvas:
    w, h = len(rows[0]), len(rows)
    c = Canvas(w * 16, h * 16)
    for y in range(h):
        for x in range(w):
            c.blit(tiles[tile_id(rows, x, y)], x * 16, y * 16)
    for spr, x, y in sorted(sprites, key=lambda s: s[2] + s[0].h):
        c.blit(spr, x, y)
    return c
