"""Murals (32x32 stages) and buildable structures (16x24: depot, workshop, barrier, emitter)."""

from __future__ import annotations

import numpy as np

from .canvas import Canvas, ellipse_mask, shade, shift_mask, sphere_light

# ---------------------------------------------------------------------------------------
# mural: frames sketch / flat colour / luminescent / damage overlay (transparent)
# ---------------------------------------------------------------------------------------
M = 32


def _wall() -> Canvas:
    rng = np.random.default_rng([2147, 7, 1])
    c = Canvas(M, M, "stone_3")
    noise = rng.random((M, M))
    c.fill_mask(noise < 0.07, "stone_2")
    c.hline(0, M - 1, 0, "stone_4")
    c.vline(0, 0, M - 1, "stone_4")
    c.hline(0, M - 1, M - 1, "stone_1")
    c.vline(M - 1, 0, M - 1, "stone_1")
    c.hline(1, M - 2, M - 2, "stone_2")
    return c


def _regions() -> list[tuple[np.ndarray, list[str], str]]:
    """(mask, shading ramp, flat colour) for each painted shape, back to front."""
    yy, xx = np.mgrid[0:M, 0:M]
    sun = ellipse_mask(M, M, 15.5, 12.0, 10.5, 9.5) & ~ellipse_mask(M, M, 15.5, 12.0, 7.5, 6.5)
    waves = (yy >= 24) & (yy <= 29) & (xx >= 2) & (xx <= 29)
    waves &= (yy - 24) >= (np.sin(xx * 0.8) * 1.5 + 1).round()
    stem = (np.abs(xx - 15.5 - np.sin(yy * 0.35) * 1.2) <= 1.0) & (yy >= 9) & (yy <= 27)
    leaf_l = ellipse_mask(M, M, 10.0, 18.0, 5.0, 2.4)
    leaf_r = ellipse_mask(M, M, 21.0, 15.0, 5.0, 2.4)
    bloom = ellipse_mask(M, M, 15.5, 8.0, 4.2, 3.6)
    core = ellipse_mask(M, M, 15.5, 8.0, 1.6, 1.4)
    return [
        (sun, ["amber_0", "amber_1", "amber_2", "amber_3"], "amber_2"),
        (waves, ["teal_0", "teal_1", "teal_2", "teal_3"], "teal_2"),
        (stem, ["moss_1", "moss_2", "moss_3"], "moss_2"),
        (leaf_l, ["moss_1", "moss_2", "moss_3", "moss_4"], "moss_3"),
        (leaf_r, ["moss_1", "moss_2", "moss_3", "moss_4"], "moss_3"),
        (bloom, ["bloom_0", "bloom_1", "bloom_2", "bloom_3"], "bloom_2"),
        (core, ["amber_2", "amber_3"], "amber_3"),
    ]


def _edge(mask: np.ndarray) -> np.ndarray:
    inner = mask.copy()
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        inner &= shift_mask(mask, dx, dy)
    return mask & ~inner


def mural_stage(stage: int) -> Canvas:
    c = _wall()
    light = sphere_light(M, M, 15.5, 14.0, 18.0, 18.0)
    for mask, ramp, flat in _regions():
        if stage == 0:
            edge = _edge(mask)
            # chalk sketch: broken lines
            yy, xx = np.mgrid[0:M, 0:M]
            c.fill_mask(edge & ((xx * 3 + yy * 5) % 7 != 0), "stone_1")
        elif stage == 1:
            c.fill_mask(mask, flat)
            c.fill_mask(_edge(mask), ramp[max(0, len(ramp) - 3)])
        else:
            halo = mask.copy()
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                halo |= shift_mask(mask, dx, dy)
            c.fill_mask(halo & ~mask & ((np.mgrid[0:M, 0:M].sum(0)) % 2 == 0), ramp[-1])
            shade(c, mask, ramp[1:], light)
            c.fill_mask(_edge(mask), ramp[-1])
    if stage == 2:
        # halo of glow pixels around the bloom and sun
        rng = np.random.default_rng([2147, 7, 2])
        for _ in range(26):
            x, y = (int(v) for v in rng.integers(2, M - 2, 2))
            if c.is_col(x, y, "stone_3") or c.is_col(x, y, "stone_2"):
                c.set(x, y, ["teal_4", "bloom_3", "amber_3"][int(rng.integers(0, 3))])
        c.set(15, 8, "steel_3")
        c.set(14, 7, "amber_3")
    return c


def mural_damage() -> Canvas:
    """Transparent overlay: cracks and grey paint, to draw over any stage."""
    c = Canvas(M, M)
    rng = np.random.default_rng([2147, 7, 3])
    for cx, cy, rx, ry in [(8, 8, 6, 4), (22, 20, 7, 5), (12, 24, 4, 3), (25, 7, 3, 4)]:
        blob = ellipse_mask(M, M, cx, cy, rx, ry) & (rng.random((M, M)) < 0.85)
        c.fill_mask(blob, "stone_2", 235)
        c.fill_mask(blob & (rng.random((M, M)) < 0.3), "stone_3", 235)
        for i in range(3):  # drips
            x = int(cx - rx + 2 + i * rx * 0.7)
            for y in range(int(cy + ry - 1), int(cy + ry + 2 + i % 2 * 2)):
                c.set(x, y, "stone_2", 235)
    for pts in [[(3, 2), (6, 7), (5, 11), (9, 15), (8, 19)],
                [(29, 12), (25, 15), (26, 19), (21, 23), (22, 28)],
                [(15, 30), (16, 26), (13, 22)]]:
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            c.line(x0, y0, x1, y1, "ink")
            c.line(x0 + 1, y0, x1 + 1, y1, "stone_1")
    return c


def mural_sheet() -> Canvas:
    c = Canvas(M * 4, M)
    for i in range(3):
        c.blit(mural_stage(i), i * M, 0)
    c.blit(mural_damage(), 3 * M, 0)
    return c


# ---------------------------------------------------------------------------------------
# structures: 16x24, row 0 normal, row 1 active
# ---------------------------------------------------------------------------------------
def _house(roof: str, wall_ramp: tuple[str, str, str]) -> Canvas:
    c = Canvas(16, 24)
    light, base, dark = wall_ramp
    c.rect(1, 12, 14, 10, base)
    c.vline(1, 12, 21, light)
    c.vline(14, 12, 21, dark)
    c.hline(1, 14, 21, dark)
    # roof face (3/4 view) with a lip
    c.rect(0, 4, 16, 8, roof)
    c.hline(0, 15, 4, "moss_4" if roof == "moss_3" else "stone_4")
    c.hline(0, 15, 11, "stone_4")
    c.hline(1, 14, 12, "stone_0")
    return c


def depot(active: bool) -> Canvas:
    c = _house("moss_2", ("stone_4", "stone_3", "stone_1"))
    c.rect(1, 5, 14, 6, "moss_2")
    for x in range(1, 15, 3):
        c.vline(x, 5, 10, "moss_1")
        c.set(x + 1, 5, "moss_3")
    c.set(3, 6, "moss_4")
    # guild emblem: a leaf in a ring
    c.ellipse(7.5, 7.5, 2.6, 2.6, "stone_4")
    c.ellipse(7.5, 7.5, 1.8, 1.8, "teal_3" if active else "teal_2")
    c.set(7, 7, "moss_1")
    c.set(8, 8, "moss_1")
    # wide door with crates
    c.rect(4, 14, 8, 8, "soil_1")
    c.hline(4, 11, 14, "soil_0")
    for x, y, w, h in [(5, 17, 3, 4), (8, 18, 3, 3), (6, 15, 3, 2)]:
        c.rect(x, y, w, h, "soil_3")
        c.hline(x, x + w - 1, y, "amber_2" if active else "soil_3")
        c.vline(x + w - 1, y, y + h - 1, "soil_2")
    c.set(2, 14, "teal_4" if active else "teal_2")
    c.set(13, 14, "teal_4" if active else "teal_2")
    return _finish(c)


def workshop(active: bool) -> Canvas:
    c = _house("soil_2", ("soil_3", "soil_2", "soil_1"))
    for x in range(0, 16):  # wooden shingles
        for y in range(5, 11):
            if (x + (y // 2) * 2) % 4 == 0:
                c.set(x, y, "soil_1")
    c.rect(11, 1, 3, 4, "stone_2")  # chimney with a sprout
    c.hline(11, 13, 1, "stone_4")
    c.set(12, 0, "moss_3")
    # awning stripes
    for x in range(1, 15):
        c.vline(x, 12, 13, "amber_2" if x % 4 < 2 else "stone_4")
    c.rect(3, 15, 5, 4, "amber_2" if active else "amber_1")  # lit window
    c.hline(3, 7, 15, "amber_3" if active else "amber_2")
    c.vline(5, 15, 18, "soil_1")
    c.rect(9, 15, 4, 7, "soil_1")  # door
    c.set(11, 18, "amber_2")
    if active:
        for x, y in [(4, 12), (13, 2), (10, 0)]:
            c.set(x, y, "amber_3")
    return _finish(c)


def barrier(active: bool) -> Canvas:
    c = Canvas(16, 24)
    for x in (1, 5, 10, 14):  # stakes
        c.rect(x, 9, 2, 13, "soil_2")
        c.vline(x, 9, 21, "soil_3")
        c.set(x, 8, "soil_3")
        c.set(x + 1, 8, "soil_2")
    for y in (12, 16):  # woven rails
        c.rect(0, y, 16, 2, "soil_2")
        c.hline(0, 15, y, "soil_3")
        c.hline(0, 15, y + 1, "soil_1")
    vine = [(0, 11), (2, 10), (3, 12), (4, 14), (6, 15), (7, 13), (8, 11), (9, 12), (11, 14),
            (12, 16), (13, 17), (15, 15), (3, 18), (6, 19), (10, 19), (13, 20)]
    for x, y in vine:
        c.set(x, y, "moss_2")
        c.set(x, y - 1, "moss_3")
    for x, y in [(3, 11), (9, 11), (12, 15), (6, 18)]:
        c.set(x, y, "moss_4" if not active else "teal_4")
    if active:
        for x, y in [(7, 12), (13, 19)]:
            c.set(x, y, "bloom_3")
    return _finish(c, shadow_rx=7.5)


def emitter(active: bool) -> Canvas:
    c = Canvas(16, 24)
    yy, xx = np.mgrid[0:24, 0:16]
    base = ellipse_mask(16, 24, 7.5, 19.5, 5.0, 2.5) | (
        (xx >= 3) & (xx <= 12) & (yy >= 17) & (yy <= 20))
    shade(c, base, ["soil_1", "amber_0", "amber_1", "amber_2"], np.clip(1.1 - (xx - 3) / 9, 0, 1))
    c.fill_mask(ellipse_mask(16, 24, 7.5, 17.0, 5.0, 1.6), "amber_2")
    c.rect(7, 8, 2, 9, "stone_2")  # mast
    c.vline(7, 8, 16, "stone_3")
    for y in (11, 14):
        c.set(6, y, "moss_2")
        c.set(9, y + 1, "moss_3")
    orb = ellipse_mask(16, 24, 7.5, 5.5, 4.0, 4.0)
    ramp = ["teal_1", "teal_2", "teal_3", "teal_4"] if active else ["teal_0", "teal_1", "teal_2"]
    shade(c, orb, ramp, sphere_light(16, 24, 7.5, 5.5, 4, 4))
    c.set(6, 3, "steel_3")
    out = _finish(c)
    if active:  # emission ring, not outlined
        ring = ellipse_mask(16, 24, 7.5, 5.5, 7.4, 5.6) & ~ellipse_mask(16, 24, 7.5, 5.5, 6.4, 4.6)
        ring &= ((xx + yy) % 2 == 0) & (out.a[..., 3] == 0)
        out.fill_mask(ring, "teal_3", 200)
    return out


def _finish(c: Canvas, shadow_rx: float = 6.5) -> Canvas:
    c.outline("ink")
    c.drop_shadow(8.5, 22.5, shadow_rx, 1.4, alpha=90)
    return c


def structure_frames() -> list[list[Canvas]]:
    kinds = [depot, workshop, barrier, emitter]
    return [[k(False) for k in kinds], [k(True) for k in kinds]]

