"""The map maker's kit, generated from schema.py so it can never drift from the loader:
the Tiled project file (custom types with typed, defaulted members and enums, plus
Check/Play commands), objecttypes.xml for Tiled 1.8, and one object template per class.

tools/gen_tiled_project.py writes these into maps/; a test checks they are up to date.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import quoteattr

from game.level.schema import ENUMS, OBJECT_CLASSES, PropSpec
from game.level.tiled_ext import extension_js

# template file name -> (class, width, height, properties that differ from the defaults)
TEMPLATES: dict[str, tuple[str, int, int, dict[str, object]]] = {
    "player-spawn": ("PlayerSpawn", 12, 12, {}),
    "waste-organic": ("Waste", 12, 12, {"kind": "organic"}),
    "waste-polymer": ("Waste", 12, 12, {"kind": "polymer"}),
    "waste-alloy": ("Waste", 12, 12, {"kind": "alloy"}),
    "mural-wall": ("MuralWall", 32, 16, {}),
    "district": ("District", 160, 160, {}),
    "drone-spawn": ("DroneSpawn", 16, 16, {}),
    "wave-group": ("WaveGroup", 12, 12, {}),
    "depot": ("Depot", 32, 32, {}),
    "trigger": ("Trigger", 48, 48, {}),
    "collector-spawn": ("CollectorSpawn", 16, 16, {}),
}

COMMANDS = [
    ("Check map", "-m game check %mapfile"),
    ("Play map", "-m game play %mapfile"),
]


def _member(name: str, spec: PropSpec) -> dict[str, object]:
    out: dict[str, object] = {"name": name, "type": spec.type, "value": spec.default}
    if spec.enum:
        out["propertyType"] = spec.enum
    return out


def project_json() -> str:
    types: list[dict[str, object]] = []
    next_id = 1
    for name, values in ENUMS.items():
        types.append({"id": next_id, "name": name, "storageType": "string", "type": "enum",
                      "values": list(values), "valuesAsFlags": False})
        next_id += 1
    for name, cls in OBJECT_CLASSES.items():
        types.append({"color": cls.color, "drawFill": True, "id": next_id,
                      "members": [_member(k, s) for k, s in sorted(cls.props.items())],
                      "name": name, "type": "class", "useAs": ["object"]})
        next_id += 1
    project = {
        "automappingRulesFile": "",
        "commands": [{"arguments": args, "command": "python3", "enabled": True, "name": name,
                      "saveBeforeExecute": True, "shortcut": "", "showOutput": True,
                      "workingDirectory": "%projectpath/.."} for name, args in COMMANDS],
        "extensionsPath": "extensions",
        "folders": ["."],
        "objectTypesFile": "objecttypes.xml",
        "propertyTypes": types,
    }
    return json.dumps(project, indent=4, ensure_ascii=False) + "\n"


def _value(spec: PropSpec, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def objecttypes_xml() -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<objecttypes>"]
    for name, cls in OBJECT_CLASSES.items():
        lines.append(f" <objecttype name={quoteattr(name)} color={quoteattr(cls.color)}>")
        for pname, spec in sorted(cls.props.items()):
            kind = "int" if spec.type == "object" else spec.type
            lines.append(f"  <property name={quoteattr(pname)} type={quoteattr(kind)} "
                         f"default={quoteattr(_value(spec, spec.default))}/>")
        lines.append(" </objecttype>")
    lines.append("</objecttypes>")
    return "\n".join(lines) + "\n"


def template_tx(name: str) -> str:
    cls, w, h, props = TEMPLATES[name]
    spec = OBJECT_CLASSES[cls].props
    body = ""
    if props:
        rows = []
        for key, value in props.items():
            enum = f" propertytype={quoteattr(spec[key].enum)}" if spec[key].enum else ""
            rows.append(f"   <property name={quoteattr(key)}{enum} "
                        f"value={quoteattr(_value(spec[key], value))}/>")
        body = "\n  <properties>\n" + "\n".join(rows) + "\n  </properties>\n "
    close = f">{body}</object>" if body else "/>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<template>\n'
            f' <object name="" type={quoteattr(cls)} width="{w}" height="{h}"{close}\n'
            "</template>\n")


def kit_files() -> dict[str, str]:
    """Path under maps/ -> file content."""
    files = {"reclaim.tiled-project": project_json(), "objecttypes.xml": objecttypes_xml()}
    for name in TEMPLATES:
        files[f"templates/{name}.tx"] = template_tx(name)
    files["extensions/reclaim.js"] = extension_js()
    return files


def _default(spec: PropSpec) -> str:
    if spec.type == "object":
        return "none"
    if isinstance(spec.default, bool):
        return "true" if spec.default else "false"
    return f"`{spec.default}`" if spec.default != "" else "empty"


def _kind(spec: PropSpec) -> str:
    if spec.enum:
        return f"{spec.enum}: " + " \\| ".join(ENUMS[spec.enum])
    bounds = ""
    if spec.minimum is not None and spec.maximum is not None and spec.maximum < 2**31:
        bounds = f" {spec.minimum:g}–{spec.maximum:g}"
    elif spec.minimum is not None:
        bounds = f" ≥ {spec.minimum:g}"
    return {"object": "object reference", "string": "text"}.get(spec.type, spec.type) + bounds


def reference_markdown() -> str:
    """The object class and map property reference of docs/MAPPING.md (generated)."""
    from game.level.schema import MAP_PROPERTIES

    out = ["### Object classes", ""]
    for name, cls in OBJECT_CLASSES.items():
        templates = ", ".join(f"`{t}.tx`" for t, v in TEMPLATES.items() if v[0] == name)
        out += [f"#### {name}", "", cls.doc + (f" Template: {templates}." if templates else ""),
                ""]
        if not cls.props:
            continue
        out += ["| property | type | default | meaning |", "|---|---|---|---|"]
        for pname, spec in cls.props.items():
            out.append(f"| `{pname}` | {_kind(spec)} | {_default(spec)} | {spec.doc} |")
        out.append("")
    out += ["### Map properties", "", "Set them in *Map > Map Properties* (Custom "
            "Properties). All are optional.", "",
            "| property | type | default | meaning |", "|---|---|---|---|"]
    for pname, spec in MAP_PROPERTIES.items():
        out.append(f"| `{pname}` | {_kind(spec)} | {_default(spec)} | {spec.doc} |")
    return "\n".join(out) + "\n"
