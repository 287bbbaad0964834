"""Small confrontation levels built in code from ASCII rows, for tests and the drone
benchmark (no Tiled file needed).

Legend: '.' floor, '#' wall, 'P' build plot (floor), 'M' mural wall (a solid tile with a
MuralWall object; 'G' the great one), 'S' drone spawn, '@' Elara.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.level.data import LevelData, LevelObject, Objective
from game.level.schema import OBJECT_CLASSES


def _defaults(cls: str) -> dict:
    return {name: spec.default for name, spec in OBJECT_CLASSES[cls].props.items()}


def drone_level(rows: list[str], groups: list[dict] | None = None, waves: int = 0,
                mural_health: int = 100, first_wave_seconds: int = 1,
                wave_interval_seconds: int = 30, seed: int = 5) -> LevelData:
    h, w = len(rows), len(rows[0])
    solid = np.array([[ch in "#MG" for ch in row] for row in rows], dtype=bool)
    buildable = np.array([[ch == "P" for ch in row] for row in rows], dtype=bool)
    objects: list[LevelObject] = []
    oid = 1

    def add(cls: str, x: float, y: float, size: float, **props: object) -> None:
        nonlocal oid
        objects.append(LevelObject(oid, "", cls, x, y, size, size,
                                   {**_defaults(cls), **props}))
        oid += 1

    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch in "MG":
                add("MuralWall", x * 16, y * 16, 16, health=mural_health, great=ch == "G")
            elif ch == "S":
                add("DroneSpawn", x * 16, y * 16, 16)
            elif ch == "@":
                add("PlayerSpawn", x * 16 + 4, y * 16 + 4, 8)
    if not any(o.cls == "PlayerSpawn" for o in objects):
        free = np.argwhere(~solid)
        y, x = free[0]
        add("PlayerSpawn", x * 16 + 4, y * 16 + 4, 8)
    for group in groups or []:
        add("WaveGroup", 0, 0, 8, **group)
    props = {"wave_count": waves, "first_wave_seconds": first_wave_seconds,
             "wave_interval_seconds": wave_interval_seconds}
    return LevelData(
        path=Path("drones.tmx"), title="drones", author="tests", width=w, height=h,
        tile_size=16, solid=solid, buildable=buildable, layers=(), tilesets=(),
        objects=tuple(objects), objective=Objective("survive", "spark", 1, "survive"),
        seed=seed, par_ticks=0, properties=props)


def open_level(size: int = 128, seed: int = 1) -> list[str]:
    """A size×size city: a wall ring, scattered blocks, murals in the middle, spawns on
    the four sides, a ring of plots around the murals (bench map)."""
    rng = np.random.default_rng(seed)
    grid = np.full((size, size), ".", dtype="<U1")
    grid[0, :] = grid[-1, :] = grid[:, 0] = grid[:, -1] = "#"
    for y, x in rng.integers(3, size - 5, size=(size, 2)):
        grid[y:y + 2, x:x + 3] = "#"
    c = size // 2
    grid[c - 8:c + 9, c - 8:c + 9] = "."
    grid[c - 6:c + 7:3, c - 6:c + 7:3] = "P"
    grid[c, c - 1:c + 2] = "M"
    grid[c, c] = "G"
    for y, x in ((1, c), (size - 2, c), (c, 1), (c, size - 2)):
        grid[y, x] = "S"
        grid[max(1, y - 2):y + 3, max(1, x - 2):x + 3][grid[max(1, y - 2):y + 3,
                                                            max(1, x - 2):x + 3] == "#"] = "."
    return ["".join(row) for row in grid]
