"""Wang sets for the kit's copy of city.tsx, so Tiled's terrain brush paints grass
against paving or water with the right edge tiles.

Tiles 40..55 of city.tsx are grass with a lip on each side whose neighbour is not grass
(bit N=1, E=2, S=4, W=8; see tools/art/tiles.py): in an edge Wang set that side's edge
is the other terrain. Only the kit's copy carries them (the campaign's city.tsx stays
byte for byte what its golden replays were recorded on).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

GRASS = (0, 1, 2, 3)
EDGES = 40  # first grass edge tile; mask 0..15 follows
# name, colours (name, #aarrggbb, representative tile), tiles of the other terrain
WANGSETS = (
    ("Grass and paving", (("Grass", "#ff5a9e4a", 0), ("Paving", "#ff9a9a8a", 4)),
     (4, 5, 6, 7, 14)),
    ("Grass and water", (("Grass", "#ff5a9e4a", 0), ("Water", "#ff3a7ab0", 24)), (24,)),
)


def _wangid(top: int, right: int, bottom: int, left: int) -> str:
    """Tiled's wangid: top, top-right, right, bottom-right, bottom, bottom-left, left,
    top-left; an edge set leaves the corners 0."""
    return f"{top},0,{right},0,{bottom},0,{left},0"


def wangsets() -> ET.Element:
    out = ET.Element("wangsets")
    for name, colours, other in WANGSETS:
        ws = ET.SubElement(out, "wangset", {"name": name, "type": "edge",
                                            "tile": str(EDGES)})
        for cname, colour, tile in colours:
            ET.SubElement(ws, "wangcolor", {"name": cname, "color": colour,
                                            "tile": str(tile), "probability": "1"})
        for tid in GRASS:
            ET.SubElement(ws, "wangtile", {"tileid": str(tid), "wangid": _wangid(1, 1, 1, 1)})
        for mask in range(16):
            sides = [2 if mask & bit else 1 for bit in (1, 2, 4, 8)]
            ET.SubElement(ws, "wangtile", {"tileid": str(EDGES + mask),
                                           "wangid": _wangid(*sides)})
        for tid in other:
            ET.SubElement(ws, "wangtile", {"tileid": str(tid), "wangid": _wangid(2, 2, 2, 2)})
    return out
