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


# Dax Rhodes, the activist: close-cropped hair, dark skin, a deep moss field jacket, the
# movement's magenta scarf wound high with its tail flying, and an amber rally armband.
DAX = {
    "h": "ink", "H": "soil_0", "s": "skin_0", "S": "soil_1", "l": "skin_1", "e": "ink",
    "c": "moss_0", "C": "ink", "L": "moss_1", "t": "bloom_3", "w": "soil_0",
    "b": "bloom_2", "B": "bloom_1", "g": "amber_2",
    "p": "soil_1", "P": "soil_0", "k": "ink", "K": "ink",
}

# Talin Mercer, the executive: slicked silver hair, a navy long coat over a cold white
# shirt and red tie, a glowing red company tablet, black shoes. Taller by his coat.
TALIN = {
    "h": "steel_2", "H": "steel_3", "s": "skin_2", "S": "skin_1", "l": "skin_2", "e": "steel_0",
    "c": "steel_1", "C": "steel_0", "L": "steel_2", "t": "steel_3", "w": "steel_0",
    "b": "steel_3", "B": "steel_2", "g": "alarm_1",
    "p": "steel_0", "P": "ink", "k": "ink", "K": "ink",
}


def _dax_marks(c: Canvas, direction: str, col: int, bob: int) -> None:
    """Crop the hair to a short cut (two rows off the top, shaved sides) and fly the
    scarf's tail behind him; the armband on his sleeve."""
    for y in range(0 + bob, 3 + bob):
        for x in range(W):
            if c.opaque(x, y):
                c.a[y, x] = 0
    for y in range(3 + bob, 8 + bob):  # shaved sides: skin-dark edge of the hair mass
        row = [x for x in range(W) if c.opaque(x, y) and c.is_col(x, y, "ink")]
        if len(row) > 8:
            c.set(row[0], y, "soil_0")
            c.set(row[-1], y, "soil_0")
    flap = (col % 2)
    if direction in ("down", "up"):
        c.set(12, 10 + bob, "bloom_2")
        c.set(13, 11 + bob + flap, "bloom_3")
        c.set(13, 12 + bob + flap, "bloom_2")
    else:  # side view: the tail streams back from the neck
        c.set(10, 9 + bob, "bloom_2")
        c.set(11, 9 + bob + flap, "bloom_3")
        c.set(12, 10 + bob + flap, "bloom_2")
    arm = 3 if direction in ("down", "up") else 5
    c.set(arm, 13 + bob, "amber_2")
    c.set(arm, 14 + bob, "amber_1")


def _talin_marks(c: Canvas, direction: str, col: int, bob: int) -> None:
    """A long coat over the thighs, the red tie, slicked hair lying flat and narrow."""
    for y in range(0 + bob, 9 + bob):
        for x in range(W):
            hair = c.is_col(x, y, "steel_2") or c.is_col(x, y, "steel_3")
            if c.opaque(x, y) and (y < 2 + bob or (hair and not 4 <= x <= 11)):
                c.a[y, x] = 0
    for y in range(18, 21):  # the coat's skirt over the top of the legs
        xs = [x for x in range(W) if c.opaque(x, y)]
        if xs:
            lo, hi = min(xs) - (1 if y > 18 else 0), max(xs) + (1 if y > 18 else 0)
            for x in range(lo, hi + 1):
                c.set(x, y, "steel_1" if x < hi else "steel_0")
    if direction == "down":
        for y in range(10 + bob, 15 + bob):
            c.set(7, y, "alarm_1")
        c.set(8, 10 + bob, "steel_3")
        c.set(6, 10 + bob, "steel_3")


MARKS = {"dax": _dax_marks, "talin": _talin_marks}


def frame(direction: str, col: int, legend: dict[str, str], marks: str = "") -> Canvas:
    src = "left" if direction == "right" else direction
    bob = 1 if col in (1, 3) else 0
    c = Canvas(W, H)
    c.paste(LEGS[src][col], legend, 0, 18)
    c.paste(UPPER[src], legend, 0, bob)
    if marks:
        MARKS[marks](c, src, col, bob)
    if direction == "right":
        c = c.flipped()
    c.outline("ink")
    c.drop_shadow(7.5, 22.5, 4.5, 1.4, alpha=80)
    return c


def character_frames(legend: dict[str, str], marks: str = "") -> list[list[Canvas]]:
    return [[frame(d, col, legend, marks) for col in range(4)] for d in ROWS]


def elara_frames() -> list[list[Canvas]]:
    return character_frames(ELARA)


def collector_frames() -> list[list[Canvas]]:
    return character_frames(COLLECTOR)


def artisan_frames() -> list[list[Canvas]]:
    return character_frames(ARTISAN)


def dax_frames() -> list[list[Canvas]]:
    return character_frames(DAX, "dax")


def talin_frames() -> list[list[Canvas]]:
    return character_frames(TALIN, "talin")


def sheet(frames: list[list[Canvas]], fw: int = W, fh: int = H) -> Canvas:
    out = Canvas(fw * len(frames[0]), fh * len(frames))
    for r, row in enumerate(frames):
        for k, f in enumerate(row):
            out.blit(f, k * fw, r * fh)
    return out
