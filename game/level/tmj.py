"""Tiled's JSON formats (.tmj maps, .tsj tilesets, .tj templates) → the same element tree
a .tmx/.tsx/.tx file gives, so one reader (tmx.py, tilesets.py, objects.py) serves both
and a map reads identically whichever way Tiled saved it.

The JSON is held to the XML's limits: the same file size cap (safexml.read_bytes), the
same element count and nesting depth (every converted object, layer, tile or property
counts as one element), no NaN or Infinity. Every field is type-checked: a value of the
wrong JSON type is a clear MapError, never an exception from deep inside.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from game.level.errors import MapError

JSON_SUFFIXES = (".tmj", ".tsj", ".tj", ".json")
MAP_SUFFIXES = (".tmx", ".tmj")  # files listed as maps
RESAVE = "open it in Tiled and save it again"
LAYER_TAGS = {"tilelayer": "layer", "objectgroup": "objectgroup", "imagelayer": "imagelayer",
              "group": "group"}
# keys that become child elements (or are dropped), never attributes
_CHILD_KEYS = {"properties", "layers", "objects", "tilesets", "tiles", "data", "chunks",
               "image", "imagewidth", "imageheight", "animation", "polygon", "polyline",
               "ellipse", "point", "text", "wangsets", "terrains", "grid", "tileoffset",
               "transformations", "encoding", "compression", "object", "tileset", "type",
               "transparentcolor", "objectalignment", "editorsettings", "exportsettings"}


class _Bad(Exception):
    pass


def read_json(path: Path, data: bytes, max_elements: int, max_depth: int) -> ET.Element:
    """JSON bytes of a map, tileset or template → its .tmx-shaped element tree."""
    try:
        raw = json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except RecursionError:
        raise MapError(path, f"values nested deeper than {max_depth} levels", hint=RESAVE) \
            from None
    except UnicodeDecodeError as exc:
        raise MapError(path, f"the file is not UTF-8 text ({exc.reason})",
                       hint="save the file as UTF-8") from None
    except ValueError as exc:  # json.JSONDecodeError, NaN, huge integers
        raise MapError(path, f"broken JSON: {exc}", hint=RESAVE) from None
    conv = _Converter(max_elements, max_depth)
    try:
        return conv.root(raw, path.suffix.lower())
    except _Bad as exc:
        raise MapError(path, f"broken Tiled JSON: {exc}", hint=RESAVE) from None


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a map may hold")


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class _Converter:
    def __init__(self, max_elements: int, max_depth: int) -> None:
        self.max_elements = max_elements
        self.max_depth = max_depth
        self.count = 0

    def element(self, tag: str, attrs: dict[str, str] | None = None,
                depth: int = 0) -> ET.Element:
        self.count += 1
        if self.count > self.max_elements:
            raise _Bad(f"more than {self.max_elements} objects, layers, tiles and properties")
        if depth > self.max_depth:
            raise _Bad(f"layers or properties nested deeper than {self.max_depth} levels")
        return ET.Element(tag, attrs or {})

    # -- shape checks --------------------------------------------------------------------
    @staticmethod
    def dict_(value: object, what: str) -> dict:
        if not isinstance(value, dict):
            raise _Bad(f"{what} must be a JSON object, not {type(value).__name__}")
        return value

    @staticmethod
    def list_(value: object, what: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise _Bad(f"{what} must be a list, not {type(value).__name__}")
        return value

    @staticmethod
    def attrs(node: dict, skip: set[str] = _CHILD_KEYS) -> dict[str, str]:
        """Scalar fields → XML attributes (Tiled writes the same names in both formats)."""
        out = {}
        for key, value in node.items():
            if key in skip or isinstance(value, (dict, list)) or value is None:
                continue
            if key in ("name", "class", "type", "template") and value == "":
                continue  # Tiled's XML leaves empty names and classes out
            out[key] = _text(value)
        return out

    # -- documents -----------------------------------------------------------------------
    def root(self, raw: object, suffix: str) -> ET.Element:
        node = self.dict_(raw, "the file")
        kind = node.get("type") or {".tsj": "tileset", ".tj": "template"}.get(suffix, "map")
        kind = kind if isinstance(kind, str) else ""
        if kind == "map":
            return self.map(node)
        if kind == "tileset":
            return self.tileset(node, self.element("tileset"))
        if kind == "template":
            return self.template(node)
        raise _Bad(f'"type" is {str(kind)[:20]!r}, expected "map", "tileset" or "template"')

    def map(self, node: dict) -> ET.Element:
        out = self.element("map", self.attrs(node))
        out.set("infinite", "1" if node.get("infinite") is True else "0")
        self.properties(node, out, 1)
        for i, ts in enumerate(self.list_(node.get("tilesets"), "tilesets")):
            ts = self.dict_(ts, f"tileset #{i + 1}")
            if "source" in ts:
                out.append(self.element("tileset", self.attrs(ts), 1))
            else:
                out.append(self.tileset(ts, self.element("tileset", depth=1)))
        self.layers(node, out, 1)
        return out

    def template(self, node: dict) -> ET.Element:
        out = self.element("template")
        if isinstance(node.get("tileset"), dict):
            out.append(self.element("tileset", self.attrs(node["tileset"]), 1))
        out.append(self.object(self.dict_(node.get("object"), "the template's object"), 1))
        return out

    # -- tilesets ------------------------------------------------------------------------
    def tileset(self, node: dict, out: ET.Element) -> ET.Element:
        out.attrib.update(self.attrs(node))
        self.properties(node, out, 1)
        if isinstance(node.get("tileoffset"), dict):
            out.append(self.element("tileoffset", self.attrs(node["tileoffset"]), 1))
        if node.get("image") is not None:
            out.append(self.image(node, 1))
        for i, tile in enumerate(self.list_(node.get("tiles"), "tiles")):
            tile = self.dict_(tile, f"tile #{i + 1}")
            t = self.element("tile", self.attrs(tile), 1)
            if isinstance(tile.get("type"), str) and tile["type"]:
                t.set("type", tile["type"])
            self.properties(tile, t, 2)
            if tile.get("image") is not None:
                t.append(self.image(tile, 2))
            frames = self.list_(tile.get("animation"), "animation")
            if frames:
                anim = self.element("animation", depth=2)
                for f in frames:
                    anim.append(self.element("frame", self.attrs(self.dict_(f, "a frame")), 3))
                t.append(anim)
            out.append(t)
        return out

    def image(self, node: dict, depth: int) -> ET.Element:
        if not isinstance(node["image"], str):
            raise _Bad("an image path must be text")
        attrs = {"source": node["image"]}
        for key, attr in (("imagewidth", "width"), ("imageheight", "height"),
                          ("transparentcolor", "trans")):
            if isinstance(node.get(key), (int, float, str)) and not isinstance(node[key], bool):
                attrs[attr] = _text(node[key]).lstrip("#") if attr == "trans" else \
                    _text(node[key])
        return self.element("image", attrs, depth)

    # -- layers --------------------------------------------------------------------------
    def layers(self, node: dict, out: ET.Element, depth: int) -> None:
        for i, layer in enumerate(self.list_(node.get("layers"), "layers")):
            layer = self.dict_(layer, f"layer #{i + 1}")
            kind = layer.get("type")
            tag = LAYER_TAGS.get(kind) if isinstance(kind, str) else None
            if tag is None:
                raise _Bad(f"layer #{i + 1} has unknown type {str(layer.get('type'))[:20]!r}")
            el = self.element(tag, self.attrs(layer), depth)
            self.properties(layer, el, depth + 1)
            if tag == "layer":
                el.append(self.tile_data(layer, depth + 1))
            elif tag == "objectgroup":
                for obj in self.list_(layer.get("objects"), "objects"):
                    el.append(self.object(self.dict_(obj, "an object"), depth + 1))
            elif tag == "imagelayer" and layer.get("image") is not None:
                el.append(self.image(layer, depth + 1))
            elif tag == "group":
                self.layers(layer, el, depth + 1)
            out.append(el)

    def tile_data(self, layer: dict, depth: int) -> ET.Element:
        encoding = layer.get("encoding") or "csv"
        if encoding not in ("csv", "base64"):
            raise _Bad(f"unknown layer encoding {str(encoding)[:20]!r}")
        attrs = {"encoding": encoding}
        if layer.get("compression"):
            attrs["compression"] = str(layer["compression"])
        data = self.element("data", attrs, depth)
        if "chunks" in layer:
            for i, chunk in enumerate(self.list_(layer["chunks"], "chunks")):
                chunk = self.dict_(chunk, f"chunk #{i + 1}")
                c = self.element("chunk", self.attrs(chunk), depth + 1)
                c.text = self.cells(chunk.get("data"), encoding)
                data.append(c)
        else:
            data.text = self.cells(layer.get("data"), encoding)
        return data

    @staticmethod
    def cells(value: object, encoding: str) -> str:
        if encoding == "base64":
            if not isinstance(value, str):
                raise _Bad("Base64 layer data must be text")
            return value
        if not isinstance(value, list):
            raise _Bad("layer data must be a list of tile ids")
        if not all(type(v) is int for v in value):
            raise _Bad("layer data holds something that is not a whole number")
        return ",".join(map(str, value))

    # -- objects and properties ----------------------------------------------------------
    def object(self, node: dict, depth: int) -> ET.Element:
        out = self.element("object", self.attrs(node), depth)
        for key in ("class", "type"):
            if isinstance(node.get(key), str) and node[key]:
                out.set(key, node[key])
        self.properties(node, out, depth + 1)
        if node.get("ellipse") is True:
            out.append(self.element("ellipse", depth=depth + 1))
        if node.get("point") is True:
            out.append(self.element("point", depth=depth + 1))
        for shape in ("polygon", "polyline"):
            if shape in node:
                points = []
                for p in self.list_(node[shape], shape):
                    p = self.dict_(p, f"a {shape} point")
                    x, y = p.get("x"), p.get("y")
                    if not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                               for v in (x, y)):
                        raise _Bad(f"a {shape} point needs numbers x and y")
                    points.append(f"{_text(x)},{_text(y)}")
                out.append(self.element(shape, {"points": " ".join(points)}, depth + 1))
        if isinstance(node.get("text"), dict):
            text = self.element("text", self.attrs(node["text"], {"text"}), depth + 1)
            text.text = str(node["text"].get("text", ""))
            out.append(text)
        return out

    def properties(self, node: dict, out: ET.Element, depth: int) -> None:
        props = self.list_(node.get("properties"), "properties")
        if not props:
            return
        holder = self.element("properties", depth=depth)
        for p in props:
            holder.append(self.property(self.dict_(p, "a property"), depth + 1))
        out.append(holder)

    def property(self, p: dict, depth: int) -> ET.Element:
        attrs = {"name": _text(p.get("name", ""))}
        kind = p.get("type") or "string"
        attrs["type"] = _text(kind)
        if p.get("propertytype"):
            attrs["propertytype"] = _text(p["propertytype"])
        value = p.get("value")
        el = self.element("property", attrs, depth)
        if kind == "class":
            self.members(self.dict_(value if value is not None else {}, "a class value"), el,
                         depth + 1)
        elif value is not None:
            el.set("value", "true" if value is True else "false" if value is False
                   else _text(value))
        return el

    def members(self, value: dict, out: ET.Element, depth: int) -> None:
        """A class-typed value: JSON keeps only member values, their types follow from
        the values (nested classes are objects)."""
        if not value:
            return
        holder = self.element("properties", depth=depth)
        for name, member in value.items():
            if isinstance(member, dict):
                kind = "class"
            elif isinstance(member, bool):
                kind = "bool"
            elif isinstance(member, int):
                kind = "int"
            elif isinstance(member, float):
                kind = "float"
            else:
                kind = "string"
            holder.append(self.property({"name": name, "type": kind, "value": member},
                                        depth + 1))
        out.append(holder)
