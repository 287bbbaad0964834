"""Build campaign .tmx maps from the ASCII layouts in tools/levels/.

The layouts are a fast way to sketch a district; the output is a plain Tiled map that
map makers (and we) then open and polish in Tiled. Tile ids follow maps/tilesets/city.tsx.
Run: python tools/build_campaign_maps.py
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tools" / "levels"
OUT = ROOT / "game" / "maps" / "campaign"

GRASS = (0, 0, 0, 0, 1, 2, 3)
PAVING = (4,) * 12 + (5,) * 4 + (6,) * 3 + (7,)  # drain grates are rare
ROOFS = (16, 16, 16, 17, 18, 19)
WALLS = (20, 21, 21, 22, 20, 23)
EDGE_BASE = 40  # grass edge autotiles: 40 + mask (N=1, E=2, S=4, W=8 not grass)

# char -> (ground tile choices, structure tile choices or None)
LEGEND: dict[str, tuple[tuple[int, ...], tuple[int, ...] | None]] = {
    ".": (GRASS, None),
    ",": (PAVING, None),
    "m": ((14,), None),
    "=": ((8, 8, 8, 9), None),
    "-": ((10,), None),
    "P": ((12, 13), None),
    "~": ((24,), None),
    "b": ((15,), None),
    "R": (PAVING, ROOFS),
    "W": (PAVING, WALLS),
    "T": (GRASS, (28,)),
    "F": (PAVING, (30,)),
    "L": (PAVING, (32,)),
    "B": (PAVING, (34,)),
    "K": (PAVING, (35,)),
    "H": (GRASS, (36,)),
    "X": (PAVING, (37,)),
    "O": (PAVING, (38,)),
    "M": (PAVING, (20,)),  # a plain wall: a MuralWall object covers it and its right neighbour
    "N": (PAVING, (20,)),  # the same, for a mural painted in an earlier level
}
OBJECTS = {"@": ("PlayerSpawn", {}), "o": ("Waste", {"kind": "organic"}),
           "p": ("Waste", {"kind": "polymer"}), "a": ("Waste", {"kind": "alloy"})}
TEMPLATE_OF = {"PlayerSpawn": "player-spawn", "Depot": "depot", "MuralWall": "mural-wall",
               "District": "district",
               "CollectorSpawn": "collector-spawn", "Trigger": "trigger"}
# template size in px: an object's centre lands on its tile's centre
TEMPLATE_SIZE = {"PlayerSpawn": 12, "Waste": 12, "Depot": 32, "CollectorSpawn": 16}
GRASSY = set(".THo")  # cells whose ground is grass (for edge autotiling)


@dataclass
class LevelSpec:
    layout: str
    out: str
    properties: dict[str, tuple[str, object]]
    amounts: dict[str, int] = field(default_factory=dict)  # waste kind -> units per pile
    seed: int = 1
    # level-specific object characters: char -> (class, properties)
    objects: dict[str, tuple[str, dict]] = field(default_factory=dict)
    # Trigger areas in tiles: (x, y, width, height, name, dialogue id)
    triggers: list[tuple[int, int, int, int, str, str]] = field(default_factory=list)
    # District areas in tiles: (x, y, width, height, name, support %, rally_threshold %)
    districts: list[tuple[int, int, int, int, str, int, int]] = field(default_factory=list)


LEVELS = [
    LevelSpec(
        layout="01_scavengers_dawn.txt",
        out="01_scavengers_dawn.tmx",
        properties={
            "title": ("string", "Scavenger's Dawn"),
            "author": ("string", "Reclaim 2147 team"),
            "objective": ("string", "produce"),
            "objective_target": ("string", "biomass"),
            "objective_amount": ("int", 10),
            "objective_text": ("string", "Grow 10 biomass in Waste-to-Life nodes"),
            "seed": ("int", 2147),
            "par_seconds": ("int", 60),
        },
        amounts={"organic": 3, "polymer": 2, "alloy": 2},
        triggers=[(10, 9, 21, 1, "plaza north edge", "kora_guild"),
                  (10, 19, 21, 1, "plaza south edge", "kora_guild"),
                  (10, 10, 1, 9, "plaza west edge", "kora_guild"),
                  (30, 10, 1, 9, "plaza east edge", "kora_guild"),
                  (39, 8, 9, 13, "news kiosk", "talin_news")],
    ),
    LevelSpec(
        layout="02_shortages.txt",
        out="02_shortages.tmx",
        properties={
            "title": ("string", "Shortages"),
            "author": ("string", "Reclaim 2147 team"),
            "objective": ("string", "deliver"),
            "objective_target": ("string", "biomass"),
            "objective_amount": ("int", 24),
            "objective_text": ("string", "Supply the Guild depots"),
            "seed": ("int", 2148),
            "par_seconds": ("int", 90),
            "time_limit_seconds": ("int", 300),
            "node_process_ticks": ("int", 240),
        },
        amounts={"organic": 4, "polymer": 3, "alloy": 2},
        seed=2,
        objects={"G": ("Depot", {"accepts": "biomass", "demand": 10}),
                 "Y": ("Depot", {"accepts": "pigment", "demand": 6}),
                 "J": ("Depot", {"accepts": "biomass", "demand": 8}),
                 "V": ("CollectorSpawn", {"count": 2, "delay_seconds": 30})},
        triggers=[(17, 9, 9, 3, "market depot", "shortage_report"),
                  (36, 3, 12, 5, "van on the avenue", "collectors_seen"),
                  (32, 22, 16, 8, "clinic plaza", "clinic")],
    ),
    LevelSpec(
        layout="03_the_mural.txt",
        out="03_the_mural.tmx",
        properties={
            "title": ("string", "The Mural"),
            "author": ("string", "Reclaim 2147 team"),
            "objective": ("string", "support"),
            "objective_target": ("string", "pigment"),
            "objective_amount": ("int", 60),
            "objective_text": ("string", "Win the city over: support"),
            "seed": ("int", 2149),
            "par_seconds": ("int", 140),  # gold: about the autopilot's route (2:15)
            "smear_first_seconds": ("int", 50),
            "smear_interval_seconds": ("int", 35),
        },
        amounts={"organic": 2, "polymer": 3, "alloy": 2},
        seed=3,
        objects={"M": ("MuralWall", {"name": "mural wall", "radius": 7, "size": (2, 1)})},
        districts=[(0, 0, 16, 30, "Canal Row", 15, 40),
                   (16, 0, 18, 30, "Market Steps", 20, 40),
                   (34, 0, 14, 30, "Tower Yards", 10, 40)],
    ),
    LevelSpec(
        layout="05_the_coop.txt",
        out="05_the_coop.tmx",
        properties={
            "title": ("string", "The Co-op"),
            "author": ("string", "Reclaim 2147 team"),
            "objective": ("string", "coop"),
            "objective_target": ("string", "biomass"),
            "objective_amount": ("int", 3),
            "objective_text": ("string", "Found the co-op: goals met"),
            "seed": ("int", 2151),
            "par_seconds": ("int", 170),  # gold: about the autopilot's route (2:44)
            "smear_first_seconds": ("int", 70),
            "smear_interval_seconds": ("int", 50),
            "goal_support": ("int", 60),
            "goal_nodes": ("int", 5),
            "goal_workshops": ("int", 3),
        },
        amounts={"organic": 3, "polymer": 3, "alloy": 2},
        seed=5,
        objects={"M": ("MuralWall", {"name": "mural wall", "radius": 7, "size": (2, 1)}),
                 "N": ("MuralWall", {"name": "the great mural", "stage": "luminescent",
                                     "radius": 6, "size": (2, 1)})},
        districts=[(0, 0, 48, 10, "Old Foundry", 10, 40),
                   (0, 10, 48, 11, "Co-op Yard", 25, 45),
                   (0, 21, 48, 9, "Riverside", 10, 40)],
    ),
]


def read_layout(path: Path, objects: dict = OBJECTS) -> list[str]:
    rows = [line.rstrip("\n") for line in path.read_text().splitlines()
            if line and not line.startswith("#")]
    width = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            sys.exit(f"{path}: row {i} is {len(row)} wide, expected {width}")
        for ch in row:
            if ch not in LEGEND and ch not in objects:
                sys.exit(f"{path}: row {i} has unknown character {ch!r}")
    return rows


def ground_char(rows: list[str], x: int, y: int, objects: dict = OBJECTS) -> str:
    ch = rows[y][x]
    if ch in objects and ch not in LEGEND:  # an object on a legend tile keeps that tile
        return "." if _mostly_grass(rows, x, y) else ","
    return ch


def _mostly_grass(rows: list[str], x: int, y: int) -> bool:
    near = [rows[j][i] for j in range(y - 1, y + 2) for i in range(x - 1, x + 2)
            if 0 <= j < len(rows) and 0 <= i < len(rows[0]) and (i, j) != (x, y)]
    return sum(c in GRASSY for c in near) * 2 >= len(near)


def build(spec: LevelSpec) -> str:
    kinds = {**OBJECTS, **spec.objects}
    rows = read_layout(LAYOUTS / spec.layout, kinds)
    h, w = len(rows), len(rows[0])
    rng = random.Random(spec.seed)
    chars = [[ground_char(rows, x, y, kinds) for x in range(w)] for y in range(h)]
    ground = [[0] * w for _ in range(h)]
    structures = [[0] * w for _ in range(h)]
    for y in range(h):
        for x in range(w):
            choices, top = LEGEND[chars[y][x]]
            local = rng.choice(choices)
            if chars[y][x] in GRASSY:
                mask = 0
                for bit, (dx, dy) in ((1, (0, -1)), (2, (1, 0)), (4, (0, 1)), (8, (-1, 0))):
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < w and 0 <= ny < h and chars[ny][nx] not in GRASSY:
                        mask |= bit
                if mask:
                    local = EDGE_BASE + mask
            ground[y][x] = local + 1
            if top:
                structures[y][x] = rng.choice(top) + 1
    objects = []
    next_id = 1
    for y in range(h):
        for x in range(w):
            ch = rows[y][x]
            if ch in kinds:
                cls, props = kinds[ch]
                props = dict(props)
                if cls == "Waste":
                    props["amount"] = spec.amounts.get(props["kind"], 2)
                objects.append((next_id, cls, x, y, props))
                next_id += 1
    for x, y, tw, th, name, support, threshold in spec.districts:
        objects.append((next_id, "District", x, y, {"name": name, "support": support,
                                                     "rally_threshold": threshold,
                                                     "size": (tw, th)}))
        next_id += 1
    for x, y, tw, th, name, dialogue in spec.triggers:
        objects.append((next_id, "Trigger", x, y, {"name": name, "dialogue": dialogue,
                                                    "size": (tw, th)}))
        next_id += 1
    return to_tmx(spec, w, h, ground, structures, objects, next_id)


def _csv(grid: list[list[int]]) -> str:
    return "\n" + ",\n".join(",".join(str(v) for v in row) for row in grid) + "\n"


def _props(props: dict[str, tuple[str, object]], indent: str) -> str:
    lines = [f"{indent}<properties>"]
    for name, (kind, value) in props.items():
        type_attr = "" if kind == "string" else f' type="{kind}"'
        lines.append(f'{indent} <property name="{name}"{type_attr} value={quoteattr(str(value))}/>')
    lines.append(f"{indent}</properties>")
    return "\n".join(lines)


def to_tmx(spec, w, h, ground, structures, objects, next_id) -> str:
    names = {"PlayerSpawn": "Elara", "Waste": "", "CollectorSpawn": "Talin's van"}
    obj_xml = []
    for oid, cls, x, y, props in objects:
        # Objects are instances of the kit's templates (maps/templates/*.tx): the template
        # sets class, size and kind; the map only stores what differs from it.
        props = dict(props)
        size = props.pop("size", None)
        name = props.pop("name", "") or names.get(cls, "") or (
            f"{props['accepts']} depot" if cls == "Depot" else f"{props['kind']} pile")
        template = TEMPLATE_OF[cls] if cls != "Waste" else f"waste-{props['kind']}"
        extra = {k: v for k, v in props.items() if k != "kind" or cls != "Waste"}
        typed = {k: ("int" if isinstance(v, int) else "string", v) for k, v in extra.items()}
        body = ("\n" + _props(typed, "   ") + "\n  ") if typed else ""
        close = f">{body}</object>" if body else "/>"
        if size:  # an area given in tiles
            at = f'x="{x * 16}" y="{y * 16}" width="{size[0] * 16}" height="{size[1] * 16}"'
        else:
            off = 8 - TEMPLATE_SIZE[cls] // 2
            at = f'x="{x * 16 + off}" y="{y * 16 + off}"'
        obj_xml.append(f'  <object id="{oid}" name={quoteattr(name)} '
                       f'template="../templates/{template}.tx" {at}{close}')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" \
width="{w}" height="{h}" tilewidth="16" tileheight="16" infinite="0" nextlayerid="4" \
nextobjectid="{next_id}">
{_props(spec.properties, " ")}
 <tileset firstgid="1" source="../tilesets/city.tsx"/>
 <layer id="1" name="ground" width="{w}" height="{h}">
  <data encoding="csv">{_csv(ground)}</data>
 </layer>
 <layer id="2" name="structures" width="{w}" height="{h}">
  <data encoding="csv">{_csv(structures)}</data>
 </layer>
 <objectgroup id="3" name="objects">
{chr(10).join(obj_xml)}
 </objectgroup>
</map>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for spec in LEVELS:
        (OUT / spec.out).write_text(build(spec))
        print("wrote", OUT / spec.out)
    # level 4 adds drone spawns and its wave table on top of this builder
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import build_confrontation_map

    build_confrontation_map.main()


if __name__ == "__main__":
    main()
