"""A tiny RGBA pixel canvas on numpy, plus the drawing helpers every asset uses.

Colours are palette names ("moss_2"), RGB tuples or RGBA tuples. Nothing here is random
unless a numpy Generator is passed in, so the output is deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from game.render.palette import PALETTE

Colour = str | tuple[int, ...]

# 4x4 ordered-dither (Bayer) thresholds in [0, 1)
BAYER4 = (
    np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=float) + 0.5
) / 16.0


def rgba(c: Colour, alpha: int = 255) -> tuple[int, int, int, int]:
    if isinstance(c, str):
        r, g, b = PALETTE[c]
        return (r, g, b, alpha)
    if len(c) == 4:
        return tuple(c)  # type: ignore[return-value]
    return (c[0], c[1], c[2], alpha)


def ramp_names(name: str) -> list[str]:
    return sorted(
        (k for k in PALETTE if k.startswith(name + "_")), key=lambda k: int(k.rsplit("_", 1)[1])
    )


class Canvas:
    """An RGBA image as a (h, w, 4) uint8 array."""

    def __init__(self, w: int, h: int, fill: Colour | None = None) -> None:
        self.w, self.h = w, h
        self.a = np.zeros((h, w, 4), dtype=np.uint8)
        if fill is not None:
            self.a[:, :] = rgba(fill)

    # -- basic access -------------------------------------------------------------------
    def copy(self) -> Canvas:
        c = Canvas(self.w, self.h)
        c.a = self.a.copy()
        return c

    def inside(self, x: int, y: int) -> bool:
        return 0 <= x < self.w and 0 <= y < self.h

    def set(self, x: int, y: int, c: Colour, alpha: int = 255) -> None:
        if self.inside(x, y):
            self.a[y, x] = rgba(c, alpha)

    def wset(self, x: int, y: int, c: Colour) -> None:
        """Set with wrap-around (for seamless tiles)."""
        self.a[y % self.h, x % self.w] = rgba(c)

    def get(self, x: int, y: int) -> tuple[int, int, int, int]:
        return tuple(int(v) for v in self.a[y, x])  # type: ignore[return-value]

    def opaque(self, x: int, y: int) -> bool:
        return self.inside(x, y) and self.a[y, x, 3] > 0

    def is_col(self, x: int, y: int, c: Colour) -> bool:
        return self.inside(x, y) and tuple(self.a[y, x, :3]) == rgba(c)[:3]

    # -- shapes ---------------------------------------------------------------------------
    def rect(self, x: int, y: int, w: int, h: int, c: Colour, alpha: int = 255) -> None:
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, self.w), min(y + h, self.h)
        if x1 > x0 and y1 > y0:
            self.a[y0:y1, x0:x1] = rgba(c, alpha)

    def hline(self, x0: int, x1: int, y: int, c: Colour) -> None:
        self.rect(min(x0, x1), y, abs(x1 - x0) + 1, 1, c)

    def vline(self, x: int, y0: int, y1: int, c: Colour) -> None:
        self.rect(x, min(y0, y1), 1, abs(y1 - y0) + 1, c)

    def line(self, x0: int, y0: int, x1: int, y1: int, c: Colour) -> None:
        for x, y in line_points(x0, y0, x1, y1):
            self.set(x, y, c)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, c: Colour,
                alpha: int = 255) -> None:
        for x, y in ellipse_points(cx, cy, rx, ry):
            if self.inside(x, y):
                self.set(x, y, c, alpha)

    def fill_mask(self, mask: np.ndarray, c: Colour, alpha: int = 255) -> None:
        self.a[mask] = rgba(c, alpha)

    def darken(self, mask: np.ndarray, amount: float = 0.3, tint: Colour = "teal_0") -> None:
        """Blend masked opaque pixels toward a (bluish) shadow colour."""
        t = np.array(rgba(tint)[:3], dtype=float)
        px = self.a[..., :3].astype(float)
        m = mask & (self.a[..., 3] > 0)
        px[m] = px[m] * (1 - amount) + t * amount
        self.a[..., :3] = px.round().astype(np.uint8)

    # -- composition ----------------------------------------------------------------------
    def blit(self, src: Canvas, x: int, y: int) -> None:
        """Alpha-over composite of src at (x, y)."""
        sx0, sy0 = max(0, -x), max(0, -y)
        dx0, dy0 = max(0, x), max(0, y)
        w = min(src.w - sx0, self.w - dx0)
        h = min(src.h - sy0, self.h - dy0)
        if w <= 0 or h <= 0:
            return
        s = src.a[sy0:sy0 + h, sx0:sx0 + w].astype(float)
        d = self.a[dy0:dy0 + h, dx0:dx0 + w].astype(float)
        sa = s[..., 3:4] / 255.0
        da = d[..., 3:4] / 255.0
        oa = sa + da * (1 - sa)
        safe = np.where(oa == 0, 1, oa)
        rgb = (s[..., :3] * sa + d[..., :3] * da * (1 - sa)) / safe
        out = np.concatenate([rgb, oa * 255.0], axis=-1)
        self.a[dy0:dy0 + h, dx0:dx0 + w] = out.round().clip(0, 255).astype(np.uint8)

    def paste(self, rows: Sequence[str], legend: dict[str, Colour], x: int = 0, y: int = 0,
              flip: bool = False) -> None:
        """Draw an ASCII template; characters missing from the legend are transparent."""
        for j, row in enumerate(rows):
            if flip:
                row = row[::-1]
            for i, ch in enumerate(row):
                if ch in legend:
                    col = legend[ch]
                    if isinstance(col, tuple) and len(col) == 4:
                        self.set(x + i, y + j, col[:3], col[3])
                    else:
                        self.set(x + i, y + j, col)

    def flipped(self) -> Canvas:
        c = Canvas(self.w, self.h)
        c.a = self.a[:, ::-1].copy()
        return c

    def shifted(self, dx: int, dy: int) -> Canvas:
        c = Canvas(self.w, self.h)
        c.blit(self, dx, dy)
        return c

    def outline(self, c: Colour = "ink", diagonal: bool = False,
                colour_of: Callable[[tuple[int, ...]], Colour] | None = None) -> None:
        """Add a 1px outline on transparent pixels bordering opaque ones."""
        solid = self.a[..., 3] >= 128
        ring = np.zeros_like(solid)
        offs = [(1, 0), (-1, 0), (0, 1), (0, -1)]
        if diagonal:
            offs += [(1, 1), (-1, -1), (1, -1), (-1, 1)]
        for dx, dy in offs:
            ring |= shift_mask(solid, dx, dy)
        ring &= self.a[..., 3] == 0
        self.a[ring] = rgba(c)

    def drop_shadow(self, cx: float, cy: float, rx: float, ry: float, alpha: int = 96) -> None:
        """A soft ground shadow under a sprite (only on transparent pixels)."""
        for x, y in ellipse_points(cx, cy, rx, ry):
            if self.inside(x, y) and self.a[y, x, 3] == 0:
                self.set(x, y, "ink", alpha)


def shift_mask(m: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """m shifted by (dx, dy) without wrap."""
    out = np.zeros_like(m)
    h, w = m.shape
    xs0, xs1 = max(0, -dx), min(w, w - dx)
    ys0, ys1 = max(0, -dy), min(h, h - dy)
    out[ys0 + dy:ys1 + dy, xs0 + dx:xs1 + dx] = m[ys0:ys1, xs0:xs1]
    return out


def line_points(x0: int, y0: int, x1: int, y1: int) -> list[tuple[int, int]]:
    pts = []
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    while True:
        pts.append((x0, y0))
        if x0 == x1 and y0 == y1:
            return pts
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x0 += sx
        if e2 <= dx:
            err += dx
            y0 += sy


def ellipse_points(cx: float, cy: float, rx: float, ry: float) -> Iterable[tuple[int, int]]:
    for y in range(math.floor(cy - ry), math.ceil(cy + ry) + 1):
        for x in range(math.floor(cx - rx), math.ceil(cx + rx) + 1):
            if ((x - cx) / max(rx, 0.01)) ** 2 + ((y - cy) / max(ry, 0.01)) ** 2 <= 1.0:
                yield x, y


def ellipse_mask(w: int, h: int, cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w]
    return ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1.0


def shade(canvas: Canvas, mask: np.ndarray, ramp: Sequence[Colour], value: np.ndarray,
          dither: bool = True) -> None:
    """Paint masked pixels with ramp[i] where i comes from value in [0, 1] (Bayer-dithered)."""
    n = len(ramp)
    h, w = mask.shape
    v = np.clip(value, 0, 1) * (n - 1)
    if dither:
        th = np.tile(BAYER4, (h // 4 + 1, w // 4 + 1))[:h, :w]
        idx = np.floor(v + (th - 0.5) * 0.9 + 0.5)
    else:
        idx = np.round(v)
    idx = np.clip(idx, 0, n - 1).astype(int)
    for i, c in enumerate(ramp):
        canvas.fill_mask(mask & (idx == i), c)


def sphere_light(w: int, h: int, cx: float, cy: float, rx: float, ry: float,
                 light: tuple[float, float, float] = (-0.55, -0.65, 0.55)) -> np.ndarray:
    """Lambert lighting of an ellipsoid seen from above, light from the top-left."""
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    nx = (xx + 0.5 - cx) / rx
    ny = (yy + 0.5 - cy) / ry
    nz = np.sqrt(np.clip(1 - nx * nx - ny * ny, 0, 1))
    lx, ly, lz = light
    ln = math.sqrt(lx * lx + ly * ly + lz * lz)
    return np.clip((nx * lx + ny * ly + nz * lz) / ln, 0, 1)


def wrap_blur(a: np.ndarray, passes: int = 2) -> np.ndarray:
    """Box blur with wrap-around (keeps tile textures seamless)."""
    for _ in range(passes):
        a = (a + np.roll(a, 1, 0) + np.roll(a, -1, 0) + np.roll(a, 1, 1) + np.roll(a, -1, 1)) / 5
    return a


def smooth_noise(rng: np.random.Generator, w: int, h: int, passes: int = 2) -> np.ndarray:
    """Seamless (wrapping) smooth noise normalised to [0, 1]."""
    a = wrap_blur(rng.random((h, w)), passes)
    lo, hi = a.min(), a.max()
    return (a - lo) / (hi - lo + 1e-9)


# -- palette-pure light and shadow: move a pixel one step along its own ramp -------------
def _ramp_steps() -> tuple[dict, dict]:
    from game.render.palette import RAMPS

    down: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    up: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    for r in RAMPS.values():
        for i, col in enumerate(r):
            down[col] = r[i - 1] if i > 0 else RAMPS["ink"][0]
            up[col] = r[i + 1] if i + 1 < len(r) else col
    return down, up


_DOWN, _UP = _ramp_steps()


def step(canvas: Canvas, mask: np.ndarray, d: int = -1) -> None:
    """Darken (d<0) or lighten (d>0) masked pixels by |d| steps of their own ramp."""
    table = _DOWN if d < 0 else _UP
    ys, xs = np.nonzero(mask & (canvas.a[..., 3] > 0))
    for y, x in zip(ys, xs, strict=True):
        col = tuple(int(v) for v in canvas.a[y, x, :3])
        for _ in range(abs(d)):
            col = table.get(col, col)
        canvas.a[y, x, :3] = col
