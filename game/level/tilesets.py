"""<tileset> elements (embedded or external .tsx) → data.Tileset plus tile properties.

Handles image tilesets (margin, spacing), image-collection tilesets (one image per tile),
animations, and tile properties. Every image path is kept inside the allowed folders.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from game.level.data import Tileset
from game.level.errors import MapError, Problem
from game.level.props import CustomTypes, parse_properties
from game.level.safexml import Files

MAX_TILESET_TILES = 65536
MAX_FRAMES = 256


@dataclass(frozen=True, slots=True)
class LoadedTileset:
    tileset: Tileset
    valid: frozenset[int] | range  # local ids that exist
    properties: dict[int, dict[str, object]]  # local id -> tile properties (+ "class")


def _int(path: Path, node: ET.Element, attr: str, default: int | None, element: str,
         lo: int = 0, hi: int = 1 << 30) -> int:
    text = node.get(attr)
    if text is None:
        if default is None:
            raise MapError(path, f"<{node.tag}> has no {attr}", element, "re-save it in Tiled")
        return default
    try:
        value = int(text)
    except ValueError:
        raise MapError(path, f"<{node.tag}> {attr}={text[:20]!r} is not a whole number",
                       element, "re-save it in Tiled") from None
    if not lo <= value <= hi:
        raise MapError(path, f"<{node.tag}> {attr}={value} is outside {lo}..{hi}", element,
                       "re-save it in Tiled")
    return value


def load_tileset(map_file: Path, ref: ET.Element, files: Files, types: CustomTypes,
                 warnings: list[Problem]) -> LoadedTileset:
    firstgid = _int(map_file, ref, "firstgid", None, "tileset", 1, 0x0FFFFFFF)
    node, file = ref, map_file
    source = ref.get("source")
    element = f'tileset "{ref.get("name") or source or firstgid}"'
    if source:
        file = files.resolve(map_file, source, element, "tileset")
        if not os.path.lexists(file):
            raise MapError(map_file, f"tileset file {source!r} not found", element,
                           "put the .tsx next to the map, or re-add the tileset in Tiled")
        node = files.xml(file, element, source)
        if node.tag != "tileset":
            raise MapError(file, f"root element is <{node.tag}>, expected <tileset>", element,
                           "choose a .tsx tileset file")
    name = node.get("name") or (Path(source).stem if source else f"tileset {firstgid}")
    element = f'tileset "{name}"'
    tw = _int(file, node, "tilewidth", None, element, 1, 4096)
    th = _int(file, node, "tileheight", None, element, 1, 4096)
    margin = _int(file, node, "margin", 0, element, 0, 4096)
    spacing = _int(file, node, "spacing", 0, element, 0, 4096)
    image, columns, tilecount = None, _int(file, node, "columns", 0, element, 0, 65536), None
    img = node.find("image")
    if img is not None:
        image = files.resolve(file, img.get("source") or "", element, "tileset image")
        # the real size wins over what the tileset declares (a bomb declares a small one)
        size = files.image(file, image, img.get("source") or "", element, "tileset image",
                           warnings)
        if size is None and img.get("width") and img.get("height"):
            size = (_int(file, img, "width", 0, element), _int(file, img, "height", 0, element))
        if size and not columns:
            columns = max(0, (size[0] - 2 * margin + spacing) // (tw + spacing))
        if size and node.get("tilecount") is None:
            rows = max(0, (size[1] - 2 * margin + spacing) // (th + spacing))
            tilecount = columns * rows
    if tilecount is None:
        tilecount = _int(file, node, "tilecount", None if img is not None else 0, element,
                         0, MAX_TILESET_TILES)
    if tilecount > MAX_TILESET_TILES:
        raise MapError(file, f"the tileset image holds {tilecount} tiles, more than "
                       f"{MAX_TILESET_TILES}", element, "split the tileset")
    tile_images: dict[int, Path] = {}
    animations: dict[int, tuple[tuple[int, int], ...]] = {}
    properties: dict[int, dict[str, object]] = {}
    tiles = node.findall("tile")
    if len(tiles) > MAX_TILESET_TILES:
        raise MapError(file, f"more than {MAX_TILESET_TILES} tiles", element)
    for tile in tiles:
        local = _int(file, tile, "id", None, element, 0, MAX_TILESET_TILES - 1)
        label = f"{element} tile {local}"
        props = parse_properties(file, tile, label, types)
        cls = tile.get("class") or tile.get("type")
        if cls:
            props.setdefault("class", cls)
        if props:
            properties[local] = props
        timg = tile.find("image")
        if timg is not None and img is None:
            tile_images[local] = files.resolve(file, timg.get("source") or "", label,
                                               "tile image")
            files.image(file, tile_images[local], timg.get("source") or "", label,
                        "tile image", warnings)
        anim = tile.find("animation")
        if anim is not None:
            frames = anim.findall("frame")[:MAX_FRAMES]
            animations[local] = tuple(
                (_int(file, f, "tileid", None, label, 0, MAX_TILESET_TILES - 1),
                 _int(file, f, "duration", 100, label, 0, 3_600_000)) for f in frames)
    valid: frozenset[int] | range = frozenset(tile_images) if img is None else range(tilecount)
    if img is None:
        tilecount = max(tile_images, default=-1) + 1
    for local, frames in animations.items():
        for fid, _ in frames:
            if fid not in valid:
                raise MapError(file, f"animation frame uses tile {fid}, which does not "
                               "exist", f"{element} tile {local}",
                               "fix the animation in Tiled's Tile Animation Editor")
    tall = frozenset(i for i, p in properties.items() if p.get("tall") is True)
    glow = {i: c for i, p in properties.items() if (c := parse_color(p.get("glow")))}
    ts = Tileset(firstgid=firstgid, name=name, tile_width=tw, tile_height=th,
                 columns=columns, tilecount=tilecount, image=image, tile_images=tile_images,
                 animations=animations, tall=tall, glow=glow, margin=margin, spacing=spacing,
                 properties=properties)
    return LoadedTileset(ts, valid, properties)


def parse_color(value: object) -> tuple[int, int, int] | None:
    """Tiled colours are '#rrggbb' or '#aarrggbb'; anything else means no colour."""
    if not isinstance(value, str) or not value.startswith("#") or len(value) not in (7, 9):
        return None
    try:
        rgb = int(value[-6:], 16)
    except ValueError:
        return None
    return (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
