"""Wang sets for the kit's copy of city.tsx, so Tiled's terrain brush paints grass
against paving or water with the right edge tiles.

Tiles 40..55 of city.tsx are grass with a lip on each side whose neighbour is not grass
(bit N=1, E=2, S=4, W=8; see tools/art/tiles.py). As a corner set, a lip on a side makes
that side's two corners the other terrain: painting paving turns the tiles beside it
into grass with the lip facing it, and its diagonal neighbours stay plain grass, as the
autotiles are drawn. Masks whose corners would all be the other terrain (lips on
opposite sides) are left out, so they never stand in for a paving tile.

Only the kit's copy carries them (the campaign's city.tsx stays byte for byte what its
golden replays were recorded on).
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


def _wangid(tr: int, br: int, bl: int, tl: int) -> str:
    """Tiled's wangid: top, top-right, right, bottom-right, bottom, bottom-left, left,
    top-left; a corner set leaves the edges 0."""
    return f"0,{tr},0,{br},0,{bl},0,{tl}"


def _corners(mask: int) -> tuple[int, int, int, int] | None:
    """(top-right, bottom-right, bottom-left, top-left) of a lip mask: 2 where a lip
    touches the corner; None when all four would be the other terrain."""
    n, e, s, w = (bool(mask & bit) for bit in (1, 2, 4, 8))
    corners = (n or e, e or s, s or w, w or n)
    if all(corners):
        return None
    return tuple(2 if c else 1 for c in corners)  # type: ignore[return-value]


def wangsets() -> ET.Element:
    out = ET.Element("wangsets")
    for name, colours, other in WANGSETS:
        ws = ET.SubElement(out, "wangset", {"name": name, "type": "corner",
                                            "tile": str(EDGES)})
        for cname, colour, tile in colours:
            ET.SubElement(ws, "wangcolor", {"name": cname, "color": colour,
                                            "tile": str(tile), "probability": "1"})
        for tid in GRASS:
            ET.SubElement(ws, "wangtile", {"tileid": str(tid), "wangid": _wangid(1, 1, 1, 1)})
        for mask in range(16):
            corners = _corners(mask)
            if corners is not None:
                ET.SubElement(ws, "wangtile", {"tileid": str(EDGES + mask),
                                               "wangid": _wangid(*corners)})
        for tid in other:
            ET.SubElement(ws, "wangtile", {"tileid": str(tid), "wangid": _wangid(2, 2, 2, 2)})
    return out
