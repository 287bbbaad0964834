"""LevelData: a plain, validated description of a level. No pygame, no pytmx objects.

The simulation needs only the grids, objects and objective; the renderer also uses the
tile layers and tilesets. Positions are pixels, as in Tiled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# Tiled stores flips in the top bits of a gid.
FLIP_H = 0x80000000
FLIP_V = 0x40000000
FLIP_D = 0x20000000
GID_MASK = 0x0FFFFFFF
TILE_PX = 16  # the only tile size the game draws and plays: 16×16 pixels


@dataclass(frozen=True, slots=True)
class LevelObject:
    id: int
    name: str
    cls: str
    x: float
    y: float
    width: float
    height: float
    properties: dict = field(default_factory=dict)
    shape: str = "rectangle"  # rectangle, ellipse, point, polygon, polyline, text, tile
    layer: str = ""  # name of the object layer it is on
    points: tuple[tuple[float, float], ...] = ()  # polygon/polyline, relative to (x, y)

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def label(self) -> str:
        return f'object #{self.id} "{self.name}"' if self.name else f"object #{self.id}"


@dataclass(frozen=True, slots=True)
class Objective:
    kind: str  # "produce"
    target: str  # e.g. "biomass"
    amount: int
    text: str


@dataclass(frozen=True, slots=True)
class Tileset:
    firstgid: int
    name: str
    tile_width: int
    tile_height: int
    columns: int
    tilecount: int
    image: Path | None  # one image for the whole tileset, or None
    tile_images: dict[int, Path] = field(default_factory=dict)  # image-collection tilesets
    animations: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    tall: frozenset[int] = frozenset()  # local ids that cast a shadow
    glow: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # local id -> colour
    margin: int = 0  # pixels around the tileset image
    spacing: int = 0  # pixels between tiles in the image
    properties: dict[int, dict] = field(default_factory=dict)  # local id -> tile properties


@dataclass(frozen=True, slots=True)
class TileLayer:
    name: str
    gids: np.ndarray  # (height, width) uint32 Tiled gids, flip bits included
    visible: bool = True
    opacity: float = 1.0
    group: str = ""  # "outer/inner" when the layer sits inside group layers
    # How Tiled draws it, group layers' values folded in: offsets add up, parallax
    # factors and tint colours (r, g, b, a; multiplied into the tiles) multiply.
    offset: tuple[float, float] = (0.0, 0.0)
    parallax: tuple[float, float] = (1.0, 1.0)
    tint: tuple[int, int, int, int] = (255, 255, 255, 255)


@dataclass(frozen=True, slots=True)
class LevelData:
    path: Path
    title: str
    author: str
    width: int
    height: int
    tile_size: int
    solid: np.ndarray  # (height, width) bool: nobody walks here
    buildable: np.ndarray  # (height, width) bool: structures may go here
    layers: tuple[TileLayer, ...]
    tilesets: tuple[Tileset, ...]
    objects: tuple[LevelObject, ...]
    objective: Objective
    seed: int
    par_ticks: int
    properties: dict = field(default_factory=dict)
    warnings: tuple = ()  # game.level.errors.Problem: things `check` reports as warnings
    files: tuple[Path, ...] = ()  # every file the map was read from (map, tilesets, templates)
    # (name as referenced, sha256) of exactly the bytes the loader read, in reading order:
    # what game.speedrun.maphash hashes
    file_hashes: tuple[tuple[str, str], ...] = ()

    def objects_of(self, cls: str) -> list[LevelObject]:
        return [o for o in self.objects if o.cls == cls]

    def tileset_for(self, gid: int) -> Tileset | None:
        gid &= GID_MASK
        found = None
        for ts in self.tilesets:
            if ts.firstgid <= gid:
                found = ts
        return found
