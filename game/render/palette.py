"""The one fixed palette of Reclaim 2147.

Pure data, no pygame. Every asset the generator (``tools/gen_assets.py``) draws and every
colour the UI uses comes from here. Each material is a hue-shifted ramp from dark to light:
shadows lean toward blue/purple, highlights toward yellow.

Look: grey-green city (warm ``stone`` greys, ``moss`` greens, ``soil`` and wood), lush
plants, bioluminescent accents (``teal``/cyan, ``bloom`` magenta, ``amber``), and cold
corporate things (``steel`` blue-white, ``alarm`` red).
"""

from __future__ import annotations

RGB = tuple[int, int, int]

# Ramps, dark -> light. Names are "<ramp>_<index>" so tools can walk a ramp by number.
RAMPS: dict[str, list[RGB]] = {
    # outline / deepest shadow (a near-black purple)
    "ink": [(18, 13, 28)],
    # warm city stone: shadow toward purple, highlight toward bone yellow
    "stone": [(38, 33, 52), (66, 60, 76), (104, 98, 104), (148, 140, 128), (214, 204, 172)],
    # moss and leaves: shadow toward teal, highlight toward yellow-green
    "moss": [(22, 44, 50), (36, 78, 60), (66, 118, 62), (114, 160, 66), (184, 208, 96)],
    # soil, wood, copper-brown: shadow toward plum
    "soil": [(42, 26, 40), (78, 46, 46), (124, 76, 54), (172, 120, 74)],
    # water into bioluminescent cyan
    "teal": [(20, 30, 64), (30, 66, 104), (34, 124, 140), (64, 212, 204), (176, 255, 232)],
    # plastics and pigment: violet shadow into magenta into warm pink
    "bloom": [(62, 30, 88), (124, 56, 156), (214, 66, 160), (255, 146, 190)],
    # amber light, rust, work coat
    "amber": [(134, 52, 36), (216, 114, 42), (250, 178, 62), (255, 234, 146)],
    # corporate steel: navy shadow to cold white
    "steel": [(28, 38, 68), (56, 84, 124), (114, 146, 182), (236, 242, 250)],
    # corporate warning red
    "alarm": [(112, 24, 50), (228, 60, 66)],
    # skin
    "skin": [(128, 66, 60), (194, 120, 86), (238, 180, 132)],
}

PALETTE: dict[str, RGB] = {
    (name if len(ramp) == 1 else f"{name}_{i}"): colour
    for name, ramp in RAMPS.items()
    for i, colour in enumerate(ramp)
}

# UI colours (all from the palette)
UI_PANEL: RGB = PALETTE["stone_0"]  # draw with alpha ~200 for a translucent panel
UI_TEXT: RGB = PALETTE["stone_4"]
UI_DIM: RGB = PALETTE["stone_3"]
UI_GOOD: RGB = PALETTE["teal_3"]
UI_BAD: RGB = PALETTE["alarm_1"]
UI_ACCENT: RGB = PALETTE["amber_2"]
UI_SHADOW: RGB = PALETTE["ink"]

# One colour per resource, the same everywhere (icons, HUD bars, particles).
RES_COLORS: dict[str, RGB] = {
    "organic": PALETTE["soil_3"],
    "polymer": PALETTE["bloom_1"],
    "alloy": PALETTE["steel_2"],
    "biomass": PALETTE["moss_3"],
    "pigment": PALETTE["bloom_2"],
    "spark": PALETTE["amber_2"],
}


def ramp(name: str) -> list[RGB]:
    """The colours of one ramp, dark to light."""
    return list(RAMPS[name])
