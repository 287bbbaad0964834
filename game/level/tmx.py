"""Read a Tiled map safely into a plain MapDoc (no game rules yet).

Orthogonal maps only. Tile layers come back in file order (group layers flattened, their
visibility and opacity applied); infinite maps are flattened to the bounds of the tiles
they use; every gid is checked against the tilesets.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.level import layerdata
from game.level.data import GID_MASK, LevelObject, TileLayer
from game.level.errors import WARNING, MapError, Problem
from game.level.objects import ObjectReader
from game.level.props import (
    MAX_PROJECT_BYTES,
    CustomTypes,
    load_project,
    parse_project,
    parse_properties,
)
from game.level.safexml import Files, read_bytes
from game.level.tilesets import LoadedTileset, _int, load_tileset
from game.paths import MAPS_DIR

MAX_SIDE = 4096  # tiles per side
# What the game can carry (benchmarks/hostile.py): the largest legal map, 1024×1024 with
# 8 layers, starts in about 0.35 s of CPU and 120 MB now that the tile renderer's memory
# follows the view, not the map (it once baked the whole map: 19 s and 1.1 GB).
MAX_TILES = 1024 * 1024  # tiles in the map (width × height)
MAX_LAYERS = 64  # tile layers
MAX_CELLS = 8 * 1024 * 1024  # tiles over all tile layers (and infinite chunks)
MAX_TILESETS = 64
MAX_CHUNK_SIDE = 1024
GAME_PROJECT = MAPS_DIR / "reclaim.tiled-project"
ORTHO_HINT = ("the game draws orthogonal maps: create the map with Orientation "
              "'Orthogonal' (File > New > New Map) and copy the layers over")


@dataclass
class MapDoc:
    path: Path
    width: int
    height: int
    tile_width: int
    tile_height: int
    infinite: bool
    properties: dict[str, object]
    layers: list[TileLayer] = field(default_factory=list)
    tilesets: list[LoadedTileset] = field(default_factory=list)
    objects: list[LevelObject] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings, and errors
    # that did not stop the reading (e.g. a property of the wrong type)
    files: tuple[Path, ...] = ()
    file_hashes: tuple[tuple[str, str], ...] = ()  # (name, sha256) of each file read


@functools.lru_cache(maxsize=8)
def _project(path: Path, mtime: float) -> CustomTypes:
    return load_project(path)


def custom_types(map_path: Path, files: Files | None = None,
                 problems: list[Problem] | None = None) -> CustomTypes:
    """The game's project types, then those of a project file in the map's folder. The
    map's own project files go through `files` (regular files only, capped, hashed with
    the map: their class defaults change the level); one that cannot be read is a
    warning."""
    types = CustomTypes()
    with contextlib.suppress(OSError):
        types.merge(_project(GAME_PROJECT, GAME_PROJECT.stat().st_mtime))
    local: list[Path] = []
    with contextlib.suppress(OSError):
        local = sorted(map_path.parent.glob("*.tiled-project"))[:4]
    for path in local:
        try:
            data = files.read(path, path.name, MAX_PROJECT_BYTES) if files else \
                read_bytes(path, MAX_PROJECT_BYTES)
        except MapError as exc:
            if problems is not None:
                problems.append(Problem(exc.file, f"{exc.message}; its custom types are "
                                        "not used", "project", exc.hint, WARNING))
            continue
        types.merge(parse_project(data))
    return types


def read_map(path: Path) -> MapDoc:
    files = Files(path)
    root = files.xml(path, name=path.name)
    if root.tag != "map":
        raise MapError(path, f"root element is <{root.tag}>, expected <map>",
                       hint="open a .tmx map, not a tileset or template")
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        raise MapError(path, f"{orientation} maps are not supported", "map", ORTHO_HINT)
    width = _int(path, root, "width", None, "map", 0, 1 << 30)
    height = _int(path, root, "height", None, "map", 0, 1 << 30)
    tw = _int(path, root, "tilewidth", None, "map", 1, 4096)
    th = _int(path, root, "tileheight", None, "map", 1, 4096)
    infinite = root.get("infinite", "0") == "1"
    if not infinite:
        _check_size(path, width, height)
    doc = MapDoc(path, width, height, tw, th, infinite, {})
    types = custom_types(path, files, doc.problems)
    doc.properties = parse_properties(path, root, "map", types, problems=doc.problems)
    refs = root.findall("tileset")
    if len(refs) > MAX_TILESETS:
        raise MapError(path, f"more than {MAX_TILESETS} tilesets", "map", "merge tilesets")
    doc.tilesets = sorted((load_tileset(path, r, files, types, doc.problems) for r in refs),
                          key=lambda t: t.tileset.firstgid)
    chunked: list[tuple[TileLayer, list[tuple[int, int, np.ndarray]]]] = []
    reader = ObjectReader(path, files, types, doc.problems)
    _walk(doc, root, "", True, 1.0, reader, chunked, Look())
    if infinite:
        _flatten(doc, chunked)
    for layer in doc.layers:
        _check_gids(doc, layer)
    doc.files = (path.resolve(), *files.opened.keys())
    doc.file_hashes = tuple(files.hashes)
    return doc


def _check_size(path: Path, width: int, height: int) -> None:
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and width * height <= MAX_TILES):
        raise MapError(path, f"map size {width}×{height} is outside the limits (1..{MAX_SIDE} "
                       f"tiles a side, {MAX_TILES} tiles in all)", "map",
                       "resize it in Map > Resize Map")


@dataclass(frozen=True, slots=True)
class Look:
    """Offset, parallax and tint of a layer with its group layers' folded in."""

    offset: tuple[float, float] = (0.0, 0.0)
    parallax: tuple[float, float] = (1.0, 1.0)
    tint: tuple[int, int, int, int] = (255, 255, 255, 255)

    def inside(self, node: ET.Element) -> Look:
        tint = _colour(node.get("tintcolor", ""))
        return Look(
            (self.offset[0] + _float(node, "offsetx", 0.0),
             self.offset[1] + _float(node, "offsety", 0.0)),
            (self.parallax[0] * _float(node, "parallaxx", 1.0),
             self.parallax[1] * _float(node, "parallaxy", 1.0)),
            tuple(a * b // 255 for a, b in zip(self.tint, tint, strict=True)))


def _float(node: ET.Element, key: str, default: float) -> float:
    try:
        value = float(node.get(key, default))
    except ValueError:
        return default
    return value if -1e6 < value < 1e6 else default  # also refuses nan and inf


def _colour(text: str) -> tuple[int, int, int, int]:
    """Tiled's #AARRGGBB or #RRGGBB (white when absent or unreadable)."""
    digits = text.lstrip("#")
    try:
        if len(digits) == 6:
            return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), 255)
        if len(digits) == 8:
            return (int(digits[2:4], 16), int(digits[4:6], 16), int(digits[6:8], 16),
                    int(digits[0:2], 16))
    except ValueError:
        pass
    return (255, 255, 255, 255)


def _walk(doc: MapDoc, node: ET.Element, group: str, visible: bool, opacity: float,
          reader: ObjectReader, chunked: list, look: Look) -> None:
    for child in node:
        name = child.get("name", "")
        shown = visible and child.get("visible", "1") != "0"
        try:
            alpha = opacity * float(child.get("opacity", "1"))
        except ValueError:
            alpha = opacity
        label = f'layer "{name}"'
        if child.tag == "group":
            _walk(doc, child, f"{group}/{name}" if group else name, shown, alpha, reader,
                  chunked, look.inside(child))
        elif child.tag == "layer":
            mine = look.inside(child)
            _tile_layer(doc, child, label, TileLayer(
                name, np.zeros((0, 0), np.uint32), shown, max(0.0, min(1.0, alpha)), group,
                mine.offset, mine.parallax, mine.tint), chunked)
        elif child.tag == "objectgroup":
            for obj in child.findall("object"):
                doc.objects.append(reader.read(obj, name))
        elif child.tag == "imagelayer":
            doc.problems.append(Problem(str(doc.path), "image layers are not drawn by the "
                                        "game", label, "paint the picture with tiles",
                                        WARNING))


def _tile_layer(doc: MapDoc, node: ET.Element, label: str, layer: TileLayer,
                chunked: list) -> None:
    if len(doc.layers) + len(chunked) >= MAX_LAYERS:
        raise MapError(doc.path, f"more than {MAX_LAYERS} tile layers", label,
                       "merge some layers")
    data = node.find("data")
    if data is None:
        raise MapError(doc.path, "tile layer has no <data>", label, "re-save the map in Tiled")
    if not doc.infinite:
        cells = doc.width * doc.height * (len(doc.layers) + 1)
        if cells > MAX_CELLS:
            raise MapError(doc.path, f"the tile layers hold more than {MAX_CELLS} tiles",
                           label, "use fewer layers or a smaller map")
        gids = layerdata.decode(doc.path, data, doc.width, doc.height, label)
        doc.layers.append(_with_gids(layer, gids))
        return
    chunks = []
    used = sum(c[2].size for _, cs in chunked for c in cs)
    for chunk in data.findall("chunk"):
        x = _int(doc.path, chunk, "x", None, label, -(1 << 30), 1 << 30)
        y = _int(doc.path, chunk, "y", None, label, -(1 << 30), 1 << 30)
        w = _int(doc.path, chunk, "width", None, label, 1, MAX_CHUNK_SIDE)
        h = _int(doc.path, chunk, "height", None, label, 1, MAX_CHUNK_SIDE)
        used += w * h
        if used > MAX_CELLS:
            raise MapError(doc.path, f"the infinite map's chunks hold more than {MAX_CELLS} "
                           "tiles", label, "untick Map > Map Properties > Infinite and crop")
        for key in ("encoding", "compression"):
            if data.get(key):
                chunk.set(key, data.get(key, ""))
        chunks.append((x, y, layerdata.decode(doc.path, chunk, w, h, label)))
    chunked.append((layer, chunks))


def _with_gids(layer: TileLayer, gids: np.ndarray) -> TileLayer:
    return dataclasses.replace(layer, gids=gids)


def _flatten(doc: MapDoc, chunked: list) -> None:
    """Infinite map → finite, cropped to the tiles in use; objects shift with it."""
    x0 = y0 = 1 << 31
    x1 = y1 = -(1 << 31)
    for _, chunks in chunked:
        for cx, cy, arr in chunks:
            ys, xs = np.nonzero(arr)
            if len(xs):
                x0, x1 = min(x0, cx + int(xs.min())), max(x1, cx + int(xs.max()) + 1)
                y0, y1 = min(y0, cy + int(ys.min())), max(y1, cy + int(ys.max()) + 1)
    if x1 <= x0:
        raise MapError(doc.path, "the infinite map has no tiles", "map",
                       "paint some tiles, or untick Map > Map Properties > Infinite")
    doc.width, doc.height = x1 - x0, y1 - y0
    _check_size(doc.path, doc.width, doc.height)
    for layer, chunks in chunked:
        gids = np.zeros((doc.height, doc.width), np.uint32)
        for cx, cy, arr in chunks:
            h, w = arr.shape
            ax, ay, bx, by = max(cx, x0), max(cy, y0), min(cx + w, x1), min(cy + h, y1)
            if ax < bx and ay < by:
                gids[ay - y0:by - y0, ax - x0:bx - x0] = arr[ay - cy:by - cy, ax - cx:bx - cx]
        doc.layers.append(_with_gids(layer, gids))
    dx, dy = x0 * doc.tile_width, y0 * doc.tile_height
    doc.objects = [LevelObject(o.id, o.name, o.cls, o.x - dx, o.y - dy, o.width, o.height,
                               o.properties, o.shape, o.layer, o.points) for o in doc.objects]


def _check_gids(doc: MapDoc, layer: TileLayer) -> None:
    """Every gid must name a tile of a tileset (vectorised: a hostile layer may hold a
    million distinct ids)."""
    masked = layer.gids & GID_MASK
    uniq = np.unique(masked)
    uniq = uniq[uniq != 0].astype(np.int64)
    if not len(uniq):
        return
    firsts = np.array([t.tileset.firstgid for t in doc.tilesets], dtype=np.int64)
    index = np.searchsorted(firsts, uniq, side="right") - 1
    ok = index >= 0
    local = uniq - firsts[np.maximum(index, 0)] if len(firsts) else uniq
    for i, ts in enumerate(doc.tilesets):
        mine = index == i
        if isinstance(ts.valid, range):
            ok[mine] &= local[mine] < len(ts.valid)
        else:
            ok[mine] &= np.isin(local[mine], np.fromiter(ts.valid, np.int64, len(ts.valid)))
    if ok.all():
        return
    gid = int(uniq[~ok][0])
    y, x = (int(v) for v in np.argwhere(masked == gid)[0])
    raise MapError(doc.path, f"tile id {gid} at ({x}, {y}) is not in any tileset",
                   f'layer "{layer.name}"',
                   "the tileset lost tiles or was removed: re-add it, or erase the broken "
                   "tiles")
