"""`play MAP --at OBJECT_ID` (Tiled's "Play from here"): the same level with Elara's
spawn moved onto the walkable tile nearest the chosen object. A map maker's test start,
never a record: the play command runs it with scratch splits and replays."""

from __future__ import annotations

from dataclasses import replace

from game.level.data import TILE_PX, LevelData, LevelObject
from game.level.errors import MapError
from game.level.tmx import read_map

SEARCH = 12  # tiles around the object to look for a walkable one


def start_at(level: LevelData, object_id: int) -> LevelData:
    target = _find(level, object_id)
    cx, cy = target.center
    tx, ty = int(cx // TILE_PX), int(cy // TILE_PX)
    tile = _walkable_near(level, tx, ty)
    if tile is None:
        raise MapError(level.path, f"no walkable tile within {SEARCH} tiles of object "
                       f"#{object_id}", target.label(), "pick an object on or near a street")
    spawn = next(o for o in level.objects if o.cls == "PlayerSpawn")
    moved = replace(spawn, x=tile[0] * TILE_PX + (TILE_PX - spawn.width) / 2,
                    y=tile[1] * TILE_PX + (TILE_PX - spawn.height) / 2)
    objects = tuple(moved if o is spawn else o for o in level.objects)
    return replace(level, objects=objects, title=f"{level.title} (from object #{object_id})")


def _find(level: LevelData, object_id: int) -> LevelObject:
    for obj in level.objects:
        if obj.id == object_id:
            return obj
    # objects without a class (notes) are not in the level: read the file for them
    for obj in read_map(level.path).objects:
        if obj.id == object_id:
            return obj
    raise MapError(level.path, f"the map has no object #{object_id}", "map",
                   "select an object in Tiled and use Play from here again")


def _walkable_near(level: LevelData, tx: int, ty: int) -> tuple[int, int] | None:
    h, w = level.solid.shape
    best = None
    for dy in range(-SEARCH, SEARCH + 1):
        for dx in range(-SEARCH, SEARCH + 1):
            x, y = tx + dx, ty + dy
            if 0 <= x < w and 0 <= y < h and not level.solid[y, x]:
                key = (dx * dx + dy * dy, dy, dx)
                if best is None or key < best[0]:
                    best = (key, (x, y))
    return best[1] if best else None
