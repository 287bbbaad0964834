"""Tiled .tmx → LevelData. Safe pre-pass, then pytmx (no images), then validation.

Headless: nothing here needs pygame or an image, so the simulation and `check` run
without a display.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import numpy as np
import pytmx

from game.level.data import (
    FLIP_D,
    FLIP_H,
    FLIP_V,
    LevelData,
    LevelObject,
    Objective,
    Tileset,
    TileLayer,
)
from game.level.errors import MapError
from game.level.schema import MAP_PROPERTIES, OBJECT_CLASSES, PropSpec

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_TILES = 1024 * 1024  # e.g. 1024×1024
MAX_SIDE = 4096


def load_level(path: str | os.PathLike) -> LevelData:
    path = Path(path)
    root = _safe_parse(path)
    _check_header(path, root)
    try:
        tmx = pytmx.TiledMap(str(path))
    except MapError:
        raise
    except Exception as exc:  # pytmx raises bare Exception/ValueError/KeyError
        raise MapError(path, f"Tiled map could not be read: {exc}",
                       hint="open and re-save it in Tiled") from None
    return _build(path, tmx)


def _safe_parse(path: Path) -> ET.Element:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MapError(path, f"cannot read the file ({exc.strerror or exc})",
                       hint="check the path") from None
    if not path.is_file():
        raise MapError(path, "not a file", hint="give the path of a .tmx map")
    if size > MAX_FILE_BYTES:
        raise MapError(path, f"file is {size} bytes, over the {MAX_FILE_BYTES} byte limit")
    data = path.read_bytes()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise MapError(path, "the file declares a DTD or entities, which maps never need",
                       hint="remove the <!DOCTYPE>/<!ENTITY> lines")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise MapError(path, f"broken XML: {exc}", hint="re-save the map from Tiled") from None


def _check_header(path: Path, root: ET.Element) -> None:
    if root.tag != "map":
        raise MapError(path, f"root element is <{root.tag}>, expected <map>",
                       hint="open a .tmx map, not a tileset or template")
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        raise MapError(path, f"{orientation} maps are not supported",
                       hint="create an orthogonal map in Tiled (Map > Map Properties)")
    if root.get("infinite", "0") == "1":
        raise MapError(path, "infinite maps are not supported yet",
                       hint="untick 'Infinite' in Map > Map Properties")
    try:
        w, h = int(root.get("width", "0")), int(root.get("height", "0"))
        tw, th = int(root.get("tilewidth", "0")), int(root.get("tileheight", "0"))
    except ValueError:
        raise MapError(path, "map width/height/tile size are not integers") from None
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE and w * h <= MAX_TILES):
        raise MapError(path, f"map size {w}×{h} is outside the limits "
                       f"(1..{MAX_SIDE} per side, {MAX_TILES} tiles)", hint="resize the map")
    if tw != 16 or th != 16:
        raise MapError(path, f"tile size is {tw}×{th}, the game uses 16×16",
                       hint="set Tile Width and Tile Height to 16")
    for data in root.iter("data"):
        if data.get("compression") not in (None, "zlib", "gzip"):
            raise MapError(path, f"layer compression {data.get('compression')!r} is not "
                           "supported yet", hint="use CSV or Base64 (zlib) layer format")


def _tiled_gid_table(tmx: pytmx.TiledMap) -> dict[int, int]:
    """pytmx renumbers gids; map its internal ids back to Tiled gids with flip bits."""
    table = {0: 0}
    for key, value in tmx.imagemap.items():
        if not isinstance(value, tuple):  # the (0, 0) -> 0 sentinel
            continue
        (tiled_gid, flags), (gid, _) = key, value
        bits = (FLIP_H if flags.flipped_horizontally else 0) | (
            FLIP_V if flags.flipped_vertically else 0) | (
            FLIP_D if flags.flipped_diagonally else 0)
        table[gid] = tiled_gid | bits
    return table


def _build(path: Path, tmx: pytmx.TiledMap) -> LevelData:
    w, h = tmx.width, tmx.height
    to_tiled = _tiled_gid_table(tmx)
    solid = np.zeros((h, w), dtype=bool)
    buildable = np.zeros((h, w), dtype=bool)
    layers = []
    props_cache: dict[int, dict] = {}
    for layer in tmx.layers:
        if not isinstance(layer, pytmx.TiledTileLayer):
            continue
        internal = np.asarray(layer.data, dtype=np.int64)
        if internal.shape != (h, w):
            raise MapError(path, f"layer data is {internal.shape[1]}×{internal.shape[0]}, "
                           f"map is {w}×{h}", element=f'layer "{layer.name}"')
        lookup = np.vectorize(lambda g: to_tiled.get(int(g), 0), otypes=[np.uint32])
        layers.append(TileLayer(layer.name, lookup(internal), bool(layer.visible),
                                float(layer.opacity)))
        for gid in np.unique(internal):
            gid = int(gid)
            if gid == 0:
                continue
            props = props_cache.setdefault(gid, tmx.get_tile_properties_by_gid(gid) or {})
            mask = internal == gid
            if props.get("solid"):
                solid |= mask
            if props.get("buildable"):
                buildable |= mask
    buildable &= ~solid
    objects = tuple(_objects(path, tmx))
    props = _map_properties(path, tmx.properties)
    if "seed" not in tmx.properties:  # a custom map without a seed: derive one from it
        props["seed"] = map_checksum(path)
    _check_game_rules(path, objects, solid)
    objective = Objective(
        kind=props["objective"],
        target=props["objective_target"],
        amount=props["objective_amount"],
        text=props["objective_text"] or
        f"Produce {props['objective_amount']} {props['objective_target']}",
    )
    return LevelData(
        path=path,
        title=props["title"] or path.stem,
        author=props["author"],
        width=w,
        height=h,
        tile_size=tmx.tilewidth,
        solid=solid,
        buildable=buildable,
        layers=tuple(layers),
        tilesets=tuple(_tilesets(path, tmx)),
        objects=objects,
        objective=objective,
        seed=props["seed"],
        par_ticks=props["par_seconds"] * 60,
        properties=dict(tmx.properties),
    )


def _tilesets(path: Path, tmx: pytmx.TiledMap) -> list[Tileset]:
    out = []
    for ts in tmx.tilesets:
        animations: dict[int, tuple[tuple[int, int], ...]] = {}
        tall = set()
        glow: dict[int, tuple[int, int, int]] = {}
        for local in range(ts.tilecount or 0):
            gids = tmx.map_gid(ts.firstgid + local)
            if not gids:
                continue
            props = tmx.get_tile_properties_by_gid(gids[0][0]) or {}
            if props.get("tall"):
                tall.add(local)
            color = _parse_color(props.get("glow"))
            if color:
                glow[local] = color
            frames = props.get("frames") or []
            if frames:
                animations[local] = tuple(
                    (tmx.tiledgidmap[f.gid] - ts.firstgid, int(f.duration)) for f in frames
                )
        image = (path.parent / ts.source).resolve() if ts.source else None
        out.append(Tileset(
            firstgid=ts.firstgid, name=ts.name or "", tile_width=ts.tilewidth,
            tile_height=ts.tileheight, columns=int(getattr(ts, "columns", 0) or 0),
            tilecount=int(ts.tilecount or 0), image=image,
            animations=animations, tall=frozenset(tall), glow=glow,
        ))
    return out


def _parse_color(value: object) -> tuple[int, int, int] | None:
    """Tiled colours are '#rrggbb' or '#aarrggbb'; anything else means no colour."""
    if not isinstance(value, str) or not value.startswith("#") or len(value) not in (7, 9):
        return None
    try:
        rgb = int(value[-6:], 16)
    except ValueError:
        return None
    return (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255


def _coerce(spec: PropSpec, value: object) -> object:
    if spec.type is int:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError("must be an integer")
        number = int(value) if not isinstance(value, float) else value
        if isinstance(number, float) and not number.is_integer():
            raise ValueError("must be a whole number")
        value = int(number)
        if spec.minimum is not None and value < spec.minimum:
            raise ValueError(f"must be at least {spec.minimum}")
        if spec.maximum is not None and value > spec.maximum:
            raise ValueError(f"must be at most {spec.maximum}")
        return value
    value = str(value)
    if spec.choices and value not in spec.choices:
        raise ValueError(f"must be one of {', '.join(spec.choices)}")
    return value


def _map_properties(path: Path, raw: dict) -> dict:
    out = {}
    for name, spec in MAP_PROPERTIES.items():
        try:
            out[name] = _coerce(spec, raw.get(name, spec.default))
        except ValueError as exc:
            raise MapError(path, f"map property '{name}' = {raw.get(name)!r} {exc}",
                           element="map", hint="fix it in Map > Map Properties") from None
    return out


def _objects(path: Path, tmx: pytmx.TiledMap):
    for obj in tmx.objects:
        cls = getattr(obj, "type", None) or getattr(obj, "class", None) or ""
        label = f'object #{obj.id} "{obj.name}"' if obj.name else f"object #{obj.id}"
        specs = OBJECT_CLASSES.get(cls)
        props = dict(obj.properties)
        if specs is not None:
            for name, spec in specs.items():
                try:
                    props[name] = _coerce(spec, props.get(name, spec.default))
                except ValueError as exc:
                    raise MapError(path, f"property '{name}' = {props.get(name)!r} {exc}",
                                   element=label,
                                   hint="fix it in the object's Properties panel") from None
        yield LevelObject(int(obj.id), obj.name or "", cls, float(obj.x), float(obj.y),
                          float(obj.width or 0), float(obj.height or 0), props)


def _check_game_rules(path: Path, objects: tuple[LevelObject, ...], solid: np.ndarray) -> None:
    spawns = [o for o in objects if o.cls == "PlayerSpawn"]
    if len(spawns) != 1:
        raise MapError(path, f"the map needs exactly one PlayerSpawn object, found "
                       f"{len(spawns)}", hint="place one object of class PlayerSpawn")
    for obj in objects:
        if obj.cls not in ("PlayerSpawn", "Waste"):
            continue
        cx, cy = obj.center
        tx, ty = int(cx // 16), int(cy // 16)
        h, w = solid.shape
        if not (0 <= tx < w and 0 <= ty < h) or solid[ty, tx]:
            raise MapError(path, f"{obj.cls} stands on a solid tile or off the map at "
                           f"tile ({tx}, {ty})", element=obj.label(),
                           hint="move it onto a walkable tile")


def map_checksum(path: Path) -> int:
    """A cheap content checksum (adler32) e.g. to derive a default seed."""
    return zlib.adler32(path.read_bytes())
