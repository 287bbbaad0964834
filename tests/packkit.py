"""A map pack made from scratch the way a map maker makes one: maps in a pack folder
beside the installed kit, using kit/tilesets/city.tsx and kit/templates/*.tx, written
as Tiled writes them (and re-saved by real Tiled where tests can).

Layout letters: '.' grass, '=' paving, '#' hedge (solid), 'P' build plot, '~' water,
'@' Elara's spawn, 'o'/'p'/'a' organic/polymer/alloy waste, 'T' a Trigger (3×3 tiles).
"""

from __future__ import annotations

from pathlib import Path

from game.level.kit_install import install_kit

GIDS = {".": 1, "=": 5, "#": 37, "P": 13, "~": 25, "@": 5, "o": 1, "p": 5, "a": 5, "T": 5}
TEMPLATES = {"@": "player-spawn", "o": "waste-organic", "p": "waste-polymer",
             "a": "waste-alloy"}

GATE = ["========================",
        "=......#.......#.......=",
        "=..o...#..P....#...o...=",
        "=......#.......#.......=",
        "=..@...=====T===...a...=",
        "=......#.......#.......=",
        "=..o...#...P...#...p...=",
        "=......#.......#.......=",
        "========================"]
YARD = ["====================",
        "=~~~~..........~~~~=",
        "=~~~.....o......~~~=",
        "=.....P......P.....=",
        "=..@.....a.........=",
        "=.........p........=",
        "=..o........o......=",
        "====================",
        "===================="]


def write_pack_map(folder: Path, name: str, rows: list[str], title: str,
                   description: str, amount: int, amounts: dict[str, int],
                   dialogue: str = "") -> Path:
    h, w = len(rows), len(rows[0])
    assert all(len(r) == w for r in rows), "ragged rows"
    cells, objects, oid = [], [], 1
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            cells.append(str(GIDS[ch]))
            if ch in TEMPLATES:
                extra = ""
                kind = TEMPLATES[ch].split("-")[-1]
                if ch in "opa":
                    extra = ('\n   <properties>\n    <property name="amount" type="int" '
                             f'value="{amounts[kind]}"/>\n   </properties>\n  ')
                body = f">{extra}</object>" if extra else "/>"
                objects.append(f'  <object id="{oid}" name="{kind}" template="../kit/templates/'
                               f'{TEMPLATES[ch]}.tx" x="{x * 16 + 2}" y="{y * 16 + 2}"{body}')
                oid += 1
            if ch == "T" and dialogue:
                objects.append(f'  <object id="{oid}" name="gate" template="../kit/templates/'
                               f'trigger.tx" x="{x * 16 - 16}" y="{y * 16 - 16}">\n'
                               '   <properties>\n    <property name="dialogue" '
                               f'value="{dialogue}"/>\n   </properties>\n  </object>')
                oid += 1
    csv = ",\n".join(",".join(cells[y * w:(y + 1) * w]) for y in range(h))
    from mapkit import tmx_text

    properties = [("author", "", "Ana Reyes"), ("description", "", description),
                  ("objective_amount", "int", amount), ("par_seconds", "int", 90),
                  ("title", "", title)]
    text = tmx_text(w, h, oid, properties, "../kit/tilesets/city.tsx", csv,
                    "\n".join(objects))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


STORY = '''# Green Corners: the pack's story (scenes any of its maps may play)

[cast.ana]
name = "Ana Reyes"
portrait = "ana.png"
colour = "bloom_3"

[briefing]
title = "Two forgotten corners"
lines = [
  ["ana", "I grew up by these hedges. Nobody has planted anything here in years."],
  ["elara", "Then we start with what people threw over them."],
  ["kora", "Build a node on a marked plot and feed it organics. The Guild will count it."],
]

[gate]
lines = [
  ["ana", "That's the old gate. The beds behind it were my grandmother's."],
]

[closing]
lines = [
  ["ana", "Green again. She would have liked that."],
  ["elara", "Next corner. There are plenty left."],
]
'''

MANIFEST = '''title = "Green Corners"
author = "Ana Reyes"
version = "1.0"
description = "Two small gardens behind the hedges, brought back to life."
maps = ["gate_garden.tmx", "the_yard.tmx"]
story = "story.toml"
'''


def make_pack(maps_dir: Path, name: str = "green-corners") -> Path:
    """The kit installed in maps_dir, and a new pack in maps_dir/<name>/."""
    from mapkit import write_png

    install_kit(maps_dir)
    folder = maps_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    write_pack_map(folder, "gate_garden.tmx", GATE, "Gate Garden",
                   "Hedges, a gate and two plots: grow 5 biomass.", 5,
                   {"organic": 4, "alloy": 3, "polymer": 2}, dialogue="gate")
    write_pack_map(folder, "the_yard.tmx", YARD, "The Yard",
                   "A courtyard between the ponds.", 6,
                   {"organic": 4, "alloy": 3, "polymer": 2})
    (folder / "story.toml").write_text(STORY, encoding="utf-8")
    (folder / "pack.toml").write_text(MANIFEST, encoding="utf-8")
    write_png(folder / "ana.png", 48, 48)
    return folder
