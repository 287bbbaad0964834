"""Walking characters, 16x24 frames: 4 columns (stand, walk 1-3) x 4 rows (down, left, right, up).

Bodies are ASCII templates (upper body + legs per frame); a colour legend turns the same
templates into Elara (amber coat, glowing cyan satchel) or a corporate collector (white and
grey uniform, red visor and badge). Outlines are added automatically.
"""

from __future__ import annotations

from .canvas import Canvas

W, H = 16, 24

UPPER = {
    "down": [
        "................",
        "......hhhh......",
        "....hhHHHhhh....",
        "...hHHhhhhhhh...",
        "...hHhhhhhhhhh..",
        "...hhlssssshhh..",
        "...hlsessesSh...",
        "...hhlssssSSh...",
        "....hhsSSsShh...",
        ".....tcssct.....",
        "....LtttttcC....",
        "...LLccccbcCC...",
        "...LLcccbccCC...",
        "...LLccbcccCC...",
        "...lLwbwwwwCS...",
        "...lbbbccccCs...",
        "...bgbBcccCC....",
        "...bbbBcccCC....",
        "....LcccccCC....",
    ],
    "left": [
        "................",
        "......hhhh......",
        ".....hHHHhhh....",
        "....hHHhhhhhh...",
        "...hhhhhhhhhhh..",
        "...hlssshhhhhh..",
        "..lssesShhhhhh..",
        "...sssSShhhhhhh.",
        "....sSShhhh..hh.",
        "......sSct......",
        ".....Lccttc.....",
        ".....LccccCC....",
        ".....LcLcccC....",
        ".....LcLcccC....",
        ".....wwlwwwC....",
        ".....bbbBccC....",
        "....bgggbBcC....",
        ".....bbBBcCC....",
        ".....LcccCC.....",
    ],
    "up": [
        "................",
        "......hhhh......",
        "....hhHHHhhh....",
        "...hHHHhhhhhh...",
        "...hHHhhhhhhh...",
        "...hHhhhhhhhhh..",
        "...hhhhhhhhhhh..",
        "...hhhhhhhhhhh..",
        "....hhhhhhhhh...",
        ".....tchhhct....",
        "....LcttttccC...",
        "...LLcbccccCC...",
        "...LLccbcccCC...",
        "...LLcccbccCC...",
        "...lLwwwwbwCS...",
        "....LccccbbbBs..",
        "....LcccCbgbB...",
        "....LcccCbbbB...",
        "....LcccccCC....",
    ],
}

LEGS = {
    "down": [
        [".....ppPppP.....", ".....pp..pP.....", ".....pp..pP.....", ".....kk..kK.....",
         ".....kk..kK....."],
        [".....ppPppP.....", ".....pp..pP.....", ".....pp..kK.....", ".....kk..kK.....",
         ".....kk........."],
        [".....ppPppP.....", "......pPpP......", "......pPpP......", "......kKkK......",
         "......kKkK......"],
        [".....ppPppP.....", ".....pp..pP.....", ".....kk..pP.....", ".....kk..kK.....",
         ".........kK....."],
    ],
    "left": [
        [".....pppPP......", "......ppP.......", "......ppP.......", "......kkK.......",
         ".....kkkK......."],
        [".....pppPP......", ".....ppp.PP.....", "....ppp...PP....", "....kk.....kK...",
         "...kkk.....kK..."],
        [".....pppPP......", "......ppPP......", "......pp.P......", "......kk.KK.....",
         ".....kkk........"],
        [".....pppPP......", ".....pp.PPP.....", "....pp....PP....", "...kkk....kK....",
         "...kk.....kKK..."],
    ],
}
LEGS["up"] = LEGS["down"]

ROWS = ["down", "left", "right", "up"]

ELARA = {
    "h": "soil_0", "H": "bloom_0", "s": "skin_1", "S": "skin_0", "l": "skin_2", "e": "ink",
    "c": "amber_1", "C": "amber_0", "L": "amber_2", "t": "teal_3", "w": "soil_1",
    "b": "teal_2", "B": "teal_1", "g": "teal_4",
    "p": "moss_1", "P": "moss_0", "k": "soil_1", "K": "soil_0",
}

COLLECTOR = {
    "h": "steel_1", "H": "steel_2", "s": "stone_1", "S": "stone_0", "l": "steel_2", "e": "alarm_1",
    "c": "steel_3", "C": "steel_2", "L": "steel_3", "t": "alarm_1", "w": "steel_1",
    "b": "stone_2", "B": "stone_1", "g": "alarm_1",
    "p": "steel_1", "P": "steel_0", "k": "stone_0", "K": "ink",
}


# A citizen artisan trained at a co-op workshop: moss work smock, magenta scarf (Dax's
# movement), a small glowing amber tool pouch; darker skin and hair than Elara.
ARTISAN = {
    "h": "ink", "H": "soil_0", "s": "skin_0", "S": "soil_1", "l": "skin_1", "e": "ink",
    "c": "moss_2", "C": "moss_1", "L": "moss_3", "t": "bloom_2", "w": "soil_2",
    "b": "amber_1", "B": "amber_0", "g": "amber_3",
    "p": "stone_1", "P": "stone_0", "k": "soil_0", "K": "ink",
}


def frame(direction: str, col: int, legend: dict[str, str]) -> Canvas:
    src = "left" if direction == "right" else direction
    bob = 1 if col in (1, 3) else 0
    c = Canvas(W, H)
    c.paste(LEGS[src][col], legend, 0, 18)
    c.paste(UPPER[src], legend, 0, bob)
    if direction == "right":
        c = c.flipped()
    c.outline("ink")
    c.drop_shadow(7.5, 22.5, 4.5, 1.4, alpha=80)
    return c


def character_frames(legend: dict[str, str]) -> list[list[Canvas]]:
    return [[frame(d, col, legend) for col in range(4)] for d in ROWS]


def elara_frames() -> list[list[Canvas]]:
    return character_frames(ELARA)


def collector_frames() -> list[list[Canvas]]:
    return character_frames(COLLECTOR)


def artisan_frames() -> list[list[Canvas]]:
    return character_frames(ARTISAN)


def sheet(frames: list[list[Canvas]], fw: int = W, fh: int = H) -> Canvas:
    out = Canvas(fw * len(frames[0]), fh * len(frames))
    for r, row in enumerate(frames):
        for k, f in enumerate(row):
            out.blit(f, k * fw, r * fh)
    return out
