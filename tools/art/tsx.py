"""Write maps/tilesets/city.tsx (Tiled 1.8 external tileset) from the tile table."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .tiles import ANIMATIONS, COLUMNS, TILES, T

# Tiles that give off light: the renderer adds a soft glow of this colour over them.
# Tiled "color" properties are #aarrggbb.
GLOWS: dict[int, str] = {
    12: "#ff1a4a46", 13: "#ff1a4a46",  # build plots: their pegs
    21: "#ff6a4010",   # lit window: amber
    22: "#ff3a1844",   # vine flowers: magenta
    30: "#ff4a1a48", 31: "#ff4a1a48",  # planter flowers
    32: "#ff30a8a0", 33: "#ff30a8a0",  # biolamp
    38: "#ff206a78", 39: "#ff206a78",  # fountain
}


def tileset_xml(image_source: str, image_w: int, image_h: int) -> str:
    ts = ET.Element("tileset", {
        "version": "1.8", "tiledversion": "1.8.2", "name": "city",
        "tilewidth": str(T), "tileheight": str(T), "tilecount": str(len(TILES)),
        "columns": str(COLUMNS),
    })
    ET.SubElement(ts, "image", {"source": image_source, "width": str(image_w),
                                "height": str(image_h)})
    for tid in sorted(TILES):
        name, solid, buildable, tall = TILES[tid]
        tile = ET.SubElement(ts, "tile", {"id": str(tid)})
        props = ET.SubElement(tile, "properties")
        ET.SubElement(props, "property", {"name": "name", "value": name})
        for key, val in (("solid", solid), ("buildable", buildable), ("tall", tall)):
            ET.SubElement(props, "property", {"name": key, "type": "bool",
                                              "value": "true" if val else "false"})
        if tid in GLOWS:
            ET.SubElement(props, "property", {"name": "glow", "type": "color",
                                              "value": GLOWS[tid]})
        if tid in ANIMATIONS:
            anim = ET.SubElement(tile, "animation")
            for frame_id, ms in ANIMATIONS[tid]:
                ET.SubElement(anim, "frame", {"tileid": str(frame_id), "duration": str(ms)})
    ET.indent(ts, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(ts, encoding="unicode") + "\n"


def write_tsx(path: Path, image_source: str, image_w: int, image_h: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tileset_xml(image_source, image_w, image_h), encoding="utf-8")
