"""Tiled .tmx → LevelData: the safe reader (tmx.py), then the game's rules (rules.py).

`inspect_map` returns everything found (the level when usable, errors and warnings) for
`check` and the Custom maps screen; `load_level` returns the level or raises MapError
carrying every error. Headless: nothing here needs pygame or an image.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import numpy as np

from game.fileio import read_capped
from game.level.data import GID_MASK, TILE_PX, LevelData, Objective, TileLayer
from game.level.errors import ERROR, MapError, Problem
from game.level.rules import RuleCheck
from game.level.safexml import MAX_FILE_BYTES
from game.level.tmx import MapDoc, read_map


def inspect_map(path: str | os.PathLike) -> tuple[LevelData | None, list[Problem]]:
    path = Path(path)
    try:
        doc = read_map(path)
    except MapError as exc:
        return None, list(exc.problems)
    rules = RuleCheck(str(path))
    if (doc.tile_width, doc.tile_height) != (TILE_PX, TILE_PX):
        rules.error(f"tile size is {doc.tile_width}×{doc.tile_height}, the game uses "
                    f"{TILE_PX}×{TILE_PX}", "map", "set Tile Width and Tile Height to 16 in Map > "
                    "Map Properties (and use 16×16 tilesets)")
        return None, doc.problems + rules.problems
    props = rules.map_properties(doc.properties)
    rules.duplicate_ids(doc.objects)
    objects = rules.objects(doc.objects)
    solid, buildable = _grids(doc)
    rules.level(objects, solid, props)
    problems = doc.problems + rules.problems
    if any(p.severity == ERROR for p in problems):
        return None, problems
    if "seed" not in doc.properties:  # a custom map without a seed: derive one from it
        props["seed"] = map_checksum(path)
    objective = Objective(
        kind=str(props["objective"]), target=str(props["objective_target"]),
        amount=int(props["objective_amount"]),  # type: ignore[arg-type]
        text=str(props["objective_text"]) or
        f"Produce {props['objective_amount']} {props['objective_target']}",
    )
    level = LevelData(
        path=path, title=str(props["title"]) or path.stem, author=str(props["author"]),
        width=doc.width, height=doc.height, tile_size=TILE_PX, solid=solid, buildable=buildable,
        layers=tuple(doc.layers), tilesets=tuple(t.tileset for t in doc.tilesets),
        objects=tuple(objects), objective=objective, seed=int(props["seed"]),  # type: ignore[arg-type]
        par_ticks=int(props["par_seconds"]) * 60,  # type: ignore[arg-type]
        properties={**doc.properties, **props}, warnings=tuple(problems), files=doc.files,
        file_hashes=doc.file_hashes,
    )
    return level, problems


def load_level(path: str | os.PathLike) -> LevelData:
    level, problems = inspect_map(path)
    if level is None:
        raise MapError.from_problems([p for p in problems if p.severity == ERROR])
    return level


def _grids(doc: MapDoc) -> tuple[np.ndarray, np.ndarray]:
    """solid/buildable from the tile properties of every tile layer."""
    solid = np.zeros((doc.height, doc.width), dtype=bool)
    buildable = np.zeros((doc.height, doc.width), dtype=bool)
    flags: dict[int, tuple[bool, bool]] = {}
    for ts in doc.tilesets:
        first = ts.tileset.firstgid
        for local, props in ts.properties.items():
            flags[first + local] = (props.get("solid") is True, props.get("buildable") is True)
    for layer in doc.layers:
        solid |= _mask(layer, [g for g, (s, _) in flags.items() if s])
        buildable |= _mask(layer, [g for g, (_, b) in flags.items() if b])
    buildable &= ~solid
    return solid, buildable


def _mask(layer: TileLayer, gids: list[int]) -> np.ndarray:
    if not gids:
        return np.zeros(layer.gids.shape, dtype=bool)
    return np.isin(layer.gids & GID_MASK, np.array(gids, dtype=np.uint32))


def map_checksum(path: Path) -> int:
    """A cheap content checksum (adler32) e.g. to derive a default seed."""
    try:
        return zlib.adler32(read_capped(path, MAX_FILE_BYTES))
    except OSError:
        return 0
