"""The support field: where each district lies on the tile grid, and how strongly the
murals reach each tile. numpy, integers only.

A mural of stage s and radius r adds `influence[s] * (r² - d²) // r²` to every tile
whose centre is closer than r tiles (d² in whole tiles, from the mural's tile), so the
field is a sum of integer cones. A district's support rises by the mean of the field
over its tiles (`np.bincount` over the district index grid).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np

from game.level.data import LevelData, LevelObject
from game.sim.civic import District
from game.sim.components import Mural, Position
from game.sim.constants import TILE, TILE_PX
from game.sim.grid import Grid

CITY = "City"  # the one district of a map without District objects


@dataclass
class SupportLayout:
    """Static per level: which district each tile belongs to (-1: none)."""

    index: np.ndarray  # (h, w) int16
    counts: np.ndarray  # tiles per district, int64
    names: tuple[str, ...]
    only: dict[int, int] = field(default_factory=dict)  # wall id -> the one district it lifts
    _key: tuple = ()
    _field: np.ndarray | None = field(default=None, repr=False)
    _sums: tuple[np.ndarray, list[int]] | None = field(default=None, repr=False)

    def field(self, murals: list[tuple[Mural, Position]], influence: tuple[int, ...]
              ) -> np.ndarray:
        """The influence field (int32, (h, w)) of these murals; cached per mural stage."""
        key = tuple((m.wall_id, m.stage, m.radius, m.health > 0, p.x, p.y) for m, p in murals)
        if self._field is None or key != self._key:
            self._field = influence_field(self.index.shape, murals, influence, self.index,
                                          self.only)
            self._key = key
        return self._field

    def sums(self, fld: np.ndarray) -> list[int]:
        """Total influence over each district's tiles. bincount sums in float64, exact
        here: every value is an integer far below 2**53, so order cannot matter."""
        if self._sums is not None and self._sums[0] is fld:
            return self._sums[1]  # murals unchanged since last tick: same field object
        flat = self.index.ravel().astype(np.int64) + 1
        totals = np.bincount(flat, weights=fld.ravel(), minlength=len(self.names) + 1)
        out = [int(v) for v in totals[1:]]
        self._sums = (fld, out)
        return out


def district_rects(level: LevelData) -> list[LevelObject]:
    return sorted(level.objects_of("District"), key=lambda o: o.id)


def build_layout(level: LevelData) -> SupportLayout:
    h, w = level.height, level.width
    rects = district_rects(level)
    if not rects:
        index = np.zeros((h, w), dtype=np.int16)
        return SupportLayout(index, np.array([h * w], dtype=np.int64), (CITY,))
    index = np.full((h, w), -1, dtype=np.int16)
    cy = (np.arange(h) * TILE_PX + TILE_PX // 2)[:, None]
    cx = (np.arange(w) * TILE_PX + TILE_PX // 2)[None, :]
    for i in reversed(range(len(rects))):  # where rectangles overlap the older one wins
        o = rects[i]
        inside = (cx >= o.x) & (cx < o.x + o.width) & (cy >= o.y) & (cy < o.y + o.height)
        index[inside] = i
    counts = np.bincount(index.ravel().astype(np.int64) + 1, minlength=len(rects) + 1)[1:]
    names = tuple(o.name or f"District {i + 1}" for i, o in enumerate(rects))
    # a MuralWall naming its District lifts only that one; unnamed ones spill over borders
    only = {o.id: names.index(o.properties["district"]) for o in level.objects_of("MuralWall")
            if o.properties.get("district") in names}
    return SupportLayout(index, np.maximum(counts, 1).astype(np.int64), names, only)


def influence_field(shape: tuple[int, int], murals: list[tuple[Mural, Position]],
                    influence: tuple[int, ...], index: np.ndarray | None = None,
                    only: dict[int, int] | None = None) -> np.ndarray:
    h, w = shape
    out = np.zeros((h, w), dtype=np.int32)
    ys = np.arange(h, dtype=np.int64)[:, None]
    xs = np.arange(w, dtype=np.int64)[None, :]
    for mural, pos in murals:
        strength = influence[mural.stage]
        if strength <= 0 or mural.health <= 0:
            continue
        mx, my = pos.x // TILE, pos.y // TILE
        r2 = mural.radius * mural.radius
        d2 = (xs - mx) ** 2 + (ys - my) ** 2
        cone = np.where(d2 < r2, strength * (r2 - d2) // r2, 0)
        if only and index is not None and mural.wall_id in only:
            cone = np.where(index == only[mural.wall_id], cone, 0)
        out += cone.astype(np.int32)
    return out


_LAYOUTS: weakref.WeakKeyDictionary[Grid, SupportLayout] = weakref.WeakKeyDictionary()


def layout_for(grid: Grid, level: LevelData) -> SupportLayout:
    """One layout per simulation (keyed by its grid), built on first use."""
    found = _LAYOUTS.get(grid)
    if found is None:
        found = _LAYOUTS[grid] = build_layout(level)
    return found


def city_support(districts: list[District]) -> int:
    """The city's support: the mean of its districts (each district has an equal voice)."""
    if not districts:
        return 0
    return sum(d.support for d in districts) // len(districts)
