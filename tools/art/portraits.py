"""48x48 dialogue portraits: Elara, Kora, Dax, Talin.

Each is built from shaded shapes (ellipsoid lighting from the top-left, Bayer-dithered onto a
palette ramp), outlined, and set on a background in the character's signature colour.
"""

from __future__ import annotations

import numpy as np

from .canvas import Canvas, ellipse_mask, shade, sphere_light

S = 48
yy, xx = np.mgrid[0:S, 0:S]
SKIN = ["skin_0", "skin_1", "skin_2"]


def background(ramp: list[str], seed: int) -> Canvas:
    c = Canvas(S, S)
    v = np.clip(1.0 - yy / S * 0.9 - np.abs(xx - 24) / 90, 0, 1)
    shade(c, np.ones((S, S), bool), ramp, v * 0.9)
    rng = np.random.default_rng([2147, 9, seed])
    for _ in range(14):  # drifting spores
        x, y = (int(v) for v in rng.integers(3, S - 3, 2))
        c.set(x, y, ramp[-1])
    return c


def frame(c: Canvas, light: str) -> None:
    c.hline(0, S - 1, 0, "ink")
    c.hline(0, S - 1, S - 1, "ink")
    c.vline(0, 0, S - 1, "ink")
    c.vline(S - 1, 0, S - 1, "ink")
    c.hline(1, S - 2, 1, light)
    c.vline(1, 1, S - 2, light)


def body(c: Canvas, ramp: list[str], cx: float = 24, top: float = 38, rx: float = 19) -> None:
    m = ellipse_mask(S, S, cx, top + 12, rx, 14)
    shade(c, m, ramp, sphere_light(S, S, cx, top + 10, rx + 4, 16) * 1.1)


def neck(c: Canvas, x0: int = 20, x1: int = 27, y0: int = 30, y1: int = 39) -> None:
    c.rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1, "skin_1")
    c.rect(x0, y0, x1 - x0 + 1, 2, "skin_0")
    c.vline(x1, y0, y1, "skin_0")


def head(c: Canvas, cx: float = 24, cy: float = 22, rx: float = 9.5, ry: float = 11.5,
         ramp: list[str] = SKIN, jaw: bool = False) -> np.ndarray:
    m = ellipse_mask(S, S, cx, cy, rx, ry)
    if jaw:  # a sharper, angular jaw
        half = rx - (yy - cy) * (rx - 3.0) / ry
        m = (m & (yy < cy)) | ((yy >= cy) & (yy <= cy + ry) & (np.abs(xx + 0.5 - cx) <= half))
    light = sphere_light(S, S, cx - 1, cy - 2, rx + 3, ry + 3, light=(-0.45, -0.5, 0.9))
    shade(c, m, ramp, light * 1.15 - 0.05, dither=False)
    return m


def eyes(c: Canvas, y: int, lx: int, rx: int, iris: str, white: str = "stone_4",
         lid: str = "ink", narrow: bool = False) -> None:
    for x in (lx, rx):
        c.set(x, y, white)
        c.set(x + 1, y, iris)
        c.set(x + 2, y, white if not narrow else "skin_0")
        c.hline(x, x + 2, y - 1, lid)
        if not narrow:
            c.set(x + 1, y + 1, "skin_0")


def brows(c: Canvas, y: int, lx: int, rx: int, col: str, slant: int = 0) -> None:
    c.hline(lx - 1, lx + 2, y, col)
    c.hline(rx, rx + 3, y, col)
    if slant:
        c.set(lx + 2, y + 1, col)
        c.set(rx, y + 1, col)


def face_details(c: Canvas, nose_y: int, mouth_y: int, mouth: str = "skin_0") -> None:
    c.set(24, nose_y, "skin_0")
    c.set(25, nose_y - 1, "skin_0")
    c.set(23, nose_y - 1, "skin_2")
    c.hline(22, 26, mouth_y, mouth)
    c.hline(23, 25, mouth_y + 1, "skin_2")


def finish(fig: Canvas, bg: Canvas, light: str) -> Canvas:
    fig.outline("ink")
    bg.blit(fig, 0, 0)
    frame(bg, light)
    return bg


# ---------------------------------------------------------------------------------------
def elara() -> Canvas:
    bg = background(["teal_0", "teal_1", "teal_2"], 1)
    f = Canvas(S, S)
    body(f, ["amber_0", "amber_1", "amber_2", "amber_3"])
    # coat collar and satchel strap
    for i in range(12):
        f.set(14 + i, 36 + i, "teal_3")
        f.set(15 + i, 36 + i, "teal_2")
    f.hline(17, 30, 38, "amber_0")
    neck(f)
    # hair behind the head, with a bun
    hair = ellipse_mask(S, S, 24, 19, 12, 12) | ellipse_mask(S, S, 33, 9, 5, 4.5)
    hair |= ellipse_mask(S, S, 15, 26, 4, 7)
    shade(f, hair, ["soil_0", "soil_1", "bloom_0"],
          sphere_light(S, S, 24, 16, 14, 14) * 0.9)
    head(f, 24.5, 23, 9, 10.5)
    # fringe sweeping to the right
    fringe = ellipse_mask(S, S, 21, 13.5, 10, 4.5) | ellipse_mask(S, S, 30, 15, 5, 4)
    fringe &= yy <= 16 + (xx > 26) * 2
    shade(f, fringe, ["soil_0", "soil_1", "bloom_0", "bloom_1"],
          sphere_light(S, S, 21, 12, 11, 6))
    # goggles pushed up on the forehead
    for gx in (16, 27):
        f.rect(gx, 10, 6, 3, "amber_1")
        f.rect(gx + 1, 10, 4, 2, "teal_3")
        f.set(gx + 1, 10, "teal_4")
    f.hline(14, 34, 12, "soil_1")
    f.set(31, 8, "teal_4")  # glowing hair pin
    f.set(32, 7, "teal_3")
    eyes(f, 22, 19, 26, "moss_2")
    brows(f, 19, 19, 26, "soil_0")
    face_details(f, 27, 30)
    f.set(18, 25, "bloom_3")
    f.set(31, 25, "bloom_3")
    return finish(f, bg, "teal_3")


def kora() -> Canvas:
    bg = background(["steel_0", "teal_0", "teal_1"], 2)
    f = Canvas(S, S)
    # a holographic face: scanlines, wireframe edge, no body
    m = ellipse_mask(S, S, 24, 22, 11, 14)
    light = sphere_light(S, S, 24, 21, 12, 15) * 1.1
    shade(f, m, ["teal_1", "teal_2", "teal_3"], light)
    f.fill_mask(m & (yy % 3 == 0), "teal_1", 160)
    edge = m & ~ellipse_mask(S, S, 24, 22, 10, 13)
    f.fill_mask(edge, "teal_4")
    # eyes and mouth as light
    for x in (18, 27):
        f.rect(x, 20, 4, 2, "steel_3")
        f.hline(x, x + 3, 19, "teal_1")
        f.set(x + 1, 20, "teal_4")
    f.hline(21, 27, 30, "teal_4")
    f.set(24, 25, "teal_1")
    f.set(24, 26, "teal_1")
    # circuit traces on the brow and neck
    for pts in [[(24, 9), (24, 13)], [(20, 11), (22, 13)], [(28, 11), (26, 13)]]:
        (x0, y0), (x1, y1) = pts
        f.line(x0, y0, x1, y1, "teal_4")
    for i, y in enumerate(range(37, 47, 2)):
        f.hline(24 - 6 + i, 24 + 6 - i, y, "teal_2")
    f.outline("teal_0")
    bg.blit(f, 0, 0)
    rng = np.random.default_rng([2147, 9, 22])
    for _ in range(24):  # floating pixels
        x, y = (int(v) for v in rng.integers(3, S - 3, 2))
        if not m[y, x]:
            bg.set(x, y, "teal_3" if rng.random() < 0.6 else "teal_4")
    frame(bg, "teal_4")
    return bg


def dax() -> Canvas:
    bg = background(["ink", "bloom_0", "bloom_1"], 3)
    f = Canvas(S, S)
    body(f, ["moss_0", "moss_1", "moss_2"])
    neck(f, 20, 27, 30, 36)
    dark_skin = ["soil_1", "skin_0", "skin_1"]
    # close-cropped hair with a shaved side
    hair = ellipse_mask(S, S, 24, 17, 10.5, 9)
    f.fill_mask(hair, "soil_0")
    head(f, 24, 22, 9, 10.5, dark_skin)
    top = ellipse_mask(S, S, 24.5, 15, 10, 5.5) & (yy <= 15)
    shade(f, top, ["ink", "soil_0", "soil_1"], sphere_light(S, S, 23, 12, 11, 6))
    f.rect(14, 16, 2, 6, "soil_0")
    # magenta scarf wrapped around neck and chin
    scarf = ellipse_mask(S, S, 24, 35, 13, 5) | ellipse_mask(S, S, 30, 42, 4, 6)
    shade(f, scarf, ["bloom_0", "bloom_1", "bloom_2", "bloom_3"],
          sphere_light(S, S, 23, 33, 14, 7))
    for x in range(12, 37, 4):
        f.set(x, 35, "bloom_1")
        f.set(x + 1, 36, "bloom_1")
    f.hline(28, 32, 46, "bloom_3")
    # eyes, brows, a determined mouth
    eyes(f, 22, 19, 26, "soil_1", white="stone_4")
    brows(f, 19, 19, 26, "ink", slant=1)
    f.set(24, 27, "soil_1")
    f.set(25, 26, "soil_1")
    f.hline(22, 26, 30, "soil_1")
    f.set(27, 29, "soil_1")
    # a rally pin
    f.rect(15, 41, 3, 3, "amber_2")
    f.set(16, 42, "amber_3")
    f.set(33, 22, "amber_2")  # ear ring
    return finish(f, bg, "bloom_3")


def talin() -> Canvas:
    bg = background(["steel_0", "steel_1", "steel_2"], 4)
    for y in range(4, S, 6):  # cold window blinds behind him
        bg.hline(2, S - 3, y, "steel_1")
    f = Canvas(S, S)
    body(f, ["steel_1", "steel_2", "steel_3"], rx=20)
    # lapels, shirt, red tie
    for i in range(10):
        f.hline(24 - 7 + i // 2, 24 - 1, 37 + i, "steel_1")
        f.hline(24 + 1, 24 + 7 - i // 2, 37 + i, "steel_2")
    f.rect(22, 36, 5, 12, "steel_3")
    f.rect(23, 37, 3, 11, "alarm_1")
    f.vline(25, 37, 47, "alarm_0")
    neck(f, 20, 27, 30, 36)
    head(f, 24, 21, 8.5, 12, jaw=True)
    # slicked-back silver hair, high sharp line
    hair = ellipse_mask(S, S, 24, 13, 10.5, 6) & (yy <= 14 - (xx < 24) * (24 - xx) // 6)
    hair |= ellipse_mask(S, S, 15.5, 17, 1.5, 4) | ellipse_mask(S, S, 32.5, 17, 1.5, 4)
    shade(f, hair, ["steel_1", "steel_2", "steel_3"], sphere_light(S, S, 22, 11, 12, 7))
    for x in range(17, 31, 3):
        f.set(x, 11, "steel_1")
    eyes(f, 21, 19, 26, "steel_1", narrow=True)
    brows(f, 19, 19, 26, "steel_2", slant=1)
    f.set(24, 26, "skin_0")
    f.set(25, 25, "skin_0")
    f.hline(22, 26, 29, "skin_0")
    f.set(27, 28, "skin_0")
    f.set(30, 33, "alarm_1")  # corporate pin
    return finish(f, bg, "steel_3")


def all_portraits() -> list[tuple[str, Canvas]]:
    return [("elara", elara()), ("kora", kora()), ("dax", dax()), ("talin", talin())]
