"""The city tileset: 16x16 tiles, 8 columns, 56 tiles (see TILES for ids and properties).

Ground tiles are seamless (textures wrap); props and buildings are lit from the top-left and
drop their shadow to the bottom-right.
"""

from __future__ import annotations

import math

import numpy as np

from .canvas import Canvas, ellipse_mask, shade, smooth_noise, sphere_light, step

T = 16
COLUMNS = 8

# id: (name, solid, buildable, tall)
TILES: dict[int, tuple[str, bool, bool, bool]] = {}
_names = [
    "grass_a", "grass_b", "grass_c", "grass_d", "paving_a", "paving_b", "paving_c", "paving_d",
    "road_a", "road_b", "road_lane_h", "road_lane_v", "plot_a", "plot_b", "mossy_paving",
    "boardwalk",
    "roof_a", "roof_garden", "roof_solar", "roof_vent", "wall_a", "wall_window", "wall_vines",
    "wall_door",
    "water_0", "water_1", "water_2", "water_3", "tree_0", "tree_1", "planter_0", "planter_1",
    "biolamp_0", "biolamp_1", "bench", "recycler_kiosk", "hedge", "rubble", "fountain_0",
    "fountain_1",
]
_TALL = {16, 17, 18, 19, 20, 21, 22, 23, 28, 29, 32, 33, 35, 36, 38, 39}
for _i, _n in enumerate(_names):
    TILES[_i] = (_n, 16 <= _i <= 39, _i in (12, 13), _i in _TALL)
for _m in range(16):
    TILES[40 + _m] = (f"grass_edge_{_m}", False, False, False)

# first tile id -> [(tile id, duration ms), ...]
ANIMATIONS: dict[int, list[tuple[int, int]]] = {
    24: [(24, 250), (25, 250), (26, 250), (27, 250)],
    28: [(28, 500), (29, 500)],
    30: [(30, 500), (31, 500)],
    32: [(32, 600), (33, 600)],
    38: [(38, 400), (39, 400)],
}


def rng_for(key: int) -> np.random.Generator:
    return np.random.default_rng([2147, 1, key])


# ---------------------------------------------------------------------------------------
# ground
# ---------------------------------------------------------------------------------------
def grass(seed: int = 0) -> Canvas:
    rng = rng_for(100 + seed)
    c = Canvas(T, T, "moss_2")
    v = smooth_noise(rng, T, T, 1) * 0.45 + rng.random((T, T)) * 0.55
    c.fill_mask(v < 0.2, "moss_1")
    c.fill_mask(v > 0.84, "moss_3")
    # blades: lit tip over a dark root
    for _ in range(11):
        x, y = (int(v) for v in rng.integers(0, T, 2))
        c.wset(x, y, "moss_3")
        c.wset(x, y + 1, "moss_1")
    for _ in range(3):
        x, y = (int(v) for v in rng.integers(0, T, 2))
        c.wset(x, y, "moss_4")
        c.wset(x, y + 1, "moss_2")
    return c


def grass_flowers() -> Canvas:
    c = grass(1)
    for (x, y), petal in zip([(3, 4), (11, 9), (6, 12), (13, 2)],
                             ["bloom_3", "amber_3", "teal_4", "bloom_3"], strict=True):
        c.set(x, y - 1, petal)
        c.set(x - 1, y, petal)
        c.set(x + 1, y, petal)
        c.set(x, y + 1, "moss_1")
        c.set(x, y, "amber_2" if petal != "amber_3" else "bloom_2")
    return c


def grass_clover() -> Canvas:
    c = grass(2)
    rng = rng_for(12)
    m = smooth_noise(rng, T, T, 3)
    c.fill_mask(m > 0.72, "moss_1")
    for x, y in [(4, 5), (10, 3), (12, 11), (5, 12), (8, 8)]:
        for dx, dy in [(0, -1), (-1, 0), (1, 0)]:
            c.wset(x + dx, y + dy, "moss_3")
        c.wset(x - 1, y - 1, "moss_4")
        c.wset(x, y, "moss_2")
        c.wset(x, y + 1, "moss_0")
    return c


def grass_leaves() -> Canvas:
    c = grass(3)
    leaves = [((3, 3), "amber_1"), ((11, 6), "soil_3"), ((6, 10), "amber_2"),
              ((13, 13), "amber_1"), ((1, 12), "soil_3")]
    for (x, y), col in leaves:
        c.wset(x, y, col)
        c.wset(x + 1, y, col)
        c.wset(x + 1, y - 1, "amber_3" if col != "soil_3" else "amber_2")
        c.wset(x, y + 1, "soil_1")
        c.wset(x + 2, y, "amber_0")
    return c


# slabs in a running bond: (x, y, w, h) with wrap-around
SLABS = [(0, 0, 10, 8), (10, 0, 6, 8), (5, 8, 10, 8), (15, 8, 6, 8)]


def paving(seed: int = 0) -> Canvas:
    rng = rng_for(200 + seed)
    c = Canvas(T, T, "stone_3")
    for sx, sy, w, h in SLABS:
        tone = rng.random()
        for j in range(h):
            for i in range(w):
                x, y = sx + i, sy + j
                r = rng.random()
                if i == w - 1 or j == h - 1:
                    col = "stone_1" if r < 0.35 else "stone_2"
                elif j == 0 or (i == 0 and j < h - 2):
                    col = "stone_4" if (i + j + sx) % 2 == 0 else "stone_3"
                elif i == w - 2 or j == h - 2:
                    col = "stone_2" if r < 0.7 else "stone_3"
                else:
                    col = "stone_2" if r < 0.10 + 0.14 * tone else "stone_3"
                c.wset(x, y, col)
    return c


def paving_cracked() -> Canvas:
    c = paving(1)
    for x, y in [(1, 2), (2, 3), (3, 3), (4, 4), (5, 5), (5, 6)]:
        c.set(x, y, "stone_1")
        c.set(x + 1, y, "stone_4")
    for x, y in [(9, 10), (10, 11), (10, 12), (11, 13), (12, 13)]:
        c.set(x, y, "stone_1")
        c.set(x, y - 1, "stone_4")
    c.rect(13, 1, 2, 2, "stone_2")  # chipped corner
    c.set(13, 1, "stone_1")
    return c


def moss_in_cracks(c: Canvas, rng: np.random.Generator, prob: float) -> None:
    for y in range(T):
        for x in range(T):
            if c.is_col(x, y, "stone_1") and rng.random() < prob:
                c.set(x, y, "moss_2" if rng.random() < 0.6 else "moss_1")
                if rng.random() < 0.4:
                    c.set(x, y - 1, "moss_3")


def paving_moss() -> Canvas:
    c = paving(2)
    moss_in_cracks(c, rng_for(22), 0.7)
    return c


def paving_drain() -> Canvas:
    c = paving(3)
    c.rect(3, 4, 10, 8, "stone_0")
    c.hline(3, 12, 4, "stone_1")
    for x in range(4, 12, 2):
        c.vline(x, 5, 10, "steel_1")
        c.set(x, 5, "steel_2")
        c.vline(x + 1, 6, 10, "teal_1")
        c.set(x + 1, 8, "teal_2")
    c.set(7, 8, "teal_3")
    c.hline(3, 12, 11, "stone_4")
    c.vline(13, 4, 11, "stone_4")
    c.vline(2, 4, 11, "stone_1")
    return c


def road(seed: int = 0) -> Canvas:
    rng = rng_for(300 + seed)
    c = Canvas(T, T, "stone_1")
    v = smooth_noise(rng, T, T, 1) * 0.5 + rng.random((T, T)) * 0.5
    c.fill_mask(v < 0.22, "stone_0")
    c.fill_mask(v > 0.86, "stone_2")
    return c


def road_cracked() -> Canvas:
    c = road(1)
    crack = [(2, 3), (3, 4), (4, 4), (5, 5), (6, 6), (7, 6), (8, 7), (8, 8), (9, 9), (11, 10),
             (10, 9), (12, 11), (13, 11)]
    for x, y in crack:
        c.set(x, y, "ink")
        c.set(x, y + 1, "stone_2")
    for x, y in [(3, 3), (8, 6), (12, 10)]:
        c.set(x, y, "moss_2")
        c.set(x - 1, y - 1, "moss_3")
        c.set(x + 1, y - 1, "moss_3")
        c.set(x, y - 2, "moss_4")
        c.set(x + 1, y, "moss_1")
    return c


def road_lane(vertical: bool) -> Canvas:
    c = road(2 + vertical)
    rng = rng_for(33 + vertical)
    for i in range(3, 13):
        for j in (7, 8):
            col = "stone_4" if rng.random() > 0.15 else "stone_3"
            if j == 8:
                col = "stone_3" if col == "stone_4" else "stone_2"
            if vertical:
                c.set(j, i, col)
            else:
                c.set(i, j, col)
    return c


def plot(variant: int) -> Canvas:
    rng = rng_for(400 + variant)
    c = Canvas(T, T, "stone_3")
    # stone frame: lit top-left, shaded bottom-right
    c.hline(0, 15, 0, "stone_4")
    c.vline(0, 0, 15, "stone_4")
    c.hline(0, 15, 15, "stone_1")
    c.vline(15, 0, 15, "stone_1")
    c.hline(1, 14, 14, "stone_2")
    c.vline(14, 1, 14, "stone_2")
    # sunken soil bed
    for y in range(2, 14):
        for x in range(2, 14):
            if variant == 0:
                ridge = (y - 2) % 3
                col = ["soil_2", "soil_1", "soil_0"][ridge]
            else:
                ridge = (x - 2 + (y // 4)) % 3
                col = ["soil_2", "soil_1", "soil_1"][ridge]
            if rng.random() < 0.12:
                col = "soil_1" if col != "soil_1" else "soil_2"
            c.set(x, y, col)
    c.hline(2, 13, 2, "soil_0")  # the frame's shadow falls into the bed
    c.vline(2, 2, 13, "soil_0")
    if variant == 1:
        for x, y in [(5, 6), (10, 10), (9, 5)]:
            c.set(x, y, "stone_3")
            c.set(x + 1, y, "stone_2")
    # glowing corner pegs
    for x, y in [(1, 1), (13, 1), (1, 13), (13, 13)]:
        c.rect(x, y, 2, 2, "teal_3")
        c.set(x, y, "teal_4")
        c.set(x + 1, y + 1, "teal_2")
    return c


def mossy_paving() -> Canvas:
    c = paving(4)
    rng = rng_for(44)
    moss_in_cracks(c, rng, 0.9)
    m = smooth_noise(rng, T, T, 3)
    for y in range(T):
        for x in range(T):
            if m[y, x] > 0.55:
                col = "moss_2" if m[y, x] < 0.8 else "moss_3"
                if m[(y - 1) % T, x] <= 0.55:
                    col = "moss_3"
                elif m[(y + 1) % T, x] <= 0.55:
                    col = "moss_1"
                c.set(x, y, col)
    return c


def boardwalk() -> Canvas:
    rng = rng_for(15)
    c = Canvas(T, T, "soil_2")
    for p in range(4):
        y0 = p * 4
        c.hline(0, 15, y0, "soil_3")
        c.hline(0, 15, y0 + 3, "soil_0")
        for x in range(T):
            if rng.random() < 0.18:
                c.set(x, y0 + 1 + int(rng.integers(0, 2)), "soil_1")
        joint = (3 + p * 7) % 16
        c.vline(joint, y0, y0 + 2, "soil_0")
        c.set((joint + 1) % 16, y0 + 1, "stone_4")
        c.set((joint - 2) % 16, y0 + 1, "stone_3")
    return c


# ---------------------------------------------------------------------------------------
# buildings (3/4 view: roof face on top, front wall below)
# ---------------------------------------------------------------------------------------
def roof_lip(c: Canvas) -> None:
    c.hline(0, 15, 12, "moss_0")
    c.hline(0, 15, 13, "stone_4")
    c.hline(0, 15, 14, "stone_3")
    c.hline(0, 15, 15, "stone_1")
    for x in (3, 11):
        c.set(x, 14, "stone_2")


def roof() -> Canvas:
    rng = rng_for(16)
    c = Canvas(T, T, "moss_1")
    m = smooth_noise(rng, T, T, 2)
    c.fill_mask(m > 0.55, "moss_2")
    c.fill_mask(m > 0.85, "moss_3")
    c.fill_mask(m < 0.12, "moss_0")
    # membrane seams
    for x in range(T):
        if c.is_col(x, 5, "moss_1"):
            c.set(x, 5, "moss_0")
    roof_lip(c)
    return c


def roof_garden() -> Canvas:
    c = roof()
    rng = rng_for(17)
    for bx, by in [(1, 1), (9, 1), (1, 7), (9, 7)]:
        c.rect(bx, by, 6, 4, "soil_1")
        c.hline(bx, bx + 5, by + 4, "soil_2")
        c.hline(bx, bx + 5, by + 5 if by + 5 < 12 else by + 4, "soil_0")
        for x in range(bx, bx + 6):
            for y in range(by - 1, by + 3):
                if rng.random() < 0.7:
                    c.set(x, y, "moss_3" if y < by + 1 else "moss_2")
        c.set(bx + 1, by - 1, "moss_4")
        c.set(bx + 4, by, "moss_4")
        flower = ["bloom_2", "amber_2", "teal_3", "bloom_3"][(bx + by) % 4]
        c.set(bx + 2 + (by % 2), by, flower)
    roof_lip(c)
    return c


def roof_solar() -> Canvas:
    c = roof()
    c.rect(1, 1, 14, 10, "steel_1")
    c.hline(1, 14, 1, "steel_2")
    c.vline(1, 1, 10, "steel_2")
    c.hline(1, 14, 11, "stone_0")
    c.vline(15, 2, 11, "moss_0")
    for cy in range(2, 10, 4):
        for cx in range(2, 14, 4):
            c.rect(cx, cy, 3, 3, "teal_2")
            c.set(cx, cy, "teal_3")
            c.set(cx + 2, cy + 2, "teal_1")
    c.set(2, 2, "teal_4")
    c.set(3, 2, "teal_4")
    c.set(2, 3, "teal_4")
    return c


def roof_vent() -> Canvas:
    c = roof()
    c.rect(6, 4, 9, 7, "moss_0")  # shadow, down-right
    c.rect(3, 2, 9, 5, "stone_3")  # top face with louvres
    for y in (3, 5):
        c.hline(4, 10, y, "stone_1")
    c.hline(3, 11, 2, "stone_4")
    c.vline(3, 2, 6, "stone_4")
    c.rect(3, 7, 9, 3, "stone_2")  # front face
    c.hline(3, 11, 9, "stone_1")
    c.vline(11, 2, 9, "stone_1")
    c.set(5, 8, "teal_3")  # a status light
    return c


def wall() -> Canvas:
    rng = rng_for(20)
    c = Canvas(T, T, "stone_3")
    for y in range(1, 12):
        for x in range(T):
            r = rng.random()
            if r < 0.08:
                c.set(x, y, "stone_2")
            elif r > 0.97:
                c.set(x, y, "stone_4")
    c.hline(0, 15, 0, "stone_0")  # shadow under the roof lip
    c.hline(0, 15, 1, "stone_2")
    c.vline(0, 1, 11, "stone_4")  # panel seams
    c.vline(15, 1, 11, "stone_2")
    c.vline(8, 2, 11, "stone_2")
    c.set(8, 1, "stone_1")
    # base course: darker blocks
    c.rect(0, 12, 16, 4, "stone_1")
    c.hline(0, 15, 12, "stone_2")
    c.hline(0, 15, 15, "stone_0")
    for x in (5, 12):
        c.vline(x, 13, 14, "stone_0")
        c.set(x + 1, 13, "stone_2")
    return c


def wall_window() -> Canvas:
    c = wall()
    c.rect(3, 2, 10, 9, "stone_4")  # frame
    c.rect(4, 3, 8, 7, "amber_2")
    c.rect(4, 3, 8, 1, "amber_1")  # deep top of the opening in shadow
    c.vline(4, 3, 9, "amber_1")
    c.vline(7, 3, 9, "soil_1")  # mullion
    c.hline(4, 11, 6, "soil_1")
    c.set(9, 4, "amber_3")
    c.set(10, 4, "amber_3")
    c.set(9, 5, "amber_3")
    c.set(5, 7, "amber_3")
    c.hline(2, 13, 11, "stone_4")  # sill
    c.hline(3, 13, 12, "stone_0")
    c.vline(13, 3, 10, "stone_2")
    # a pot on the sill
    c.set(10, 10, "soil_2")
    c.set(11, 10, "soil_2")
    c.set(10, 9, "moss_3")
    c.set(11, 8, "moss_2")
    return c


def wall_vines() -> Canvas:
    c = wall()
    rng = rng_for(22)
    lengths = [6, 9, 4, 11, 7, 3, 10, 12, 5, 8, 4, 9, 6, 11, 3, 7]
    for x in range(T):
        n = lengths[x]
        for y in range(1, 1 + n):
            c.set(x, y, "moss_2" if (x + y) % 3 else "moss_1")
        c.set(x, n, "moss_1")
        c.set(x, n + 1, "moss_0")
        if x % 2 == 0:
            c.set(x, 2 + x % 4, "moss_3")
        if rng.random() < 0.3:
            c.set(x, 1 + int(rng.integers(1, max(2, n))), "moss_4")
    for x, y, col in [(2, 5, "teal_3"), (6, 3, "bloom_2"), (11, 7, "teal_3"), (13, 4, "bloom_3"),
                      (8, 9, "bloom_2"), (4, 8, "amber_2")]:
        c.set(x, y, col)
        c.set(x, y + 1, "moss_0")
        c.set(x - 1, y, "teal_4" if col.startswith("teal") else "bloom_3")
    return c


def wall_door() -> Canvas:
    c = wall()
    c.rect(3, 2, 10, 14, "stone_4")  # frame
    c.rect(4, 3, 8, 12, "teal_1")  # door leaves
    c.vline(4, 3, 14, "teal_0")
    c.hline(4, 11, 3, "teal_0")
    c.vline(8, 3, 14, "teal_0")
    for x in (6, 10):
        c.vline(x, 5, 12, "teal_2")
    c.set(7, 9, "amber_2")
    c.set(9, 9, "amber_2")
    c.vline(12, 3, 14, "stone_2")
    c.rect(2, 15, 12, 1, "stone_3")  # step
    c.hline(3, 12, 14, "stone_1")
    c.set(7, 1, "teal_3")  # lamp over the door
    c.set(8, 1, "teal_4")
    return c


# ---------------------------------------------------------------------------------------
# nature
# ---------------------------------------------------------------------------------------
WATER_DASHES = [(1, 1, 0), (9, 3, 2), (4, 6, 1), (12, 8, 3), (2, 10, 2), (8, 12, 0),
                (13, 14, 1), (6, 15, 3), (14, 4, 0)]


def water(frame: int) -> Canvas:
    c = Canvas(T, T, "teal_1")
    for x, y, n in [(3, 3, 4), (11, 1, 3), (7, 8, 5), (0, 12, 3), (12, 11, 4), (5, 14, 2)]:
        for i in range(n):
            c.wset(x + i, y, "teal_0")
    for x, y, phase in WATER_DASHES:
        n = [2, 4, 5, 3][(frame + phase) % 4]
        for i in range(n):
            c.wset(x + i, y, "teal_2")
            c.wset(x + i + 1, y + 1, "teal_0")
        if n >= 3:
            c.wset(x + 1, y, "teal_3")
    return c


def tree(frame: int) -> Canvas:
    c = grass(0)
    yy, xx = np.mgrid[0:T, 0:T]
    # ground shadow down-right
    step(c, ellipse_mask(T, T, 10.0, 12.5, 6.0, 3.0), -1)
    c.rect(7, 10, 2, 4, "soil_2")
    c.vline(7, 10, 13, "soil_3")
    c.set(8, 13, "soil_1")
    c.set(6, 13, "soil_1")
    c.set(9, 13, "soil_1")
    canopy = Canvas(T, T)
    mask = np.zeros((T, T), bool)
    for cx, cy, rx, ry in [(8, 6.5, 6.5, 5.5), (5, 7.5, 3.5, 3.0), (11, 7.5, 3.5, 3.0),
                           (8, 3.5, 4.0, 3.0)]:
        mask |= ellipse_mask(T, T, cx - 0.5, cy - 0.5, rx, ry)
    mask &= yy <= 11
    light = sphere_light(T, T, 8, 6.5, 7.5, 6.5)
    rng = rng_for(28)
    tex = (rng.random((T, T)) - 0.5) * 0.25
    clump = 0.12 * np.sin(xx * 1.7 + yy * 2.3)
    shade(canopy, mask, ["moss_0", "moss_1", "moss_2", "moss_3", "moss_4"],
          light * 1.05 + tex + clump)
    canopy.outline("moss_0")
    for x, y, col in [(5, 5, "teal_3"), (10, 3, "bloom_3"), (11, 8, "teal_3"), (6, 9, "amber_2")]:
        canopy.set(x, y, col)
    if frame == 1:
        top = canopy.copy()
        top.a[8:] = 0
        canopy.a[:8] = 0
        canopy.blit(top.shifted(1, 0), 0, 0)
    c.blit(canopy, 0, 0)
    return c


def on_paving() -> Canvas:
    return paving(0)


def planter(frame: int) -> Canvas:
    c = on_paving()
    step(c, (np.mgrid[0:T, 0:T][0] == 15) & (np.mgrid[0:T, 0:T][1] >= 3), -1)
    c.rect(15, 8, 1, 7, "stone_1")
    # box: top rim, soil, front face
    c.rect(1, 7, 14, 2, "soil_3")
    c.rect(2, 8, 12, 1, "soil_0")
    c.rect(1, 9, 14, 5, "soil_2")
    c.hline(1, 14, 9, "soil_3")
    c.hline(1, 14, 13, "soil_1")
    c.vline(14, 9, 13, "soil_1")
    for x in (5, 10):
        c.vline(x, 10, 12, "soil_1")
    c.hline(0, 15, 14, "stone_1")
    sway = frame
    stems = [(3, 3, "bloom_2"), (6, 1, "teal_3"), (9, 2, "amber_2"), (12, 3, "bloom_3"),
             (4, 5, "teal_3"), (11, 5, "amber_2"), (7, 4, "bloom_2")]
    for i, (x, top, col) in enumerate(stems):
        dx = sway if i % 2 == 0 else 0
        for y in range(top + 1, 8):
            c.set(x + (dx if y < 5 else 0), y, "moss_2" if y % 2 else "moss_1")
        fx = x + dx
        c.set(fx, top, col)
        c.set(fx - 1, top, col)
        c.set(fx + 1, top, col)
        c.set(fx, top - 1, col)
        c.set(fx, top, "amber_3" if not col.startswith("amber") else "stone_4")
        c.set(x + 1, 6, "moss_3")
        c.set(x - 1, 7, "moss_3")
    return c


# ---------------------------------------------------------------------------------------
# props on paving
# ---------------------------------------------------------------------------------------
def biolamp(frame: int) -> Canvas:
    c = on_paving()
    if frame == 1:  # light pooling on the slabs
        step(c, ellipse_mask(T, T, 7.5, 13.5, 6.5, 2.5), +1)
    for i in range(5):  # the post's shadow, down-right
        c.set(9 + i, 14 - i // 2, "stone_1")
    c.rect(5, 13, 6, 2, "stone_1")
    c.hline(5, 10, 13, "stone_3")
    c.set(10, 14, "stone_0")
    c.vline(7, 5, 12, "stone_3")
    c.vline(8, 5, 12, "stone_1")
    # a curled sprout cradling the glowing pod
    for x, y, col in [(6, 5, "moss_2"), (5, 4, "moss_3"), (9, 5, "moss_1"), (10, 4, "moss_2"),
                      (4, 3, "moss_3"), (11, 3, "moss_1"), (6, 9, "moss_2"), (5, 8, "moss_3")]:
        c.set(x, y, col)
    core = ["teal_2", "teal_3", "teal_4"] if frame == 1 else ["teal_1", "teal_2", "teal_3"]
    mask = ellipse_mask(T, T, 7.5, 2.6, 3.0, 2.6)
    shade(c, mask, core, sphere_light(T, T, 7.5, 2.6, 3.0, 2.6))
    c.set(6, 1, "teal_4")
    c.set(7, 1, "teal_4" if frame else "teal_3")
    c.hline(6, 9, 5, "teal_0")
    if frame == 1:
        for x, y in [(3, 1), (12, 1), (2, 4), (13, 5)]:
            c.set(x, y, "teal_3")
    return c


def _diag_shadow(x: int, y: int, n: int) -> np.ndarray:
    m = np.zeros((T, T), bool)
    for i in range(n):
        if 0 <= y - i < T and 0 <= x + i < T:
            m[y - i // 2, x + i] = True
    return m


def bench() -> Canvas:
    c = on_paving()
    step(c, (np.mgrid[0:T, 0:T][0] >= 11) & (np.mgrid[0:T, 0:T][0] <= 13)
         & (np.mgrid[0:T, 0:T][1] >= 3), -1)
    # back rest slats
    for y in (3, 5):
        c.hline(2, 13, y, "soil_3")
        c.hline(2, 13, y + 1, "soil_1")
    # seat
    c.rect(1, 8, 14, 3, "soil_2")
    c.hline(1, 14, 8, "soil_3")
    c.hline(1, 14, 10, "soil_1")
    c.hline(2, 13, 9, "soil_2")
    # iron frame
    for x in (2, 13):
        c.vline(x, 2, 12, "stone_0")
        c.set(x, 2, "stone_2")
    c.vline(3, 11, 12, "stone_1")
    c.vline(12, 11, 12, "stone_1")
    c.set(6, 8, "stone_4")
    c.set(10, 3, "amber_3")
    return c


def kiosk() -> Canvas:
    c = on_paving()
    step(c, (np.mgrid[0:T, 0:T][1] >= 14) | (np.mgrid[0:T, 0:T][0] >= 14), -1)
    # roof (green canopy)
    c.rect(1, 0, 14, 3, "moss_2")
    c.hline(1, 14, 0, "moss_3")
    c.hline(1, 14, 2, "moss_0")
    c.set(2, 0, "moss_4")
    # body
    c.rect(2, 3, 12, 11, "stone_2")
    c.vline(2, 3, 13, "stone_3")
    c.vline(13, 3, 13, "stone_1")
    c.hline(2, 13, 13, "stone_0")
    # screen with a leaf
    c.rect(4, 4, 8, 4, "teal_0")
    c.rect(5, 5, 6, 2, "teal_1")
    c.set(7, 5, "teal_3")
    c.set(8, 5, "teal_4")
    c.set(8, 6, "teal_3")
    c.set(6, 6, "teal_2")
    # three sorting slots: organic, polymer, alloy
    for i, col in enumerate(["soil_3", "bloom_2", "steel_2"]):
        x = 4 + i * 3
        c.rect(x, 9, 2, 3, "ink")
        c.hline(x, x + 1, 9, col)
        c.set(x, 12, col)
        c.set(x + 1, 12, col)
    return c


def hedge() -> Canvas:
    c = on_paving()
    rng = rng_for(36)
    step(c, (np.mgrid[0:T, 0:T][0] >= 13) | (np.mgrid[0:T, 0:T][1] >= 15), -1)
    c.rect(1, 2, 14, 6, "moss_3")
    c.rect(1, 8, 14, 6, "moss_1")
    for y in range(2, 14):
        for x in range(1, 15):
            r = rng.random()
            if y < 8:
                col = "moss_4" if r > 0.85 else ("moss_2" if r < 0.25 else None)
            else:
                col = "moss_2" if r > 0.8 else ("moss_0" if r < 0.2 else None)
            if col:
                c.set(x, y, col)
    c.hline(1, 14, 7, "moss_2")
    c.hline(1, 14, 8, "moss_2")
    c.hline(1, 14, 13, "moss_0")
    c.vline(14, 3, 13, "moss_0")
    c.hline(2, 13, 1, "moss_0")
    c.vline(0, 3, 12, "moss_0")
    for x in range(2, 14, 3):
        c.set(x, 1, "moss_3")
    c.set(5, 4, "bloom_3")
    c.set(11, 3, "teal_3")
    return c


def rubble() -> Canvas:
    c = on_paving()
    step(c, ellipse_mask(T, T, 9, 12.5, 7.5, 3.0), -1)
    chunks = [(1, 9, 5, 4), (5, 6, 6, 5), (10, 8, 5, 5), (3, 11, 5, 3), (8, 11, 4, 3),
              (7, 3, 3, 3)]
    for x, y, w, h in chunks:
        c.rect(x, y, w, h, "stone_2")
        c.rect(x, y, w, 2, "stone_3")
        c.hline(x, x + w - 2, y, "stone_4")
        c.vline(x + w - 1, y, y + h - 1, "stone_1")
        c.hline(x, x + w - 1, y + h - 1, "stone_1")
        c.set(x + w - 1, y + h - 1, "stone_0")
    c.line(11, 3, 12, 8, "amber_0")  # rust-red rebar poking out
    c.set(11, 3, "amber_1")
    c.line(3, 7, 4, 9, "amber_0")
    c.set(6, 9, "moss_3")  # weeds already moving in
    c.set(13, 10, "moss_2")
    c.set(12, 9, "moss_3")
    return c


def fountain(frame: int) -> Canvas:
    c = on_paving()
    step(c, ellipse_mask(T, T, 8.5, 9.5, 8, 6.5), -1)
    c.fill_mask(ellipse_mask(T, T, 7.5, 8.5, 7.5, 6.0), "stone_4")
    c.fill_mask(ellipse_mask(T, T, 7.5, 9.5, 7.5, 6.0) & ~ellipse_mask(T, T, 7.5, 8.5, 7.5, 6.0),
                "stone_2")
    inner = ellipse_mask(T, T, 7.5, 8.5, 5.8, 4.4)
    c.fill_mask(inner, "teal_1")
    c.fill_mask(inner & ~ellipse_mask(T, T, 7.0, 9.0, 5.8, 4.4), "teal_0")
    for x, y in [(4, 9), (10, 10), (6, 11)] if frame == 0 else [(5, 10), (11, 9), (9, 11)]:
        c.set(x, y, "teal_3")
        c.set(x + 1, y, "teal_2")
    # column and jet
    c.rect(7, 5, 2, 4, "stone_3")
    c.set(8, 6, "stone_2")
    c.set(7, 4, "stone_4")
    c.set(8, 4, "stone_4")
    jets = ([(7, 3), (8, 2), (6, 2), (9, 3), (5, 3), (10, 4), (4, 5), (11, 6)] if frame == 0 else
            [(7, 2), (8, 3), (6, 3), (9, 2), (5, 4), (10, 3), (4, 6), (11, 5)])
    for i, (x, y) in enumerate(jets):
        c.set(x, y, "teal_4" if i < 2 else "teal_3")
    c.set(7, 1 + frame, "stone_4")
    return c


# ---------------------------------------------------------------------------------------
# grass edges (mask bits N=1, E=2, S=4, W=8: that neighbour is not grass)
# ---------------------------------------------------------------------------------------
TUFTS = [0, 1, 0, 0, 2, 0, 1, 0, 0, 0, 1, 2, 0, 0, 1, 0]


def grass_edge(mask: int) -> Canvas:
    c = grass(0)
    if mask == 0:
        return c
    n, e, s, w = (bool(mask & b) for b in (1, 2, 4, 8))
    for t in range(T):
        tuft = TUFTS[t]
        if n:  # back edge: dark lip, lit rim
            c.set(t, 0, "moss_0" if tuft == 0 else "moss_3")
            c.set(t, 1, "moss_3" if tuft != 2 else "moss_4")
        if w:
            c.set(0, t, "moss_0" if tuft == 0 else "moss_3")
            c.set(1, t, "moss_3")
        if e:
            c.set(15, t, "moss_0" if tuft == 0 else "moss_2")
            c.set(14, t, "moss_1")
    if s:  # front edge: an earth face with grass tufts hanging over it
        for t in range(T):
            tuft = TUFTS[(t + 5) % T]
            c.set(t, 13, "moss_1" if c.is_col(t, 13, "moss_2") else c.get(t, 13)[:3])
            c.set(t, 14, "soil_1" if tuft == 0 else "moss_1")
            c.set(t, 15, "soil_0" if tuft < 2 else "moss_0")
        if w:
            c.set(0, 14, "moss_0")
            c.set(0, 15, "soil_0")
        if e:
            c.set(15, 14, "soil_0")
    # rounded corners
    if n and w:
        c.set(0, 0, "moss_0")
        c.set(1, 0, "moss_0")
        c.set(0, 1, "moss_0")
        c.set(1, 1, "moss_0")
        c.set(2, 1, "moss_3")
        c.set(1, 2, "moss_3")
    if n and e:
        c.set(15, 0, "moss_0")
        c.set(14, 0, "moss_0")
        c.set(15, 1, "moss_0")
        c.set(14, 1, "moss_1")
    if s and w:
        c.set(1, 14, "soil_0")
        c.set(1, 13, "moss_1")
    if s and e:
        c.set(14, 15, "soil_0")
        c.set(14, 14, "soil_0")
    return c


# ---------------------------------------------------------------------------------------
def build_tiles() -> list[Canvas]:
    tiles: list[Canvas] = [
        grass(0), grass_flowers(), grass_clover(), grass_leaves(),
        paving(0), paving_cracked(), paving_moss(), paving_drain(),
        road(0), road_cracked(), road_lane(False), road_lane(True),
        plot(0), plot(1), mossy_paving(), boardwalk(),
        roof(), roof_garden(), roof_solar(), roof_vent(),
        wall(), wall_window(), wall_vines(), wall_door(),
        water(0), water(1), water(2), water(3),
        tree(0), tree(1), planter(0), planter(1),
        biolamp(0), biolamp(1), bench(), kiosk(), hedge(), rubble(), fountain(0), fountain(1),
    ]
    tiles += [grass_edge(m) for m in range(16)]
    assert len(tiles) == len(TILES) == 56
    return tiles


def tileset_sheet(tiles: list[Canvas]) -> Canvas:
    rows = math.ceil(len(tiles) / COLUMNS)
    sheet = Canvas(COLUMNS * T, rows * T)
    for i, t in enumerate(tiles):
        sheet.blit(t, (i % COLUMNS) * T, (i // COLUMNS) * T)
    return sheet
