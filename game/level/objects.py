"""<object> elements → LevelObject, with object templates (.tx) resolved.

The object's class comes from `class` (Tiled 1.9+) or `type` (older Tiled). A templated
object starts from its template; anything the map sets on the object wins (attributes
and properties alike).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from game.level.data import LevelObject
from game.level.errors import WARNING, MapError, Problem
from game.level.props import CustomTypes, class_defaults, parse_properties
from game.level.safexml import Files

MAX_OBJECTS = 10_000
MAX_POINTS = 1_000
SHAPES = ("ellipse", "point", "polygon", "polyline", "text")
HINT = "fix it in Tiled's Properties panel"


def object_label(node: ET.Element) -> str:
    oid, name = node.get("id", "?"), node.get("name")
    return f'object #{oid} "{name}"' if name else f"object #{oid}"


def _num(path: Path, node: ET.Element, attr: str, label: str) -> float:
    text = node.get(attr)
    if text is None:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        raise MapError(path, f"{attr}={text[:20]!r} is not a number", label, HINT) from None
    if value != value or abs(value) > 1e9:
        raise MapError(path, f"{attr}={text[:20]!r} is out of range", label, HINT)
    return value


class ObjectReader:
    def __init__(self, map_file: Path, files: Files, types: CustomTypes,
                 problems: list[Problem] | None = None) -> None:
        self.map_file = map_file
        self.problems = problems
        self.files = files
        self.types = types
        self.count = 0
        self._templates: dict[Path, tuple[ET.Element, dict[str, object]]] = {}

    def _template(self, ref: str, label: str) -> tuple[ET.Element, dict[str, object]]:
        path = self.files.resolve(self.map_file, ref, label, "template")
        if path not in self._templates:
            if not os.path.lexists(path):
                raise MapError(self.map_file, f"template {ref!r} not found", label,
                               "put the .tx file next to the map, or detach the template "
                               "(right-click > Detach Template)")
            root = self.files.xml(path, label, ref)
            obj = root.find("object") if root.tag == "template" else None
            if obj is None:
                raise MapError(path, "not an object template (no <template><object>)", label,
                               "save the template again from Tiled")
            props = parse_properties(path, obj, label, self.types, problems=self.problems)
            self._templates[path] = (obj, props)
        return self._templates[path]

    def read(self, node: ET.Element, layer: str) -> LevelObject:
        self.count += 1
        label = object_label(node)
        if self.count > MAX_OBJECTS:
            raise MapError(self.map_file, f"more than {MAX_OBJECTS} objects", label,
                           "split the map")
        attrs: dict[str, str] = {}
        props: dict[str, object] = {}
        shape_node = None
        source = node.get("template")
        if source:
            tmpl, tprops = self._template(source, label)
            attrs.update(tmpl.attrib)
            props.update(tprops)
            shape_node = next((c for c in tmpl if c.tag in SHAPES), None)
        attrs.update(node.attrib)
        own = next((c for c in node if c.tag in SHAPES), None)
        shape_node = own if own is not None else shape_node
        cls = attrs.get("class") or attrs.get("type") or ""
        merged = class_defaults(self.map_file, self.types, cls, label) \
            if cls in self.types.classes else {}
        merged.update(props)
        merged.update(parse_properties(self.map_file, node, label, self.types,
                                      problems=self.problems))
        try:
            oid = int(attrs.get("id", "0"))
        except ValueError:
            raise MapError(self.map_file, f"object id {attrs.get('id')!r} is not a number",
                           label, "re-save the map from Tiled") from None
        probe = ET.Element("object", attrs)
        x, y = _num(self.map_file, probe, "x", label), _num(self.map_file, probe, "y", label)
        w = _num(self.map_file, probe, "width", label)
        h = _num(self.map_file, probe, "height", label)
        shape, points = "rectangle", ()
        if shape_node is not None:
            shape = shape_node.tag
            if shape in ("polygon", "polyline"):
                points = self._points(shape_node.get("points", ""), label)
        if attrs.get("gid"):
            shape = "tile"
            y -= h  # tile objects are anchored at their bottom-left corner
        self._rotation(attrs, label)
        return LevelObject(oid, attrs.get("name", ""), cls, x, y, w, h, merged, shape, layer,
                           points)

    def _rotation(self, attrs: dict[str, str], label: str) -> None:
        """The game places objects by their unrotated box: say so rather than differ
        silently from what Tiled shows."""
        try:
            turned = float(attrs.get("rotation", "0")) % 360
        except ValueError:
            turned = 0.0
        if turned and self.problems is not None:
            self.problems.append(Problem(
                str(self.map_file), f"rotated by {turned:g}°; the game ignores rotation "
                "and uses the object's unrotated box", label,
                "set Rotation to 0 in the object's properties and resize the box instead",
                WARNING))

    def _points(self, text: str, label: str) -> tuple[tuple[float, float], ...]:
        pairs = text.split()
        if len(pairs) > MAX_POINTS:
            raise MapError(self.map_file, f"a shape with more than {MAX_POINTS} points",
                           label, "simplify the polygon")
        out = []
        for pair in pairs:
            try:
                a, b = pair.split(",")
                out.append((float(a), float(b)))
            except ValueError:
                raise MapError(self.map_file, f"polygon point {pair[:20]!r} is not 'x,y'",
                               label, "redraw the shape in Tiled") from None
        return tuple(out)
