"""Tiled custom properties → plain Python values, and the project file's custom types.

Class-typed properties (Tiled 1.8+) are stored with only the members that differ from
the type's defaults; the defaults come from the project file (`*.tiled-project`).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from game.fileio import read_capped
from game.level.errors import MapError, Problem

MAX_PROJECT_BYTES = 1024 * 1024
MAX_CLASS_DEPTH = 8
MAX_CLASS_VALUES = 10_000  # values one class-typed property may expand to
PROPS_HINT = "fix it in the Properties panel in Tiled"


@dataclass
class CustomTypes:
    """Class and enum property types from project files (the game's own, and the map's)."""

    classes: dict[str, dict[str, object]] = field(default_factory=dict)
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def merge(self, other: CustomTypes) -> None:
        for name, members in other.classes.items():
            self.classes.setdefault(name, members)
        for name, values in other.enums.items():
            self.enums.setdefault(name, values)

    def class_defaults(self, name: str) -> dict[str, object]:
        """A class's members with their defaults, nested classes expanded. Raises
        OverflowError past MAX_CLASS_VALUES values: a project file could define classes
        that nest into each other thousands of times over."""
        return self._expand(name, 0, [MAX_CLASS_VALUES])

    def _expand(self, name: str, depth: int, budget: list[int]) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in self.classes.get(name, {}).items():
            budget[0] -= 1
            if budget[0] < 0:
                raise OverflowError(f"class {name!r} expands to more than "
                                    f"{MAX_CLASS_VALUES} values")
            if isinstance(value, tuple):  # (nested class name, overrides)
                nested, overrides = value
                inner = self._expand(nested, depth + 1, budget) \
                    if depth < MAX_CLASS_DEPTH else {}
                inner.update(overrides)
                out[key] = inner
            else:
                out[key] = value
        return out


def class_defaults(path: Path, types: CustomTypes, name: str, element: str) -> dict[str, object]:
    try:
        return types.class_defaults(name)
    except OverflowError as exc:
        raise MapError(path, str(exc), element, "simplify the class in the project file "
                       "(it nests into itself)") from None


def load_project(path: Path) -> CustomTypes:
    """A Tiled project file's propertyTypes. Unreadable or odd files give no types."""
    try:
        return parse_project(read_capped(path, MAX_PROJECT_BYTES))
    except OSError:  # also a FIFO, a device or a file over the cap: never opened/read
        return CustomTypes()


def parse_project(data: bytes) -> CustomTypes:
    """A project file's bytes → its types; odd content gives no types."""
    types = CustomTypes()
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return types
    entries = raw.get("propertyTypes") if isinstance(raw, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        if entry.get("type") == "enum" and isinstance(entry.get("values"), list):
            types.enums[entry["name"]] = tuple(str(v) for v in entry["values"])
        elif entry.get("type") == "class" and isinstance(entry.get("members"), list):
            members: dict[str, object] = {}
            for m in entry["members"]:
                if not isinstance(m, dict) or not isinstance(m.get("name"), str):
                    continue
                if m.get("type") == "class":
                    value = m.get("value")
                    members[m["name"]] = (str(m.get("propertyType", "")),
                                          value if isinstance(value, dict) else {})
                else:
                    members[m["name"]] = m.get("value")
            types.classes[entry["name"]] = members
    return types


def parse_properties(path: Path, node: ET.Element | None, element: str,
                     types: CustomTypes, depth: int = 0,
                     problems: list[Problem] | None = None) -> dict[str, object]:
    """The <properties> child of `node` as a dict of typed values. With `problems`, a
    value of the wrong type is noted there and left out, so reading goes on and `check`
    can list every such mistake; without, it raises MapError."""
    out: dict[str, object] = {}
    props = node.find("properties") if node is not None else None
    if props is None:
        return out
    for prop in props.findall("property"):
        name = prop.get("name")
        if not name:
            raise MapError(path, "a custom property has no name", element, PROPS_HINT)
        kind = prop.get("type") or "string"
        if kind == "class":
            value: object = class_defaults(path, types, prop.get("propertytype") or "", element)
            if depth >= MAX_CLASS_DEPTH:
                raise MapError(path, f"property '{name}' nests classes too deeply", element,
                               PROPS_HINT)
            value.update(parse_properties(path, prop, element, types, depth + 1,  # type: ignore[attr-defined]
                                          problems))
        else:
            text = prop.get("value")
            if text is None:
                text = prop.text or ""
            try:
                value = convert(path, name, kind, text, element)
            except MapError as exc:
                if problems is None:
                    raise
                problems.append(exc.problem)
                continue
        out[name] = value
    return out


def convert(path: Path, name: str, kind: str, text: str, element: str) -> object:
    try:
        if kind in ("string", "file"):
            return text
        if kind in ("int", "object"):
            return int(text or "0")
        if kind == "float":
            value = float(text or "0")
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError
            return value
        if kind == "bool":
            if text.lower() not in ("true", "false", "1", "0", ""):
                raise ValueError
            return text.lower() in ("true", "1")
        if kind == "color":
            if text and not (text.startswith("#") and len(text) in (7, 9)):
                raise ValueError
            int(text[1:] or "0", 16)
            return text
    except ValueError:
        raise MapError(path, f"property '{name}' is of type {kind} but holds "
                       f"{text[:40]!r}", element, PROPS_HINT) from None
    raise MapError(path, f"property '{name}' has unknown type {kind!r}", element,
                   "re-create the property in Tiled")
